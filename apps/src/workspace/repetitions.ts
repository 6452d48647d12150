/**
 * Repetitions: a sentence that occurs more than once in a reply is translated once. When the
 * translator confirms a segment, the other segments with the very same source take its translation,
 * unless the translator has written one of their own.
 */
import type { QueueSegment } from './queueApi.js';

/** The segments that take the confirmed segment's translation. */
export function repetitionsOf(
  segments: readonly QueueSegment[],
  confirmed: number,
  editedByHand: ReadonlySet<number>,
): number[] {
  const source = segments[confirmed]?.source;
  return segments
    .filter(
      (segment) =>
        segment.index !== confirmed &&
        segment.translatable &&
        segment.source === source &&
        !editedByHand.has(segment.index),
    )
    .map((segment) => segment.index);
}
