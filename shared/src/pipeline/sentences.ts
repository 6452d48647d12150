/**
 * Sentence boundaries with `Intl.Segmenter`, plus the one correction it needs in practice: ICU here
 * ignores the `ss=standard` suppressions, so it splits after titles like "Mr." or "Sr." when a
 * capitalised name follows.
 */

import { trailingRunStart } from './trailing.js';

const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'Mr',
    'Mrs',
    'Ms',
    'Dr',
    'Prof',
    'Sr',
    'Jr',
    'St',
    'vs',
    'e.g',
    'i.e',
    'approx',
    'Mt',
    'Ave',
  ],
  es: [
    'Sr',
    'Sra',
    'Srta',
    'Sres',
    'Dr',
    'Dra',
    'Ud',
    'Uds',
    'Vd',
    'Vds',
    'D',
    'Dña',
    'p.ej',
    'aprox',
    'Avda',
    'Av',
    'núm',
    'pág',
  ],
  de: [
    'Hr',
    'Hrn',
    'Fr',
    'Dr',
    'Prof',
    'z.B',
    'd.h',
    'u.a',
    'bzw',
    'ca',
    'Nr',
    'Str',
    'ggf',
    'evtl',
    'inkl',
    'zzgl',
    'vgl',
  ],
  fr: ['M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Dr', 'Pr', 'p.ex', 'env', 'cf', 'av'],
  pt: ['Sr', 'Sra', 'Srta', 'Dr', 'Dra', 'p.ex', 'aprox', 'Av'],
  it: ['Sig', 'Sigg', 'Sig.ra', 'Dott', 'Dott.ssa', 'Prof', 'ecc', 'p.es'],
  nl: ['dhr', 'mevr', 'Dhr', 'Mevr', 'bijv', 'o.a', 'd.w.z', 'Dr'],
};

const segmenters = new Map<string, Intl.Segmenter>();
const abbreviationPatterns = new Map<string, RegExp | null>();

function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    } catch {
      // An unknown or malformed tag ("auto", "x-foo") still deserves segmentation.
      segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    }
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

function abbreviationPatternFor(language: string): RegExp | null {
  let pattern = abbreviationPatterns.get(language);
  if (pattern === undefined) {
    const list = ABBREVIATIONS[language.toLowerCase().split(/[-_]/)[0] ?? ''];
    pattern = list
      ? new RegExp(
          `(?:^|[\\s(¿¡"'«])(?:${list.map((word) => word.replace(/\./g, '\\.')).join('|')})\\.\\s*$`,
          'u',
        )
      : null;
    abbreviationPatterns.set(language, pattern);
  }
  return pattern;
}

const TERMINATOR = /[\p{Sentence_Terminal}\u2024\uFE52\uFF0E]/u;
const CLOSING = /[\p{Sentence_Terminal}\p{P}\s\uFFFC]/u;

/**
 * A run can only hold a sentence break after a terminator with more text behind it; most runs
 * (greetings, one-sentence lines) have none and skip ICU. The closing punctuation and spaces are
 * cut off first: a lookahead for "only those up to the end" rescans the rest at every terminator.
 */
const hasInnerTerminator = (text: string): boolean =>
  TERMINATOR.test(text.slice(0, trailingRunStart(text, CLOSING)));
// Line breaks inside a run are not paragraph ends (HTML source formatting); ICU would break there.
const PARAGRAPH_SEPARATORS = /[\n\r\u0085\u2028\u2029]/g;
const RUN_SEPARATOR = '\u2029';
const ABBREVIATION_WINDOW = 40;

/**
 * For each text, the offsets where a new sentence starts (never 0). All texts go through one
 * `Intl.Segmenter` call, joined by paragraph separators: each call costs far more than its length.
 */
export function sentenceStarts(texts: readonly string[], language: string): number[][] {
  const starts = texts.map((): number[] => []);
  const runs: { index: number; offset: number; length: number }[] = [];
  let joined = '';
  texts.forEach((text, index) => {
    if (!hasInnerTerminator(text)) return;
    runs.push({ index, offset: joined.length, length: text.length });
    joined += text.replace(PARAGRAPH_SEPARATORS, ' ') + RUN_SEPARATOR;
  });
  let current = 0;
  let run = runs[0];
  if (!run) return starts;
  const abbreviation = abbreviationPatternFor(language);
  let sentenceStart = run.offset;
  for (const { index } of segmenterFor(language).segment(joined)) {
    while (index >= run.offset + run.length + 1) {
      const next = runs[++current];
      if (!next) return starts;
      run = next;
      sentenceStart = run.offset;
    }
    if (index <= run.offset) continue;
    // Only the sentence's tail can end in an abbreviation; a bounded window keeps long runs linear.
    const tail = joined.slice(Math.max(sentenceStart, index - ABBREVIATION_WINDOW), index);
    if (abbreviation?.test(tail)) continue;
    starts[run.index]?.push(index - run.offset);
    sentenceStart = index;
  }
  return starts;
}
