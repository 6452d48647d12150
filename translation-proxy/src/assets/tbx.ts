/**
 * TBX-Basic (ISO 30042), read and written as a stream: the current TBX-Basic v3 (`<tbx
 * type="TBX-Basic">`, `conceptEntry` / `langSec` / `termSec`) and, for older files, v2
 * (`<martif type="TBX-Basic">`, `termEntry` / `langSet` / `tig` or `ntig`). A concept entry is
 * read as its terms per language; data categories other than the term are not kept, because a
 * Parley glossary entry has none. Exports are written as v3.
 */
import { normalizeLanguageTag } from '@parley/shared/languages';
import { AssetFormatError, quoted } from './import-report.js';
import { attribute, readXml, xmlAttribute, xmlText } from './xml-stream.js';

const ROOTS = new Set(['tbx', 'martif']);
const CONCEPTS = new Set(['conceptEntry', 'termEntry']);
const LANGUAGE_SECTIONS = new Set(['langSec', 'langSet']);
/** Longer text inside a `<term>` is cut here; the glossary refuses such a term anyway. */
const MAX_TERM_READ = 1_000;

export interface TbxLanguage {
  /** The normalised BCP 47 tag, or undefined when `xml:lang` is not one. */
  lang: string | undefined;
  rawLang: string;
  terms: string[];
}

export interface TbxConcept {
  line: number;
  languages: TbxLanguage[];
}

export interface TbxReadCallbacks {
  /** The language of the file (`xml:lang` on the root), once known. */
  fileLanguage(lang: string | undefined): void;
  /** Concepts a chunk completed; awaited before the next chunk is read. */
  concepts(concepts: TbxConcept[]): Promise<void>;
}

/** Reads a TBX-Basic document; throws `AssetFormatError` (`invalid_tbx`) when it is not TBX. */
export async function readTbx(
  input: AsyncIterable<Uint8Array | string>,
  callbacks: TbxReadCallbacks,
): Promise<void> {
  let depth = 0;
  let concept: TbxConcept | undefined;
  let language: TbxLanguage | undefined;
  let term: string | undefined;
  let pending: TbxConcept[] = [];

  await readXml(
    input,
    'invalid_tbx',
    {
      open(tag, line) {
        depth += 1;
        if (depth === 1) {
          if (!ROOTS.has(tag.name))
            throw new AssetFormatError(
              'invalid_tbx',
              line,
              `the root element is ${quoted(tag.name)}, not tbx (TBX v3) or martif (TBX v2)`,
            );
          const rawLang = attribute(tag, 'xml:lang');
          callbacks.fileLanguage(rawLang === undefined ? undefined : normalizeLanguageTag(rawLang));
        } else if (CONCEPTS.has(tag.name)) concept = { line, languages: [] };
        else if (concept && LANGUAGE_SECTIONS.has(tag.name)) {
          const rawLang = attribute(tag, 'xml:lang') ?? '';
          language = { rawLang, lang: normalizeLanguageTag(rawLang), terms: [] };
          concept.languages.push(language);
        } else if (language && tag.name === 'term') term = '';
      },
      text(text) {
        if (term !== undefined && term.length < MAX_TERM_READ)
          term += text.slice(0, MAX_TERM_READ - term.length);
      },
      close(name) {
        depth -= 1;
        if (name === 'term' && language && term !== undefined) {
          language.terms.push(term.trim());
          term = undefined;
        } else if (LANGUAGE_SECTIONS.has(name)) language = undefined;
        else if (CONCEPTS.has(name) && concept) {
          pending.push(concept);
          concept = undefined;
        }
      },
    },
    async () => {
      if (pending.length === 0) return;
      const ready = pending;
      pending = [];
      await callbacks.concepts(ready);
    },
  );
}

/** A concept to write: its term in the file's language and in others. */
export interface TbxConceptOut {
  source: string;
  targets: readonly { lang: string; term: string }[];
}

const languageSection = (lang: string, term: string): string =>
  `      <langSec xml:lang="${xmlAttribute(lang)}"><termSec><term>${xmlText(term)}</term></termSec></langSec>`;

/** A TBX-Basic v3 document whose concepts are all in `sourceLang`, a piece at a time. */
export function* writeTbx(
  sourceLang: string,
  concepts: Iterable<TbxConceptOut>,
): Generator<string> {
  yield [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<tbx type="TBX-Basic" style="dca" xml:lang="${xmlAttribute(sourceLang)}" xmlns="urn:iso:std:iso:30042:ed-2">`,
    '  <tbxHeader>',
    '    <fileDesc><sourceDesc><p>Glossary exported from Parley</p></sourceDesc></fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
    '',
  ].join('\n');
  let index = 0;
  for (const concept of concepts) {
    index += 1;
    yield [
      `    <conceptEntry id="c${index}">`,
      languageSection(sourceLang, concept.source),
      ...concept.targets.map((target) => languageSection(target.lang, target.term)),
      '    </conceptEntry>',
      '',
    ].join('\n');
  }
  yield '    </body>\n  </text>\n</tbx>\n';
}
