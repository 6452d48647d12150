/**
 * How similar two masked segments are, as translators read a fuzzy match: the character-level
 * edit distance of their normalised text, as a percentage of the longer one. Placeholders and
 * numbers are normalised first, so that "Order 123 shipped" against a stored "Order 456 shipped"
 * is a near-exact match (the translator fixes the number, which QA checks anyway).
 */
import { parseMaskedSegment } from '@parley/shared/pipeline/masked-segment';
import { NUMBER } from '@parley/shared/pipeline/numbers';
import { editDistance } from '../replies/edit-distance.js';

/** Matches below this percentage cost a translator more to fix than to translate afresh. */
export const MIN_MATCH_SCORE = 70;

/** Private-use characters: they cannot occur in text the normalisation leaves behind. */
const PLACEHOLDER_MARK = '\uE000';
const NUMBER_MARK = '\uE001';

/** The text of a masked segment as matching compares it: lower case, marks for tokens and numbers. */
export function fuzzyText(masked: string): string {
  return parseMaskedSegment(masked)
    .map((part) =>
      'text' in part ? part.text.toLowerCase().replace(NUMBER, NUMBER_MARK) : PLACEHOLDER_MARK,
    )
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The length the index files a normalised text under, in characters (not UTF-16 units). */
export const fuzzyLength = (text: string): number => [...text].length;

/** Scripts written without spaces between words: indexed by pairs of characters instead. */
const UNSPACED =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD = /[\p{L}\p{M}]+/gu;
/** Enough to find a sentence by; the words past it add index rows, not better candidates. */
const MAX_TERMS = 64;

/**
 * The index terms of a normalised text: its words of two letters or more, and the character pairs
 * of runs in scripts without spaces. Distinct, in order of appearance.
 */
export function fuzzyTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const [word] of text.matchAll(WORD)) {
    if (terms.size >= MAX_TERMS) break;
    const characters = [...word];
    if (!UNSPACED.test(word)) {
      if (characters.length >= 2) terms.add(word);
      continue;
    }
    if (characters.length === 1) terms.add(word);
    for (let i = 0; i + 1 < characters.length && terms.size < MAX_TERMS; i++)
      terms.add(`${characters[i]}${characters[i + 1]}`);
  }
  return [...terms];
}

/**
 * The shortest and longest normalised text that can score at least `MIN_MATCH_SCORE` against one
 * of `length` characters: the distance is at least the difference in length.
 */
export function matchableLengths(length: number): { min: number; max: number } {
  const keep = MIN_MATCH_SCORE / 100;
  return { min: Math.ceil(length * keep), max: Math.floor(length / keep) };
}

/**
 * The match percentage of a stored segment against the one being translated, both normalised
 * with `fuzzyText`, or `null` below `MIN_MATCH_SCORE`. 100 is kept for the very same masked text:
 * a match that differs only in numbers, case or spacing scores 99.
 */
export function matchScore(
  query: { masked: string; text: string },
  stored: { masked: string; text: string },
): number | null {
  const longest = Math.max(fuzzyLength(query.text), fuzzyLength(stored.text));
  if (longest === 0) return query.masked === stored.masked ? 100 : null;
  const allowed = Math.floor(longest * (1 - MIN_MATCH_SCORE / 100));
  const distance = editDistance(query.text, stored.text, allowed);
  if (distance === null) return null;
  const score = Math.floor(100 * (1 - distance / longest));
  if (score < MIN_MATCH_SCORE) return null;
  return score === 100 && query.masked !== stored.masked ? 99 : score;
}
