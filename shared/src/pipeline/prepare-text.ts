/**
 * Prepares plain text (agent drafts typed in a text box): every line is a run, line breaks stay
 * outside the segments, and the output is plain text again (not HTML-escaped).
 */
import { DocumentBuilder } from './document-builder.js';
import { MaskedDocument } from './masked-document.js';
import type { PipelineOptions, PreparedDocument } from './types.js';

const LINE_BREAK = /(\r\n|\n|\r)/;

export function prepareText(text: string, options: PipelineOptions): PreparedDocument {
  const builder = new DocumentBuilder('text', options);
  // split() with a capture group alternates line, break, line, …
  text.split(LINE_BREAK).forEach((piece, index) => {
    if (index % 2 === 1) builder.literal(piece);
    else if (piece !== '') builder.text(piece);
  });
  return new MaskedDocument('text', builder.finish());
}
