/**
 * Converts between the engine interface's masked segments (XML-escaped text with `<x id="N"/>`
 * placeholders) and Apertium's stream format, doing the job of the stock text formatters
 * (`apertium-destxt` / `apertium-retxt`), which cannot be used because they drop the NUL
 * separators of null-flush mode.
 *
 * Going in, text is XML-unescaped and Apertium's reserved characters are backslash-escaped;
 * every placeholder becomes a superblank (`[<x id="N"/>]`), which every stage passes through
 * untouched. `~` is wrapped in a superblank too: escaped, the post-generator still reads it as
 * its own marker and drops it; so are `*` and `#`, which the generator writes as marks and does
 * not escape. Coming out, superblanks are unwrapped, escapes removed, the generator's marks
 * become unknown-word marks (`*` unknown to the analyser, `@` to the bilingual dictionary) or are
 * dropped (`#`: a form the generator lacked, or a multiword verb's join), text is XML-escaped
 * again and the spacing Apertium disturbs is normalised.
 */
import { trailingWhitespace } from '@parley/shared/pipeline/trailing';
import { UNKNOWN_END, UNKNOWN_START } from '@parley/shared/pipeline/unknown-words';

const PLACEHOLDER = /<x id="\d+"\s*\/>/g;
const PLACEHOLDER_EXACT = /^<x id="\d+"\s*\/>$/;
/** Characters of a word the generator marked; a mark before anything else is text. */
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;

/** Characters with a meaning in Apertium's stream format outside superblanks. */
const STREAM_RESERVED = /[\\[\]^$/@<>{}]/g;

const XML_ENTITIES: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

function xmlUnescape(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (entity, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return XML_ENTITIES[name] ?? entity;
  });
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeText(text: string): string {
  return (
    xmlUnescape(text)
      // A NUL would end the message early.
      .replace(/\0/g, ' ')
      .replace(STREAM_RESERVED, '\\$&')
      .replace(/[~*#]/g, '[$&]')
  );
}

function superblank(content: string): string {
  return `[${content.replace(/[\\[\]]/g, '\\$&')}]`;
}

/** Masked segment → one Apertium stream message (without its NUL terminator). */
export function toApertiumStream(masked: string): string {
  let stream = '';
  let last = 0;
  for (const match of masked.matchAll(PLACEHOLDER)) {
    stream += escapeText(masked.slice(last, match.index)) + superblank(match[0]);
    last = match.index + match[0].length;
  }
  return stream + escapeText(masked.slice(last));
}

/**
 * Apertium stream output → masked segment (spacing not yet normalised), with the words the
 * engine did not know between unknown-word marks.
 */
export function fromApertiumStream(stream: string): string {
  let masked = '';
  let text = '';
  for (let i = 0; i < stream.length; i += 1) {
    const ch = stream[i]!;
    if (ch === '\\' && i + 1 < stream.length) {
      i += 1;
      text += stream[i]!;
    } else if (ch === '[') {
      let content = '';
      for (i += 1; i < stream.length && stream[i] !== ']'; i += 1) {
        if (stream[i] === '\\' && i + 1 < stream.length) i += 1;
        content += stream[i]!;
      }
      if (PLACEHOLDER_EXACT.test(content)) {
        masked += xmlEscape(text) + content;
        text = '';
      } else {
        text += content;
      }
    } else if (ch === '#') {
      // Every # outside a superblank is Apertium's: a form the generator lacked, written after
      // the mark (a word, or punctuation: `Wi#-Fi`), or the join of a multiword verb whose
      // tail the transfer did not move (`take# out`). The mark goes, the words stay; a stray #
      // in a bridge's first leg used to reach the final output.
    } else if ((ch === '*' || ch === '@') && WORD_CHARACTER.test(stream[i + 1] ?? '')) {
      let word = '';
      while (i + 1 < stream.length && WORD_CHARACTER.test(stream[i + 1]!)) word += stream[++i]!;
      text += UNKNOWN_START + word + UNKNOWN_END;
    } else {
      text += ch;
    }
  }
  return masked + xmlEscape(text);
}

/**
 * Undoes the spacing Apertium introduces — runs of spaces where it dropped or moved a word,
 * spaces before closing punctuation — and restores the source segment's own leading and
 * trailing whitespace.
 */
export function normaliseSpacing(translated: string, source: string): string {
  const leading = /^\s*/.exec(source)![0];
  const trailing = trailingWhitespace(source);
  const body = translated
    .replace(/[ \t\u00a0]{2,}/g, ' ')
    .replace(/ +([,.;:!?)\]}…])/g, (spaced, mark: string, offset: number) =>
      // Keep a space the source itself put before that mark (French-style `?`, ` :`).
      source.includes(` ${mark}`) && offset > 0 ? spaced : mark,
    )
    .replace(/([(¿¡[{]) +/g, '$1')
    .trim();
  return leading + body + trailing;
}
