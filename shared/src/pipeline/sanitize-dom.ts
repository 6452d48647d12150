/**
 * The sanitizer for code that runs in a browser: the same policies, decisions and serialization
 * as `sanitize.ts`, over the browser's own HTML parser (DOMParser) instead of htmlparser2, which
 * would add about 28 KiB gzipped to the sidebar. `sanitize-policies.test.ts` runs both on the
 * same cases.
 */
import { escapeHtmlText } from './escape.js';
import {
  POSTING_POLICY,
  sanitizeAttributes,
  tagTreatment,
  VOID_ELEMENTS,
  type HtmlPolicy,
} from './html-policy.js';

export { DISPLAY_POLICY, POSTING_POLICY, type HtmlPolicy } from './html-policy.js';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function serialize(parent: Node, policy: HtmlPolicy): string {
  let output = '';
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === TEXT_NODE) {
      output += escapeHtmlText(node.textContent ?? '');
      continue;
    }
    // Comments and processing instructions are left out, as htmlparser2's walk leaves them.
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as Element;
    const name = element.localName;
    const treatment = tagTreatment(name, policy);
    if (treatment === 'drop') continue;
    const content = serialize(element, policy);
    if (treatment === 'unwrap') {
      output += content;
      continue;
    }
    const attributes = Object.fromEntries(
      Array.from(element.attributes, (attribute) => [attribute.name, attribute.value]),
    );
    output += `<${name}${sanitizeAttributes(name, attributes, policy)}>`;
    if (!VOID_ELEMENTS.has(name)) output += `${content}</${name}>`;
  }
  return output;
}

export function sanitizeHtmlInBrowser(html: string, policy: HtmlPolicy = POSTING_POLICY): string {
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  return serialize(body, policy);
}
