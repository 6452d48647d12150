/**
 * Streams HTML through htmlparser2 and reports only what sanitization keeps: allowed elements
 * with their filtered attributes, and decoded text. Disallowed wrappers (`<font>` is kept, `<o:p>`
 * is not) are unwrapped; dangerous elements (`<script>`, `<iframe>`, …) vanish with their content.
 * Start and end tags always come balanced, even from broken input.
 */
import { Parser } from 'htmlparser2';
import {
  POSTING_POLICY,
  sanitizeAttributes,
  tagTreatment,
  VOID_ELEMENTS,
  type HtmlPolicy,
} from './html-policy.js';

export interface SanitizedHtmlHandler {
  /** `attributes` is already serialized: empty or ` name="value"…`. */
  openTag(name: string, attributes: string): void;
  /** Not called for void elements. `implied` when the source never closed the element. */
  closeTag(name: string, implied: boolean): void;
  /** Decoded text (entities resolved). */
  text(text: string): void;
}

export function walkSanitizedHtml(
  html: string,
  handler: SanitizedHtmlHandler,
  policy: HtmlPolicy = POSTING_POLICY,
): void {
  // One entry per element htmlparser2 has open: what was done with its start tag.
  const open: ('kept' | 'unwrapped' | 'dropped')[] = [];
  let droppedDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const treatment = droppedDepth > 0 ? 'drop' : tagTreatment(name, policy);
        if (treatment === 'drop') {
          droppedDepth++;
          open.push('dropped');
        } else if (treatment === 'unwrap') {
          open.push('unwrapped');
        } else {
          open.push('kept');
          handler.openTag(name, sanitizeAttributes(name, attributes, policy));
        }
      },
      onclosetag(name, implied) {
        const state = open.pop();
        if (state === 'dropped') droppedDepth--;
        else if (state === 'kept' && !VOID_ELEMENTS.has(name)) handler.closeTag(name, implied);
      },
      ontext(text) {
        if (droppedDepth === 0) handler.text(text);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
}
