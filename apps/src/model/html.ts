/**
 * Plain text of a reply's HTML in the sidebar, for the helpdesks that take a text version beside
 * the HTML. The browser's own parser does the work of the proxy's `htmlToText`
 * (`@parley/shared/pipeline/html-text`, over htmlparser2), whose parser would add about 28 KiB
 * gzip to the sidebar; showing comment HTML goes through the shared sanitizer's display policy.
 */

function parse(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
}

export function htmlToText(html: string): string {
  const body = parse(html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|h\d)>/gi, '$&\n'));
  return (body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}
