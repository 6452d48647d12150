/**
 * The word count of a reply, as translators count their work: the words of the source segments
 * there is something to translate in, placeholders left out, split the way the source language
 * splits words (`Intl.Segmenter`, so Japanese or Chinese text counts words too).
 */
import { parseMaskedSegment } from '@parley/shared/pipeline/masked-segment';
import type { QueueSegment } from './queueApi.js';

export function sourceWords(
  segments: readonly Pick<QueueSegment, 'source' | 'translatable'>[],
  language: string,
): number {
  const segmenter = new Intl.Segmenter(language, { granularity: 'word' });
  let words = 0;
  for (const segment of segments) {
    if (!segment.translatable) continue;
    for (const part of parseMaskedSegment(segment.source))
      if ('text' in part)
        for (const piece of segmenter.segment(part.text)) if (piece.isWordLike) words++;
  }
  return words;
}
