/**
 * Sanitized HTML out: the input's markup minus everything the helpdesk-comment policy forbids
 * (scripts, event handlers, `javascript:` URLs, unknown tags), re-serialized well-formed.
 */
import { escapeHtmlText } from './escape.js';
import { walkSanitizedHtml } from './html-walk.js';

export function sanitizeHtml(html: string): string {
  let output = '';
  walkSanitizedHtml(html, {
    openTag(name, attributes) {
      output += `<${name}${attributes}>`;
    },
    closeTag(name) {
      output += `</${name}>`;
    },
    text(text) {
      output += escapeHtmlText(text);
    },
  });
  return output;
}
