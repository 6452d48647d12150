/**
 * HTML helpers for the sidebar: plain text of a comment (for detection), a strict allow-list
 * sanitizer for showing comment HTML in the app's own DOM.
 */

const ALLOWED_TAGS = new Set([
  'A',
  'B',
  'BLOCKQUOTE',
  'BR',
  'CODE',
  'DIV',
  'EM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HR',
  'I',
  'LI',
  'OL',
  'P',
  'PRE',
  'S',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'U',
  'UL',
]);
/** Dropped with their content; any other unknown element is unwrapped (its text kept). */
const DROPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'TEMPLATE',
  'NOSCRIPT',
]);
const ALLOWED_ATTRIBUTES = new Set(['dir', 'lang', 'title']);

function parse(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
}

export function htmlToText(html: string): string {
  const body = parse(html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|h\d)>/gi, '$&\n'));
  return (body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}

function clean(node: Element): void {
  for (const child of Array.from(node.children)) {
    if (DROPPED_TAGS.has(child.tagName)) {
      child.remove();
      continue;
    }
    clean(child);
    if (!ALLOWED_TAGS.has(child.tagName)) {
      child.replaceWith(...Array.from(child.childNodes));
      continue;
    }
    for (const attribute of Array.from(child.attributes)) {
      const keepHref =
        child.tagName === 'A' &&
        attribute.name === 'href' &&
        /^(https?:|mailto:)/i.test(attribute.value.trim());
      if (!keepHref && !ALLOWED_ATTRIBUTES.has(attribute.name))
        child.removeAttribute(attribute.name);
    }
    if (child.tagName === 'A') {
      child.setAttribute('target', '_blank');
      child.setAttribute('rel', 'noopener noreferrer');
    }
  }
}

export function sanitizeHtml(html: string): string {
  const body = parse(html);
  clean(body);
  return body.innerHTML;
}
