/**
 * Character-level Levenshtein distance between the machine translation and the approved text:
 * how much a translator changed, the per-pair, per-engine quality figure admins see.
 *
 * A full table costs length × length (two 20,000-character texts: 400 million cells, seconds of
 * blocked event loop), so the table is cut to a diagonal band that fits a fixed budget of cells
 * (Ukkonen's cut-off): the distance is exact when it fits the band, and unknown (`null`) when the
 * texts differ more than the band can tell. A caller that only cares about distances up to a `limit`
 * (fuzzy memory matches) narrows the band to it and gets `null` past it.
 */
import { htmlToText } from '@parley/shared/pipeline/html-text';

const CELL_BUDGET = 5_000_000;
const FAR = 0x3fffffff;

export function editDistance(a: string, b: string, limit = Infinity): number | null {
  const left = [...a];
  const right = [...b];
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
      ? [left.slice(start, leftEnd), right.slice(start, rightEnd)]
      : [right.slice(start, rightEnd), left.slice(start, leftEnd)];
  if (short.length === 0) return long.length <= limit ? long.length : null;
  const band = Math.min(long.length, limit, Math.floor((CELL_BUDGET / short.length - 1) / 2));
  if (long.length - short.length > band) return null;
  return bandedDistance(short, long, band);
}

/** Levenshtein distance of `short` and `long` if it is at most `band`, else `null`. */
function bandedDistance(short: readonly string[], long: readonly string[], band: number) {
  let previous = new Int32Array(long.length + 1).fill(FAR);
  let current = new Int32Array(long.length + 1).fill(FAR);
  for (let j = 0; j <= Math.min(long.length, band); j++) previous[j] = j;
  for (let i = 1; i <= short.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(long.length, i + band);
    current[from - 1] = from === 1 && i <= band ? i : FAR;
    const character = short[i - 1];
    for (let j = from; j <= to; j++) {
      const substitution = (previous[j - 1] ?? FAR) + (character === long[j - 1] ? 0 : 1);
      const deletion = (previous[j] ?? FAR) + 1;
      const insertion = (current[j - 1] ?? FAR) + 1;
      current[j] = Math.min(substitution, deletion, insertion);
    }
    if (to < long.length) current[to + 1] = FAR;
    [previous, current] = [current, previous];
  }
  const distance = previous[long.length] ?? FAR;
  return distance <= band ? distance : null;
}

/** The visible text of a reply, for comparing edits without counting markup. */
export const visibleText = (content: string, format: 'html' | 'text'): string =>
  (format === 'html' ? htmlToText(content) : content).replace(/\s+/g, ' ').trim();
