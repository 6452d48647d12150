// eld's scoring (eld 2.1 by Nito T.M., Apache-2.0) over its packed "large" database: byte 4-grams
// of each word, looked up and summed per language, scaled to 0..1 as eld's getScores() does.
// Reimplemented here so the database, cut to the detectable languages, loads from one string into
// a Map and typed arrays: ~30 MB of heap and ~0.3 s, where eld's own large module (an object
// literal for 60 languages) costs ~140 MB of heap, ~400 MB of RSS and ~1.5–3 s.
import { ELD_BYTE_CHARS, ELD_LANGUAGES, ELD_NGRAMS } from './eld-ngrams.data.js';
import { trailingRunStart } from '../pipeline/trailing.js';

interface PackedNgrams {
  // n-gram → (offset of its first entry) * 32 + (number of entries)
  index: Map<string, number>;
  languages: Uint8Array;
  scores: Uint8Array;
}

// eld stores scores less this constant to keep its database small.
const BASE_NGRAM_SCORE = 53;
// eld's scale for turning an average n-gram score into 0..1.
const SCORE_SCALE = 25;
const MAX_TEXT_LENGTH = 1000;
// eld reads up to the first word break after 350 bytes, and never past 380.
const CUT_AFTER_BYTES = 350;
const ENFORCE_CUT_AFTER_BYTES = 380;
const MAX_WORD_BYTES = 70;
const NON_LETTERS = /[^\p{L}]+/gu;
const APOSTROPHES = /['`\u2019]/u;

/**
 * A run of non-letters separates words, except the apostrophes that end it ("don't"). Cut from
 * the end by hand: a lookbehind after the run backtracks through the whole run at each position.
 */
function separate(run: string): string {
  const apostrophes = trailingRunStart(run, APOSTROPHES);
  return apostrophes === 0 ? run : ` ${run.slice(apostrophes)}`;
}

const UTF8 = new TextEncoder();

let packed: PackedNgrams | undefined;

const TAB = 9;
const NEWLINE = 10;
const COMMA = 44;
const ZERO = 48;

// A hand-rolled scanner: splitting ~180,000 lines into strings and arrays would dominate load time.
export function loadEldNgrams(): PackedNgrams {
  if (packed === undefined) {
    const data = ELD_NGRAMS;
    // A line of k "language,score" entries holds 2k - 1 commas.
    let commas = 0;
    let lines = 1;
    for (let i = 0; i < data.length; i++) {
      const code = data.charCodeAt(i);
      if (code === COMMA) commas++;
      else if (code === NEWLINE) lines++;
    }
    const languages = new Uint8Array((commas + lines) / 2);
    const scores = new Uint8Array((commas + lines) / 2);
    const index = new Map<string, number>();
    let offset = 0;
    let position = 0;
    while (position < data.length) {
      const tab = data.indexOf('\t', position);
      const key = data.slice(position, tab);
      const first = offset;
      let value = 0;
      let isScore = false;
      position = tab + 1;
      for (; position <= data.length; position++) {
        const code = position < data.length ? data.charCodeAt(position) : NEWLINE;
        if (code === COMMA || code === NEWLINE) {
          if (isScore) scores[offset++] = value;
          else languages[offset] = value;
          isScore = !isScore;
          value = 0;
          if (code === NEWLINE) break;
        } else if (code !== TAB) {
          value = value * 10 + code - ZERO;
        }
      }
      position++;
      index.set(key, first * 32 + (offset - first));
    }
    packed = { index, languages, scores };
  }
  return packed;
}

// Each word as eld sees it: its UTF-8 bytes, one table character per byte.
function byteWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let bytes = 0;
  const normalized = text
    .slice(0, MAX_TEXT_LENGTH)
    .replace(NON_LETTERS, separate)
    .trim()
    .toLowerCase();
  for (const char of normalized) {
    if (char === ' ') {
      if (word !== '') words.push(word);
      word = '';
      bytes++;
      if (bytes > CUT_AFTER_BYTES) break;
      continue;
    }
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      word += char;
      bytes++;
    } else {
      for (const byte of UTF8.encode(char)) word += ELD_BYTE_CHARS[byte] ?? ' ';
      bytes += code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    }
    if (bytes > ENFORCE_CUT_AFTER_BYTES) break;
  }
  if (word !== '') words.push(word);
  return words;
}

// eld's n-grams: 4 bytes with a stride of 3, the first marked by a leading space, the last by a
// trailing one.
function byteNgrams(words: readonly string[]): Set<string> {
  const ngrams = new Set<string>();
  for (const word of words) {
    const length = Math.min(word.length, MAX_WORD_BYTES);
    let start = 0;
    for (; start + 4 < length; start += 3) {
      ngrams.add((start === 0 ? ' ' : '') + word.substring(start, start + 4));
    }
    ngrams.add((start === 0 ? ' ' : '') + word.substring(length !== 3 ? length - 4 : 0) + ' ');
  }
  return ngrams;
}

/** eld's 0..1 score for each language that any n-gram of the text supports. */
export function eldScores(text: string): Map<string, number> {
  const { index, languages, scores } = loadEldNgrams();
  const ngrams = byteNgrams(byteWords(text));
  const totals = new Float64Array(ELD_LANGUAGES.length);
  for (const ngram of ngrams) {
    const packedEntry = index.get(ngram);
    if (packedEntry === undefined) continue;
    const first = Math.floor(packedEntry / 32);
    const last = first + (packedEntry % 32);
    for (let entry = first; entry < last; entry++) {
      const language = languages[entry] ?? 0;
      totals[language] = (totals[language] ?? 0) + (scores[entry] ?? 0) + BASE_NGRAM_SCORE;
    }
  }
  const result = new Map<string, number>();
  totals.forEach((total, language) => {
    if (total <= 0) return;
    const average = total / ngrams.size;
    result.set(ELD_LANGUAGES[language] ?? 'und', average / (average + SCORE_SCALE));
  });
  return result;
}
