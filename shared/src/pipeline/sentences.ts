/**
 * Sentence boundaries with `Intl.Segmenter`, plus the one correction it needs in practice: ICU here
 * ignores the `ss=standard` suppressions, so it splits after titles like "Mr." or "Sr." when a
 * capitalised name follows.
 */

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

/** Offsets in `text` where a new sentence starts (never 0). */
export function sentenceStarts(text: string, language: string): number[] {
  const starts: number[] = [];
  const abbreviation = abbreviationPatternFor(language);
  let previousStart = 0;
  for (const { index } of segmenterFor(language).segment(text)) {
    if (index === 0) continue;
    if (abbreviation?.test(text.slice(previousStart, index))) continue;
    starts.push(index);
    previousStart = index;
  }
  return starts;
}
