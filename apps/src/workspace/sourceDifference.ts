/**
 * The words in which a memory match's source differs from the segment's: Myers' shortest edit
 * script over words, spaces and punctuation (split as `Intl.Segmenter` splits words, so Japanese or
 * Chinese text is compared word by word too), in O((N+M)·D) time and O(D²) memory, given up past
 * `MAX_DIFF_EDITS`. Our own rather than jsdiff's word diff: it is all a match needs, at a fifth of
 * the download (the first matches load it, MatchDifference.tsx).
 */

/** Past this many word edits a match is below any useful score: shown without marks. */
const MAX_DIFF_EDITS = 100;

export interface DifferencePiece {
  text: string;
  /** `match`: only in the match's source; `segment`: only in the segment's source. */
  only?: 'match' | 'segment';
}

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const words = (text: string) => Array.from(wordSegmenter.segment(text), (piece) => piece.segment);

/**
 * For each number of edits d, how far into `from` the paths of d edits reach on each diagonal k
 * (from's index minus to's, -d…d); undefined when more than `maxEdits` edits are needed.
 */
function furthestReaches(from: string[], to: string[], maxEdits: number): Int32Array[] | undefined {
  const reaches: Int32Array[] = [];
  for (let d = 0; d <= maxEdits; d++) {
    const previous = reaches[d - 1];
    const reach = new Int32Array(2 * d + 1);
    for (let k = -d; k <= d; k += 2) {
      let x = 0;
      if (previous)
        x = takesFromTo(previous, k, d)
          ? reachOn(previous, k + 1, d - 1)
          : reachOn(previous, k - 1, d - 1) + 1;
      let y = x - k;
      while (x < from.length && y < to.length && from[x] === to[y]) {
        x++;
        y++;
      }
      reach[k + d] = x;
      if (x >= from.length && y >= to.length) return [...reaches, reach];
    }
    reaches.push(reach);
  }
  return undefined;
}

/** How far d edits reach on diagonal k; `reach` is d's row, indexed from diagonal -d. */
const reachOn = (reach: Int32Array, k: number, d: number) => reach[k + d] ?? 0;

/**
 * Whether the d-th edit on diagonal k comes from diagonal k+1 (a word taken from `to`) rather
 * than k-1 (a word dropped from `from`): the one that got further. `previous` is d-1's row.
 */
const takesFromTo = (previous: Int32Array, k: number, d: number) =>
  k === -d || (k !== d && reachOn(previous, k - 1, d - 1) < reachOn(previous, k + 1, d - 1));

/** The match's source against the segment's, word by word (both readable text). */
export function sourceDifference(matchSource: string, segmentSource: string): DifferencePiece[] {
  const from = words(matchSource);
  const to = words(segmentSource);
  const reaches = furthestReaches(from, to, MAX_DIFF_EDITS);
  if (!reaches) return [{ text: matchSource }];
  // Walked back from the end: the words in common after each edit, then the edit.
  const backwards: DifferencePiece[] = [];
  let x = from.length;
  let y = to.length;
  for (const [before, previous] of [...reaches.entries()].slice(0, -1).reverse()) {
    const k = x - y;
    const fromTo = takesFromTo(previous, k, before + 1);
    const startK = fromTo ? k + 1 : k - 1;
    const startX = reachOn(previous, startK, before);
    const startY = startX - startK;
    const inCommonFrom = fromTo ? startX : startX + 1;
    while (x > inCommonFrom) backwards.push({ text: from[--x] ?? '' });
    backwards.push(
      fromTo
        ? { text: to[startY] ?? '', only: 'segment' }
        : { text: from[startX] ?? '', only: 'match' },
    );
    x = startX;
    y = startY;
  }
  while (x > 0) backwards.push({ text: from[--x] ?? '' });
  return mergeRuns(backwards.reverse());
}

/** Neighbouring pieces of the same kind as one. */
function mergeRuns(pieces: DifferencePiece[]): DifferencePiece[] {
  const merged: DifferencePiece[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && last.only === piece.only) last.text += piece.text;
    else merged.push({ ...piece });
  }
  return merged;
}
