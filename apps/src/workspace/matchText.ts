/**
 * A memory match as the translator reads it: its text with tokens as labels, and the words in which
 * its source differs from the segment's (a word diff in O((N+M)·D), given up past `MAX_DIFF_EDITS`).
 */
import { diffWords } from 'diff';
import { parseMaskedSegment } from '@parley/shared/pipeline/masked-segment';

/** Past this many word edits a match is below any useful score: shown without marks. */
const MAX_DIFF_EDITS = 100;

/** A masked text as plain text, each placeholder written as its label. */
export const readableText = (masked: string, label: (id: number) => string): string =>
  parseMaskedSegment(masked)
    .map((part) => ('text' in part ? part.text : label(part.placeholder)))
    .join('');

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
