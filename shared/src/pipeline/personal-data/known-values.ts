/**
 * Values the helpdesk already knows about the ticket (requester's and agent's names, e-mails,
 * phones), found wherever the text repeats them: whole words, case-insensitive, accent-sensitive
 * (`lucía` is Lucía, `Lucia` is not). All values go into one alternation, so the text is read
 * once whatever their number.
 *
 * A name of several words is found whole and also word by word (`Hola Rosa` hides the
 * requester's first name), but a single word only as capitalised in the value or in capitals:
 * `Rosa` and `ROSA` are the requester, `una camiseta rosa` is a pink T-shirt. Lower-case particles (`de`, `van`) and
 * one-letter initials are never found alone.
 * Phones are matched by their digits, whatever separators the text uses, with or without the
 * country code or trunk prefix.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { KnownPersonalValue, PersonalDataSpan } from './span.js';

const WORD_BEFORE = String.raw`(?<![\p{L}\p{M}\p{N}_])`;
const WORD_AFTER = String.raw`(?![\p{L}\p{M}\p{N}_])`;
// Separators between the digits of a phone: at most two (`) `, ` - `, `.`).
const PHONE_SEPARATOR = String.raw`[ ().\-/\u00A0]{0,3}`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Upper-casing turns ß into SS (`GROSS` is Groß), which case-insensitive matching does not know.
const nameSource = (word: string) => escapeRegExp(word).replace(/[ßẞ]/g, '(?:ß|ẞ|ss)');

/** The phone's digits with room for separators, the country code and the trunk prefix optional. */
function phonePattern(value: string): string | undefined {
  const number = parsePhoneNumberFromString(value);
  const digitsPattern = (digits: string) => [...digits].join(PHONE_SEPARATOR);
  if (number === undefined) {
    const digits = value.replace(/\D/g, '');
    return digits.length >= 6 ? digitsPattern(digits) : undefined;
  }
  const countryCode = String(number.countryCallingCode);
  return (
    String.raw`(?:(?:\+|00)${countryCode}${PHONE_SEPARATOR}(?:\(0\)${PHONE_SEPARATOR})?|0${PHONE_SEPARATOR})?` +
    digitsPattern(number.nationalNumber)
  );
}

interface Alternative {
  source: string;
  kind: KnownPersonalValue['kind'];
}

/**
 * Two alternations: the values found case-insensitively (whole names, e-mails, phones) and the
 * parts of names, found as capitalised. Longer alternatives come first so a whole name wins over
 * a shorter value that starts it.
 */
function alternativesOf(known: readonly KnownPersonalValue[]): [Alternative[], Alternative[]] {
  const anyCase: Alternative[] = [];
  const asWritten: Alternative[] = [];
  for (const { kind, value } of known) {
    const trimmed = value.trim();
    if (trimmed === '') continue;
    if (kind === 'email') anyCase.push({ source: escapeRegExp(trimmed), kind });
    else if (kind === 'phone') {
      const source = phonePattern(trimmed);
      if (source !== undefined) anyCase.push({ source, kind });
    } else {
      const words = trimmed.split(/\s+/);
      anyCase.push({ source: words.map(nameSource).join(String.raw`\s+`), kind });
      if (words.length > 1)
        for (const word of words)
          if (/^\p{Lu}/u.test(word) && (word.match(/\p{L}/gu)?.length ?? 0) > 1)
            for (const form of new Set([word, word.toUpperCase()]))
              asWritten.push({ source: nameSource(form), kind });
    }
  }
  return [anyCase, asWritten];
}

/** One alternation and the kind of each of its capturing groups. */
interface Matcher {
  pattern: RegExp;
  kinds: KnownPersonalValue['kind'][];
}

function matcher(alternatives: Alternative[], flags: string): Matcher | undefined {
  if (alternatives.length === 0) return undefined;
  const sorted = [...alternatives].sort((a, b) => b.source.length - a.source.length);
  const body = sorted.map(({ source }) => `(${source})`).join('|');
  return {
    pattern: new RegExp(`${WORD_BEFORE}(?:${body})${WORD_AFTER}`, flags),
    kinds: sorted.map(({ kind }) => kind),
  };
}

// The pipeline calls findPersonalData once per text run with the same ticket's values; compiling
// the Unicode, case-insensitive alternation costs more than running it, so the last few are kept.
const MATCHER_CACHE_SIZE = 32;
const matcherCache = new Map<string, (Matcher | undefined)[]>();

function matchersFor(known: readonly KnownPersonalValue[]): (Matcher | undefined)[] {
  const key = JSON.stringify(known.map(({ kind, value }) => [kind, value]));
  let matchers = matcherCache.get(key);
  if (matchers === undefined) {
    const [anyCase, asWritten] = alternativesOf(known);
    matchers = [matcher(anyCase, 'giu'), matcher(asWritten, 'gu')];
    if (matcherCache.size >= MATCHER_CACHE_SIZE)
      matcherCache.delete(matcherCache.keys().next().value!);
  }
  // Re-inserted: the Map's order is then least recently used first.
  matcherCache.delete(key);
  matcherCache.set(key, matchers);
  return matchers;
}

export function findKnownValues(
  text: string,
  known: readonly KnownPersonalValue[],
): PersonalDataSpan[] {
  if (known.length === 0) return [];
  return matchersFor(known).flatMap((found) =>
    found === undefined
      ? []
      : [...text.matchAll(found.pattern)].map((match) => ({
          start: match.index,
          end: match.index + match[0].length,
          // Each alternative is one capturing group: the first that took part is the one matched.
          kind:
            found.kinds[match.findIndex((group, index) => index > 0 && group !== undefined) - 1] ??
            'name',
        })),
  );
}
