/**
 * Streaming XML for asset files (TMX, TBX): bytes in, element and text events out, one chunk at
 * a time, so time is linear in the file and memory bounded by what the reader keeps. Files are
 * hostile: a document type declaration is refused outright, so no external entity is ever
 * fetched (XXE) and no entity expands (billion laughs); only XML's five predefined entities and
 * character references are read.
 */
import { TextDecoder } from 'node:util';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AssetFormatError, type AssetFormatCode } from './import-report.js';

export interface XmlEvents {
  open(tag: SaxesTagPlain, line: number): void;
  text(text: string): void;
  close(name: string): void;
}

/** TMX recommends UTF-16 or UTF-8; a byte order mark says which, UTF-8 without one. */
function decoderFor(head: Uint8Array): TextDecoder {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le');
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8');
}

/**
 * Feeds `input` to `events`. After each chunk `afterChunk` runs, so the caller can write what
 * the chunk completed before more is read (backpressure on the upload); it runs once more at the
 * end, even when the file turns out broken.
 */
export async function readXml(
  input: AsyncIterable<Uint8Array | string>,
  code: AssetFormatCode,
  events: XmlEvents,
  afterChunk: () => Promise<void>,
): Promise<void> {
  const parser = new SaxesParser({ xmlns: false });
  const fail = (reason: string): never => {
    throw new AssetFormatError(code, parser.line, reason);
  };
  parser.on('error', (error) => fail(error.message.replace(/^[^:]*:\d+:\d+: /, '')));
  parser.on('doctype', () =>
    fail('a document type declaration (DTD) is refused: entities are not expanded'),
  );
  parser.on('opentag', (tag) => events.open(tag, parser.line));
  parser.on('text', (text) => events.text(text));
  parser.on('cdata', (text) => events.text(text));
  parser.on('closetag', (tag) => events.close(tag.name));

  let decoder: TextDecoder | undefined;
  try {
    for await (const chunk of input) {
      if (typeof chunk === 'string') parser.write(chunk);
      else {
        decoder ??= decoderFor(chunk);
        parser.write(decoder.decode(chunk, { stream: true }));
      }
      await afterChunk();
    }
    if (decoder) parser.write(decoder.decode());
    parser.close();
  } finally {
    // What was read before a bad line is kept: the caller says how much, and a second import
    // of the fixed file finds it already there.
    await afterChunk();
  }
}

/** Attribute value by name; `xml:lang` also answers to TMX 1.1's `lang`. */
export function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  const value = tag.attributes[name] ?? (name === 'xml:lang' ? tag.attributes.lang : undefined);
  return value === undefined ? undefined : String(value);
}

// XML 1.0 cannot carry these characters at all, not even as references.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this matches
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const TEXT_SPECIALS = /[&<>]/g;
const ATTRIBUTE_SPECIALS = /[&<>"]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

/** Element text for an exported file; characters XML cannot hold are dropped. */
export const xmlText = (text: string): string =>
  text.replace(NOT_XML, '').replace(TEXT_SPECIALS, (character) => ESCAPES[character]!);

/** A double-quoted attribute value for an exported file. */
export const xmlAttribute = (value: string): string =>
  value.replace(NOT_XML, '').replace(ATTRIBUTE_SPECIALS, (character) => ESCAPES[character]!);
