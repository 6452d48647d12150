/**
 * The text of HTML as a reader sees it: entities decoded, block elements as line breaks, and
 * nothing of the elements that never show (scripts, styles) or that a caller leaves out (quoted
 * history, for language detection). One streaming parse: linear in the input, whatever its markup.
 */
import { Parser } from 'htmlparser2';

/** Elements whose content is never shown. */
export const INVISIBLE_ELEMENTS: ReadonlySet<string> = new Set([
  'style',
  'script',
  'head',
  'title',
  'template',
]);

const BREAKING_ELEMENTS: ReadonlySet<string> = new Set([
  'br',
  'p',
  'div',
  'li',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'blockquote',
  'pre',
]);

export function htmlToText(
  html: string,
  skipped: ReadonlySet<string> = INVISIBLE_ELEMENTS,
): string {
  let skipDepth = 0;
  let text = '';
  const parser = new Parser(
    {
      onopentag(name) {
        if (skipped.has(name)) skipDepth++;
        if (BREAKING_ELEMENTS.has(name)) text += '\n';
      },
      onclosetag(name) {
        if (skipped.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (BREAKING_ELEMENTS.has(name)) text += '\n';
      },
      ontext(data) {
        if (skipDepth === 0) text += data;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return text.replace(/\u00a0/g, ' ');
}
