// Glossary CSV: RFC 4180 quoting both ways, the formula guard, broken files with their line.
import { describe, expect, it } from 'vitest';
import { collect, inChunks } from '../../../tests/support/streams.js';
import { csvCell, readGlossaryCsv, writeGlossaryCsv, type CsvRow } from './glossary-csv.js';
import { AssetFormatError } from './import-report.js';

async function rows(content: string, chunkSize = 5): Promise<CsvRow[]> {
  const read: CsvRow[] = [];
  await readGlossaryCsv(inChunks(content, chunkSize), {
    rows: async (ready) => {
      read.push(...ready);
    },
  });
  return read;
}

async function failure(content: string): Promise<AssetFormatError> {
  const error = await rows(content).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AssetFormatError);
  return error as AssetFormatError;
}

describe('reading glossary CSV', () => {
  it('reads quoted commas, doubled quotes and line breaks, with each row’s first line', async () => {
    const read = await rows(
      'source,target\r\n"refund, partial",remboursement partiel\r\n"the ""Pro"" plan","el plan ""Pro"""\r\n"line\r\nbreak",改行\r\nlast,dernier',
    );
    expect(read).toEqual([
      {
        line: 2,
        values: { source: 'refund, partial', target: 'remboursement partiel' },
        fieldCount: 2,
        headerFieldCount: 2,
      },
      {
        line: 3,
        values: { source: 'the "Pro" plan', target: 'el plan "Pro"' },
        fieldCount: 2,
        headerFieldCount: 2,
      },
      {
        line: 4,
        values: { source: 'line\r\nbreak', target: '改行' },
        fieldCount: 2,
        headerFieldCount: 2,
      },
      {
        line: 6,
        values: { source: 'last', target: 'dernier' },
        fieldCount: 2,
        headerFieldCount: 2,
      },
    ]);
  });

  it('takes columns by header name in any order, ignores unknown ones and a UTF-8 BOM', async () => {
    const read = await rows(
      '\uFEFFNote,Target,Source,Source_Lang\nbrand,Lieferschein,packing slip,en\n',
    );
    expect(read[0]!.values).toEqual({
      target: 'Lieferschein',
      source: 'packing slip',
      source_lang: 'en',
    });
  });

  it('drops the quote that guards a formula, and only that one', async () => {
    const read = await rows("source,target\n'=SUM(A1),'@cmd\n'plain,it's\n");
    expect(read.map((row) => row.values)).toEqual([
      { source: '=SUM(A1)', target: '@cmd' },
      { source: "'plain", target: "it's" },
    ]);
  });

  it('skips blank lines', async () => {
    expect(await rows('source,target\n\nhello,hola\n\n')).toHaveLength(1);
  });

  it.each([
    ['source,target\nhel"lo,hola\n', 2, 'a quote inside an unquoted field'],
    ['source,target\n"hello"x,hola\n', 2, 'goes on after its closing quote'],
    ['source,target\nok,bien\n"never closed,hola\n', 4, 'not closed'],
    ['source,translation\nhello,hola\n', 1, 'no "target" column'],
    ['', 1, 'the file is empty'],
  ])('refuses a broken file with invalid_csv and its line: %#', async (content, line, reason) => {
    const error = await failure(content);
    expect(error).toMatchObject({ code: 'invalid_csv', line });
    expect(error.message).toContain(reason);
  });

  it('refuses a runaway quoted field instead of holding the whole file', async () => {
    const error = await failure(`source,target\n"${'x'.repeat(20_000)}`);
    expect(error.message).toContain('longer than 10000 characters');
  });
});

describe('writing glossary CSV', () => {
  it.each([
    ['=HYPERLINK("http://evil.example")', `"'=HYPERLINK(""http://evil.example"")"`],
    ['+49 30 1234', "'+49 30 1234"],
    ['-10% off', "'-10% off"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindented', "'\tindented"],
  ])('guards a cell that a spreadsheet would run as a formula: %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('quotes only what needs quoting', () => {
    expect(csvCell('Lieferschein')).toBe('Lieferschein');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('reads back every value it writes', async () => {
    const written = [
      {
        source_lang: 'en',
        target_lang: 'es',
        source: '=1+1',
        target: 'el plan "Pro", anual',
        case_sensitive: 'false',
      },
      { source_lang: 'en', target_lang: '*', source: 'Parley', target: '', case_sensitive: 'true' },
    ];
    const text = await collect(writeGlossaryCsv(written));
    expect(text.startsWith('source_lang,target_lang,source,target,case_sensitive\r\n')).toBe(true);
    expect((await rows(text)).map((row) => row.values)).toEqual(written);
  });
});
