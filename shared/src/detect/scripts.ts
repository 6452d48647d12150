// Which writing system a text is in, and which detectable languages that script leaves open.
// Many scripts settle the language alone (Hangul → ko, kana → ja, Thai, Hebrew, Greek…); the
// detector only weighs evidence between the languages a script leaves open.

/** The languages the detector can answer, as BCP 47 base codes. */
export const DETECTABLE_LANGUAGES = [
  'en',
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'nl',
  'sv',
  'da',
  'nb',
  'fi',
  'pl',
  'cs',
  'ru',
  'uk',
  'tr',
  'ar',
  'he',
  'ja',
  'zh',
  'ko',
  'hi',
  'th',
  'vi',
  'id',
  'el',
  'ro',
  'hu',
] as const;

export type Script =
  | 'hangul'
  | 'kana'
  | 'han'
  | 'thai'
  | 'hebrew'
  | 'greek'
  | 'devanagari'
  | 'arabic'
  | 'cyrillic'
  | 'latin';

const SCRIPT_PATTERNS: readonly (readonly [Script, RegExp])[] = [
  ['hangul', /\p{Script=Hangul}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['han', /\p{Script=Han}/u],
  ['thai', /\p{Script=Thai}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['greek', /\p{Script=Greek}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['latin', /\p{Script=Latin}/u],
];

const LATIN_LANGUAGES = [
  'en',
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'nl',
  'sv',
  'da',
  'nb',
  'fi',
  'pl',
  'cs',
  'tr',
  'vi',
  'id',
  'ro',
  'hu',
];

export const SCRIPT_LANGUAGES: Readonly<Record<Script, readonly string[]>> = {
  hangul: ['ko'],
  kana: ['ja'],
  han: ['zh', 'ja'],
  thai: ['th'],
  hebrew: ['he'],
  greek: ['el'],
  devanagari: ['hi'],
  arabic: ['ar'],
  cyrillic: ['ru', 'uk'],
  latin: LATIN_LANGUAGES,
};

// Brand names and product codes in Latin letters are common inside texts in other scripts
// ("주문한 iPhone 케이스"), so a non-Latin letter outweighs a Latin one.
const NON_LATIN_WEIGHT = 3;

/** The script that dominates the letters of `text`, or undefined when it has no letters. */
export function dominantScript(text: string): Script | undefined {
  const counts = new Map<Script, number>();
  for (const char of text) {
    for (const [script, pattern] of SCRIPT_PATTERNS) {
      if (pattern.test(char)) {
        counts.set(script, (counts.get(script) ?? 0) + (script === 'latin' ? 1 : NON_LATIN_WEIGHT));
        break;
      }
    }
  }
  // Any kana makes Han characters Japanese kanji.
  if (counts.has('kana')) return 'kana';
  let best: Script | undefined;
  let bestCount = 0;
  for (const [script, count] of counts) {
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best;
}
