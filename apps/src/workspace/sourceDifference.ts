/**
 * The words in which a memory match's source differs from the segment's: a word diff in
 * O((N+M)·D), given up past `MAX_DIFF_EDITS`. A module of its own so that jsdiff loads with the
 * first matches (MatchDifference.tsx), not with the workspace.
 */
import { diffWords } from 'diff/lib/diff/word.js';

/** Past this many word edits a match is below any useful score: shown without marks. */
const MAX_DIFF_EDITS = 100;

export interface DifferencePiece {
  text: string;
  /** `match`: only in the match's source; `segment`: only in the segment's source. */
  only?: 'match' | 'segment';
}

/** The match's source against the segment's, word by word (both readable text). */
export function sourceDifference(matchSource: string, segmentSource: string): DifferencePiece[] {
  const changes = diffWords(matchSource, segmentSource, { maxEditLength: MAX_DIFF_EDITS });
  if (!changes) return [{ text: matchSource }];
  return changes.map((change) => ({
    text: change.value,
    ...(change.removed
      ? { only: 'match' as const }
      : change.added
        ? { only: 'segment' as const }
        : {}),
  }));
}
