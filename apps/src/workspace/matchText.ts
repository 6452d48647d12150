/** A memory match or concordance result as the translator reads it: its text with tokens as labels. */
import { parseMaskedSegment } from '@parley/shared/pipeline/masked-segment';

/** A masked text as plain text, each placeholder written as its label. */
export const readableText = (masked: string, label: (id: number) => string): string =>
  parseMaskedSegment(masked)
    .map((part) => ('text' in part ? part.text : label(part.placeholder)))
    .join('');
