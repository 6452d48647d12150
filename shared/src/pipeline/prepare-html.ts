/**
 * Prepares helpdesk comment HTML: sanitizes it, cuts it into runs at block boundaries and `<br>`,
 * keeps inline tags as placeholders, and leaves `<pre>` and `<code>` untranslated.
 */
import { DocumentBuilder } from './document-builder.js';
import { escapeHtmlText } from './escape.js';
import { walkSanitizedHtml } from './html-walk.js';
import { VOID_ELEMENTS } from './html-policy.js';
import { MaskedDocument } from './masked-document.js';
import type { PipelineOptions, PreparedDocument } from './types.js';

/** Elements that sit inside a sentence; every other kept element is a block boundary. */
const INLINE_ELEMENTS: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

export function prepareHtml(html: string, options: PipelineOptions): PreparedDocument {
  const builder = new DocumentBuilder('html', options);
  // Inline elements currently open, innermost last, with the id pairing their tags.
  const inline: number[] = [];
  // Inside `<pre>`: everything is copied as is. Inside `<code>`: collected into one protected span.
  let preDepth = 0;
  let code: { depth: number; html: string; text: string } | undefined;

  walkSanitizedHtml(html, {
    openTag(name, attributes) {
      const tag = `<${name}${attributes}>`;
      if (code) {
        code.html += tag;
        if (!VOID_ELEMENTS.has(name)) code.depth++;
      } else if (preDepth > 0) {
        builder.literal(tag);
        if (name === 'pre') preDepth++;
      } else if (name === 'code') {
        code = { depth: 1, html: tag, text: '' };
      } else if (name === 'pre') {
        builder.literal(tag);
        preDepth = 1;
      } else if (!INLINE_ELEMENTS.has(name)) {
        builder.literal(tag);
      } else if (VOID_ELEMENTS.has(name)) {
        builder.placeholder({ kind: 'void', name, output: tag });
      } else {
        const element = builder.newElement();
        inline.push(element);
        builder.placeholder({ kind: 'open', element, name, output: tag });
      }
    },
    closeTag(name) {
      const tag = `</${name}>`;
      if (code) {
        code.html += tag;
        if (--code.depth === 0) {
          builder.placeholder({
            kind: 'span',
            category: 'code',
            source: code.text,
            output: code.html,
          });
          code = undefined;
        }
      } else if (preDepth > 0) {
        builder.literal(tag);
        if (name === 'pre') preDepth--;
      } else if (INLINE_ELEMENTS.has(name)) {
        builder.placeholder({
          kind: 'close',
          element: inline.pop() ?? builder.newElement(),
          name,
          output: tag,
        });
      } else {
        builder.literal(tag);
      }
    },
    text(text) {
      if (code) {
        code.html += escapeHtmlText(text);
        code.text += text;
      } else if (preDepth > 0) {
        builder.literal(escapeHtmlText(text));
      } else {
        builder.text(text);
      }
    },
  });
  return new MaskedDocument('html', builder.finish());
}
