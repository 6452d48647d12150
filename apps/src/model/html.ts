/**
 * Plain text of a comment's HTML in the sidebar (for detection). Showing comment HTML goes
 * through the shared sanitizer's display policy (`@parley/shared/pipeline/sanitize`).
 */

function parse(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
}

export function htmlToText(html: string): string {
  const body = parse(html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|h\d)>/gi, '$&\n'));
  return (body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}
