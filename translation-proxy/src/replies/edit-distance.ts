/**
 * Character-level Levenshtein distance between the machine translation and the approved text:
 * how much a translator changed, the per-pair, per-engine quality figure admins see.
 *
 * A full table costs length × length (two 20,000-character texts: 400 million cells, seconds of
 * blocked event loop), so the table is cut to a diagonal band that fits a fixed budget of cells
 * (Ukkonen's cut-off): the distance is exact when it fits the band, and unknown (`null`) when the
 * texts differ more than the band can tell. A caller that only cares about distances up to a `limit`
 * (fuzzy memory matches) narrows the band to it and gets `null` past it.
 *
 * Where it is cheaper than the band (segments of a few hundred characters: fuzzy matching scores
 * 24 candidates per lookup), the whole table is computed 32 cells at a time instead (Myers' bit
 * vectors, in Hyyrö's blocks), and the same rule applied to its exact distance: the answers are the
 * band's, at a fraction of its cost.
 */
import { htmlToText } from '@parley/shared/pipeline/html-text';

const CELL_BUDGET = 5_000_000;
const FAR = 0x3fffffff;

/** A text's characters as code points, so that an emoji is one character and comparing is cheap. */
function codePoints(text: string): Int32Array {
  const points = new Int32Array(text.length);
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const point = text.codePointAt(i)!;
    points[count++] = point;
    if (point > 0xffff) i++;
  }
  return points.subarray(0, count);
}

export function editDistance(a: string, b: string, limit = Infinity): number | null {
  const left = codePoints(a);
  const right = codePoints(b);
  // The unchanged start and end of a reply cost nothing to compare.
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) start++;
  let leftEnd = left.length;
  let rightEnd = right.length;
  while (leftEnd > start && rightEnd > start && left[leftEnd - 1] === right[rightEnd - 1]) {
    leftEnd--;
    rightEnd--;
  }
  const [short, long] =
    leftEnd - start <= rightEnd - start
      ? [left.subarray(start, leftEnd), right.subarray(start, rightEnd)]
      : [right.subarray(start, rightEnd), left.subarray(start, leftEnd)];
  if (short.length === 0) return long.length <= limit ? long.length : null;
  const band = Math.min(long.length, limit, Math.floor((CELL_BUDGET / short.length - 1) / 2));
  if (long.length - short.length > band) return null;
  const blocks = Math.ceil(short.length / 32);
  if (long.length * blocks < short.length * (2 * band + 1)) {
    const distance = bitVectorDistance(short, long);
    return distance <= band ? distance : null;
  }
  return bandedDistance(short, long, band);
}

/**
 * The exact Levenshtein distance of `pattern` and `text`, one column of the table per character
 * of `text`, kept as bit vectors of vertical differences (+1, -1) in blocks of 32 rows
 * (Hyyrö 2003, "A bit-vector algorithm for computing Levenshtein and Damerau edit distances").
 */
function bitVectorDistance(pattern: Int32Array, text: Int32Array): number {
  const blocks = Math.ceil(pattern.length / 32);
  // For each character of the pattern, the rows (per block) where it occurs.
  const matches = new Map<number, Int32Array>();
  for (let row = 0; row < pattern.length; row++) {
    const character = pattern[row]!;
    let rows = matches.get(character);
    if (!rows) matches.set(character, (rows = new Int32Array(blocks)));
    rows[row >>> 5]! |= 1 << (row & 31);
  }
  const none = new Int32Array(blocks);
  const plus = new Int32Array(blocks).fill(-1);
  const minus = new Int32Array(blocks);
  const lastRow = 1 << ((pattern.length - 1) & 31);
  let distance = pattern.length;
  for (let column = 0; column < text.length; column++) {
    const rows = matches.get(text[column]!) ?? none;
    // The first row of the table grows by one per column: the difference entering block 0.
    let carry = 1;
    for (let block = 0; block < blocks; block++) {
      const pv = plus[block]!;
      const mv = minus[block]!;
      let eq = rows[block]!;
      const xv = eq | mv;
      if (carry < 0) eq |= 1;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const high = block === blocks - 1 ? lastRow : 1 << 31;
      const out = ph & high ? 1 : mh & high ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (carry < 0) mh |= 1;
      else if (carry > 0) ph |= 1;
      plus[block] = mh | ~(xv | ph);
      minus[block] = ph & xv;
      carry = out;
    }
    distance += carry;
  }
  return distance;
}

/**
 * Levenshtein distance of `short` and `long` if it is at most `band`, else `null`. Typed arrays
 * only in the inner loop (fuzzy matching runs it for every candidate of every lookup), and it stops
 * at the first row whose every cell is past the band: later rows can only be further.
 */
function bandedDistance(short: Int32Array, long: Int32Array, band: number): number | null {
  let previous = new Int32Array(long.length + 1).fill(FAR);
  let current = new Int32Array(long.length + 1).fill(FAR);
  for (let j = 0; j <= Math.min(long.length, band); j++) previous[j] = j;
  for (let i = 1; i <= short.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(long.length, i + band);
    let left = from === 1 && i <= band ? i : FAR;
    current[from - 1] = left;
    let diagonal = previous[from - 1]!;
    let rowMinimum = left;
    const character = short[i - 1];
    for (let j = from; j <= to; j++) {
      const above = previous[j]!;
      const cell = Math.min(diagonal + (character === long[j - 1] ? 0 : 1), above + 1, left + 1);
      current[j] = cell;
      if (cell < rowMinimum) rowMinimum = cell;
      diagonal = above;
      left = cell;
    }
    if (to < long.length) current[to + 1] = FAR;
    if (rowMinimum > band) return null;
    [previous, current] = [current, previous];
  }
  const distance = previous[long.length]!;
  return distance <= band ? distance : null;
}

/** The visible text of a reply, for comparing edits without counting markup. */
export const visibleText = (content: string, format: 'html' | 'text'): string =>
  (format === 'html' ? htmlToText(content) : content).replace(/\s+/g, ' ').trim();
