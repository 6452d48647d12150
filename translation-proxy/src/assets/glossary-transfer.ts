/**
 * A tenant's glossary in and out as TBX-Basic or CSV, written through the glossary repository
 * with the limits the API puts on terms. How a TBX concept becomes Parley entries:
 *
 * - each term in the source language, paired with the first term of each other language, is a
 *   forced translation for that target;
 * - a target term equal to the source term is a do-not-translate term for that target;
 * - a concept with terms in the source language only is a do-not-translate term for every target
 *   (`*`), as a glossary entry without a translation is in Parley.
 *
 * Exports write the same shapes back. TBX has no place for case sensitivity or for one
 * translation for every target (`*`); CSV carries both.
 */
import { ASSET_LIMITS, type ImportReport } from '@parley/shared/api/assets';
import { LIMITS } from '@parley/shared/api/schemas';
import { normalizeLanguageTag } from '@parley/shared/languages';
import { ANY_TARGET, type GlossaryEntry, type GlossaryRepository } from '../store/glossary.js';
import { readGlossaryCsv, writeGlossaryCsv, type CsvRow } from './glossary-csv.js';
import { AssetFormatError, importTally, quoted, type ImportTally } from './import-report.js';
import { readTbx, writeTbx, type TbxConcept, type TbxConceptOut } from './tbx.js';

export type GlossaryFormat = 'tbx' | 'csv';

type NewTerm = Omit<GlossaryEntry, 'id'>;

export interface GlossaryImportOptions {
  /** Source language: wins over a TBX file's `xml:lang`; for CSV rows without one. */
  sourceLang?: string | undefined;
  /** TBX: only this target language; CSV: the target of rows without one. */
  targetLang?: string | undefined;
}

class SkippedTerm extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function checkedTerm(term: string, what: string): string {
  const trimmed = term.trim();
  if (trimmed === '') throw new SkippedTerm('term_missing', `the ${what} term is empty`);
  if (trimmed.length > LIMITS.maxTermCharacters)
    throw new SkippedTerm(
      'term_too_long',
      `the ${what} term is longer than ${LIMITS.maxTermCharacters} characters`,
    );
  return trimmed;
}

function checkedLanguage(raw: string | undefined, what: string, anyAllowed = false): string {
  if (raw === undefined || raw.trim() === '')
    throw new SkippedTerm(
      `${what}_language_unknown`,
      `no ${what} language (give one for the file)`,
    );
  if (anyAllowed && raw.trim() === ANY_TARGET) return ANY_TARGET;
  const tag = normalizeLanguageTag(raw.trim());
  if (!tag)
    throw new SkippedTerm('invalid_language', `${quoted(raw)} is not a BCP 47 language tag`);
  return tag;
}

function conceptTerms(
  concept: TbxConcept,
  sourceLang: string | undefined,
  targetLang: string | undefined,
): NewTerm[] {
  const source = checkedLanguage(sourceLang, 'source');
  const invalid = concept.languages.find((language) => !language.lang);
  if (invalid)
    throw new SkippedTerm(
      'invalid_language',
      `${quoted(invalid.rawLang)} is not a BCP 47 language tag`,
    );
  const sourceTerms = concept.languages
    .filter((language) => language.lang === source)
    .flatMap((language) => language.terms)
    .map((term) => checkedTerm(term, 'source'));
  if (sourceTerms.length === 0)
    throw new SkippedTerm('source_term_missing', `no term in the source language ${source}`);
  const targets = new Map<string, string>();
  for (const language of concept.languages) {
    const lang = language.lang!;
    const first = language.terms[0];
    if (lang === source || targets.has(lang) || first === undefined) continue;
    if (targetLang === undefined || lang === targetLang)
      targets.set(lang, checkedTerm(first, 'target'));
  }
  const others = concept.languages.some((language) => language.lang !== source);
  if (targets.size === 0 && others)
    throw new SkippedTerm(
      'target_term_missing',
      `no term in the target language ${targetLang ?? ''}`,
    );
  if (targets.size === 0)
    return sourceTerms.map((term) => ({
      sourceLang: source,
      targetLang: targetLang ?? ANY_TARGET,
      source: term,
      target: null,
      caseSensitive: false,
    }));
  return sourceTerms.flatMap((term) =>
    [...targets].map(([lang, target]) => ({
      sourceLang: source,
      targetLang: lang,
      source: term,
      target: target === term ? null : target,
      caseSensitive: false,
    })),
  );
}

const CASE_SENSITIVE: Readonly<Record<string, boolean>> = {
  '': false,
  false: false,
  no: false,
  '0': false,
  true: true,
  yes: true,
  '1': true,
};

function rowTerm(row: CsvRow, options: GlossaryImportOptions): NewTerm {
  if (row.fieldCount !== row.headerFieldCount)
    throw new SkippedTerm(
      'wrong_column_count',
      `${row.fieldCount} fields where the header has ${row.headerFieldCount}`,
    );
  const { values } = row;
  const caseSensitive = CASE_SENSITIVE[(values.case_sensitive ?? '').trim().toLowerCase()];
  if (caseSensitive === undefined)
    throw new SkippedTerm('invalid_case_sensitive', 'case_sensitive is true or false');
  const target = (values.target ?? '').trim();
  return {
    sourceLang: checkedLanguage(values.source_lang || options.sourceLang, 'source'),
    targetLang: checkedLanguage(values.target_lang || options.targetLang, 'target', true),
    source: checkedTerm(values.source ?? '', 'source'),
    target: target === '' ? null : checkedTerm(target, 'target'),
    caseSensitive,
  };
}

async function writeTerms(
  glossary: Pick<GlossaryRepository, 'upsert'>,
  tenantId: string,
  tally: ImportTally,
  line: number,
  terms: readonly NewTerm[],
  written: { count: number },
): Promise<void> {
  for (const term of terms) {
    if (written.count >= ASSET_LIMITS.maxGlossaryImportTerms) {
      tally.skip({
        line,
        code: 'too_many_terms',
        message: `one import writes at most ${ASSET_LIMITS.maxGlossaryImportTerms} terms`,
      });
      return;
    }
    await glossary.upsert(tenantId, term);
    written.count += 1;
    tally.imported(1);
  }
}

function skipOrThrow(tally: ImportTally, line: number, error: unknown): void {
  if (!(error instanceof SkippedTerm)) throw error;
  tally.skip({ line, code: error.code, message: error.message });
}

/**
 * Imports a glossary file. Unusable concepts or rows are skipped and reported; a file that is not
 * TBX or CSV at all stops the import at its bad line with `AssetFormatError`, once the terms
 * before that line are written.
 */
export async function importGlossary(
  glossary: Pick<GlossaryRepository, 'upsert'>,
  tenantId: string,
  format: GlossaryFormat,
  input: AsyncIterable<Uint8Array | string>,
  options: GlossaryImportOptions = {},
): Promise<ImportReport> {
  const tally = importTally();
  const written = { count: 0 };
  const targetLang =
    options.targetLang === undefined ? undefined : normalizeLanguageTag(options.targetLang);
  try {
    if (format === 'tbx') {
      let sourceLang = options.sourceLang;
      await readTbx(input, {
        fileLanguage(lang) {
          sourceLang ??= lang;
        },
        async concepts(concepts) {
          for (const concept of concepts) {
            let terms: NewTerm[];
            try {
              terms = conceptTerms(concept, sourceLang, targetLang);
            } catch (error) {
              skipOrThrow(tally, concept.line, error);
              continue;
            }
            await writeTerms(glossary, tenantId, tally, concept.line, terms, written);
          }
        },
      });
    } else {
      await readGlossaryCsv(input, {
        async rows(rows) {
          for (const row of rows) {
            let term: NewTerm;
            try {
              term = rowTerm(row, options);
            } catch (error) {
              skipOrThrow(tally, row.line, error);
              continue;
            }
            await writeTerms(glossary, tenantId, tally, row.line, [term], written);
          }
        },
      });
    }
  } catch (error) {
    throw error instanceof AssetFormatError ? tally.stopped(error) : error;
  }
  return tally.report();
}

function tbxConcepts(entries: readonly GlossaryEntry[]): TbxConceptOut[] {
  const concepts = new Map<string, { source: string; targets: { lang: string; term: string }[] }>();
  for (const entry of entries) {
    // One translation for every target has no language to be written in.
    if (entry.targetLang === ANY_TARGET && entry.target !== null) continue;
    const key = `${entry.targetLang === ANY_TARGET ? '*' : 'pair'}\u0000${entry.source}`;
    const concept = concepts.get(key) ?? { source: entry.source, targets: [] };
    concepts.set(key, concept);
    if (entry.targetLang !== ANY_TARGET)
      concept.targets.push({ lang: entry.targetLang, term: entry.target ?? entry.source });
  }
  return [...concepts.values()];
}

/**
 * The tenant's glossary as a document in pieces: TBX needs one source language (a term base's
 * concepts are in one), CSV takes any. Throws a `RangeError` for TBX without one.
 */
export async function exportGlossary(
  glossary: Pick<GlossaryRepository, 'list'>,
  tenantId: string,
  format: GlossaryFormat,
  filter: { sourceLang?: string | undefined; targetLang?: string | undefined },
): Promise<Iterable<string>> {
  const entries = (await glossary.list(tenantId)).filter(
    (entry) =>
      (filter.sourceLang === undefined || entry.sourceLang === filter.sourceLang) &&
      (filter.targetLang === undefined || entry.targetLang === filter.targetLang),
  );
  if (format === 'csv')
    return writeGlossaryCsv(
      entries.map((entry) => ({
        source_lang: entry.sourceLang,
        target_lang: entry.targetLang,
        source: entry.source,
        target: entry.target ?? '',
        case_sensitive: entry.caseSensitive ? 'true' : 'false',
      })),
    );
  if (filter.sourceLang === undefined) throw new RangeError('a TBX export needs a source language');
  return writeTbx(filter.sourceLang, tbxConcepts(entries));
}
