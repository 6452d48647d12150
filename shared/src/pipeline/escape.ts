/**
 * Character escaping for the two notations the pipeline writes: the XML of masked segments (what
 * engines see) and the HTML of restored documents. Decoding HTML entities on the way in is
 * htmlparser2's job; this file only handles what the pipeline itself emits and reads back.
 */

const XML_TEXT_SPECIALS = /[&<>]/g;
const XML_ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/g;
const HTML_TEXT_SPECIALS = /[&<>\u00A0]/g;
const HTML_ATTRIBUTE_SPECIALS = /[&"\u00A0]/g;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  // A no-break space is invisible in an editor; writing it as an entity keeps it visible in markup.
  '\u00A0': '&nbsp;',
};
const NAMED_XML_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

const escapeCharacter = (character: string): string => ESCAPES[character] ?? character;

/** Text as it appears inside a masked segment: only `&`, `<` and `>` are escaped. */
export function escapeXmlText(text: string): string {
  return text.replace(XML_TEXT_SPECIALS, escapeCharacter);
}

/** Reads back text from an engine's masked output; engines may also answer with numeric references. */
export function unescapeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(XML_ENTITY, (entity, name?: string, decimal?: string, hex?: string) => {
    if (name !== undefined) return NAMED_XML_ENTITIES[name] ?? entity;
    const codePoint = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
  });
}

/** Text content of an HTML element. */
export function escapeHtmlText(text: string): string {
  return text.replace(HTML_TEXT_SPECIALS, escapeCharacter);
}

/** A double-quoted HTML attribute value. */
export function escapeHtmlAttribute(value: string): string {
  return value.replace(HTML_ATTRIBUTE_SPECIALS, escapeCharacter);
}

/** Plain text as HTML paragraphs: blank lines separate paragraphs, single line breaks stay. */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => `<p>${escapeHtmlText(paragraph.trim()).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}
