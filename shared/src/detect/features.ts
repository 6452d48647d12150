// The evidence the detector weighs for each candidate language of a text: eld's and franc's
// character n-gram scores, word frequencies, and letters the language's spelling does not use.
import { francAll } from 'franc';
import { alphabetMismatch } from './alphabets.js';
import { eldScores } from './eld-ngrams.js';
import { wordEvidence } from './word-ranks.js';

// franc's ISO 639-3 codes for the detectable languages.
const FRANC_CODES: Readonly<Record<string, string>> = {
  en: 'eng',
  es: 'spa',
  fr: 'fra',
  de: 'deu',
  it: 'ita',
  pt: 'por',
  nl: 'nld',
  sv: 'swe',
  da: 'dan',
  nb: 'nob',
  fi: 'fin',
  pl: 'pol',
  cs: 'ces',
  ru: 'rus',
  uk: 'ukr',
  tr: 'tur',
  ar: 'arb',
  he: 'heb',
  ja: 'jpn',
  zh: 'cmn',
  ko: 'kor',
  hi: 'hin',
  th: 'tha',
  vi: 'vie',
  id: 'ind',
  el: 'ell',
  ro: 'ron',
  hu: 'hun',
};

/** Feature names, in the order of the vectors and of the weights. */
export const FEATURE_NAMES = [
  'eld',
  'franc',
  'wordLogRank',
  'wordsListed',
  'foreignLetters',
  'rareLetters',
] as const;
export type FeatureVector = readonly number[];

// franc's normalised score: 1 for the closest language, falling with trigram distance.
function francScores(text: string, candidates: readonly string[]): Map<string, number> {
  const only = candidates.map((code) => FRANC_CODES[code]).filter((code) => code !== undefined);
  const byIso = new Map(francAll(text, { only, minLength: 1 }));
  return new Map(candidates.map((code) => [code, byIso.get(FRANC_CODES[code] ?? '') ?? 0]));
}

/** One feature vector per candidate, in the candidates' order. */
export function candidateFeatures(
  text: string,
  words: readonly string[],
  candidates: readonly string[],
): FeatureVector[] {
  const eldByLanguage = eldScores(text);
  const francByLanguage = francScores(text, candidates);
  const letters = [...text.toLowerCase()].filter((char) => /\p{L}/u.test(char));
  return candidates.map((language) => {
    const { logRank, listed } = wordEvidence(words, language);
    const { foreign, rare } = alphabetMismatch(letters, language);
    return [
      eldByLanguage.get(language) ?? 0,
      (francByLanguage.get(language) ?? 0) - 1,
      logRank,
      listed,
      -foreign,
      -rare,
    ];
  });
}
