/**
 * Glossaries as CSV (RFC 4180: comma-separated, fields with a comma, quote or line break in
 * double quotes, quotes doubled). The header names the columns: `source` and `target` are
 * required; `source_lang`, `target_lang` and `case_sensitive` are optional (the pair may come
 * from the caller instead); other columns are ignored, so a sheet may carry notes.
 *
 * Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a
 * formula, so exports prefix such a cell with `'` (OWASP's advice against CSV injection); imports
 * drop that one quote again, so an export reads back unchanged.
 */
import { TextDecoder } from 'node:util';
import { AssetFormatError } from './import-report.js';

export const CSV_COLUMNS = [
  'source_lang',
  'target_lang',
  'source',
  'target',
  'case_sensitive',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** A field longer than this is an unclosed quote swallowing the file, not a term. */
const MAX_FIELD_CHARACTERS = 10_000;
const FORMULA_START = /^[=+\-@\t\r]/;
const GUARDED_FORMULA = /^'(?=[=+\-@\t\r])/;

/** A row by column name, with its line. */
export interface CsvRow {
  line: number;
  values: Partial<Record<CsvColumn, string>>;
  /** Fields in the row, and in the header: a row should have as many. */
  fieldCount: number;
  headerFieldCount: number;
}

export interface CsvReadCallbacks {
  /** Rows a chunk completed; awaited before the next chunk is read. */
  rows(rows: CsvRow[]): Promise<void>;
}

/**
 * Reads a glossary CSV document, one pass over the characters. Throws `AssetFormatError`
 * (`invalid_csv`) for a broken quote, a missing column or an empty file.
 */
export async function readGlossaryCsv(
  input: AsyncIterable<Uint8Array | string>,
  callbacks: CsvReadCallbacks,
): Promise<void> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  let line = 1;
  let recordLine = 1;
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  /** Inside a quoted field, a quote was just read: it ends the field or starts a doubled quote. */
  let quoteSeen = false;
  let columns: (CsvColumn | undefined)[] | undefined;
  let pending: CsvRow[] = [];
  let previous = '';

  const fail = (reason: string): never => {
    throw new AssetFormatError('invalid_csv', line, reason);
  };
  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    const record = fields;
    fields = [];
    const startLine = recordLine;
    recordLine = line;
    if (record.length === 1 && record[0] === '') return;
    if (!columns) {
      columns = record.map((name) => {
        const column = name.trim().toLowerCase();
        return (CSV_COLUMNS as readonly string[]).includes(column)
          ? (column as CsvColumn)
          : undefined;
      });
      for (const required of ['source', 'target'] as const)
        if (!columns.includes(required))
          throw new AssetFormatError(
            'invalid_csv',
            startLine,
            `the header has no "${required}" column`,
          );
      return;
    }
    const values: CsvRow['values'] = {};
    columns.forEach((column, index) => {
      const value = record[index];
      if (column && value !== undefined) values[column] = value.replace(GUARDED_FORMULA, '');
    });
    pending.push({
      line: startLine,
      values,
      fieldCount: record.length,
      headerFieldCount: columns.length,
    });
  };

  const consume = (text: string) => {
    for (const character of text) {
      if (character === '\n') line += previous === '\r' ? 0 : 1;
      else if (character === '\r') line += 1;
      previous = character;
      if (quoted) {
        if (quoteSeen) {
          quoteSeen = false;
          if (character === '"') {
            field += '"';
            continue;
          }
          quoted = false;
          // Falls through: the character after a closing quote is read as unquoted.
        } else {
          if (character === '"') quoteSeen = true;
          else field += character;
          if (field.length > MAX_FIELD_CHARACTERS)
            fail(`a field is longer than ${MAX_FIELD_CHARACTERS} characters (an unclosed quote?)`);
          continue;
        }
        if (character !== ',' && character !== '\n' && character !== '\r')
          fail('a quoted field goes on after its closing quote');
      }
      if (character === ',') endField();
      // CRLF, LF or CR; the empty record between CR and LF is dropped like any blank line.
      else if (character === '\n' || character === '\r') endRecord();
      else if (character === '"') {
        if (field !== '') fail('a quote inside an unquoted field');
        quoted = true;
      } else {
        field += character;
        if (field.length > MAX_FIELD_CHARACTERS)
          fail(`a field is longer than ${MAX_FIELD_CHARACTERS} characters`);
      }
    }
  };

  const flush = async () => {
    if (pending.length === 0) return;
    const ready = pending;
    pending = [];
    await callbacks.rows(ready);
  };
  try {
    for await (const chunk of input) {
      consume(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      await flush();
    }
    consume(decoder.decode());
    if (quoted && !quoteSeen) fail('a quoted field is not closed before the end of the file');
    if (field !== '' || fields.length > 0 || quoted) endRecord();
    if (!columns) fail('the file is empty: it needs a header with "source" and "target"');
  } finally {
    // Rows before a bad line are kept, as with XML files.
    await flush();
  }
}

/** One cell of an exported row: guarded against formulas, quoted when it must be. */
export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** A CSV document with the full header, a piece at a time; lines end in CRLF (RFC 4180). */
export function* writeGlossaryCsv(rows: Iterable<Record<CsvColumn, string>>): Generator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  for (const row of rows)
    yield `${CSV_COLUMNS.map((column) => csvCell(row[column])).join(',')}\r\n`;
}
