/**
 * Sanitized HTML out: the input's markup minus everything the policy forbids (scripts, event
 * handlers, `javascript:` URLs, unknown tags; for display also images, styles and classes),
 * re-serialized well-formed. The one sanitizer of the proxy and the apps.
 */
import { escapeHtmlText } from './escape.js';
import { POSTING_POLICY, type HtmlPolicy } from './html-policy.js';
import { walkSanitizedHtml } from './html-walk.js';

export { DISPLAY_POLICY, POSTING_POLICY, type HtmlPolicy } from './html-policy.js';

export function sanitizeHtml(html: string, policy: HtmlPolicy = POSTING_POLICY): string {
  let output = '';
  walkSanitizedHtml(
    html,
    {
      openTag(name, attributes) {
        output += `<${name}${attributes}>`;
      },
      closeTag(name) {
        output += `</${name}>`;
      },
      text(text) {
        output += escapeHtmlText(text);
      },
    },
    policy,
  );
  return output;
}
