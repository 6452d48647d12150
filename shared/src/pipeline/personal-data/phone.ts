/**
 * Phone numbers in international (`+34 612 345 678`, `0049 30 1234 5678`) and national formats
 * (`06 12 34 56 78`, `(11) 98765-4321`, `030/1234567`, `415.555.0123`), validated against the
 * numbering plans of libphonenumber-js. The `max` metadata (40 of the 51 KB gzipped this module
 * bundles to) is the variant that checks a number's digits and not only its length; with the length check alone order numbers,
 * dates and amounts pass for phones. Browser code that needs no phones imports the other
 * detector modules and leaves this one out.
 */
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js/max';
import type { PersonalDataSpan } from './span.js';

// A run of digits and the separators people put in phone numbers; its windows are tried below.
const CANDIDATE =
  /(?<![\p{L}\p{N}_+#/,-])(?<!\p{N}\.)\+?\(?\+?\d[\d ().\-/\u00A0]{4,30}\d(?![\p{L}\p{N}_]|[.,-]\p{N})/gu;
const DIGIT_GROUP = /\d+/g;
// The shortest national numbers of the main markets have 7 digits (some Italian landlines have 6).
const MIN_DIGITS = 6;
const MAX_DIGITS = 17;
const MAX_GROUPS = 8;
const DATE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})$/;

// Where a national number is written with its trunk prefix 0: without it, digits are something
// else (a German number without its 0 is as likely an order number).
const TRUNK_PREFIX_REQUIRED = new Set<CountryCode>([
  'DE',
  'AT',
  'CH',
  'FR',
  'BE',
  'GB',
  'IE',
  'AU',
]);

const REGIONS_BY_LANGUAGE: Readonly<Record<string, readonly CountryCode[]>> = {
  en: ['US', 'GB', 'IE', 'AU'],
  es: ['ES', 'MX', 'AR', 'CO', 'CL', 'US'],
  fr: ['FR', 'BE', 'CH'],
  de: ['DE', 'AT', 'CH'],
  pt: ['PT', 'BR'],
  it: ['IT', 'CH'],
};
const MAIN_REGIONS: readonly CountryCode[] = [
  'ES',
  'FR',
  'DE',
  'PT',
  'BR',
  'IT',
  'GB',
  'US',
  'MX',
  'AR',
];

/** The regions whose national formats `language` (BCP 47) suggests, its own region first. */
export function phoneRegionsFor(language: string | undefined): readonly CountryCode[] {
  if (language === undefined) return MAIN_REGIONS;
  const [base = '', ...subtags] = language.split(/[-_]/);
  const region = subtags.find((subtag) => /^[A-Za-z]{2}$/.test(subtag))?.toUpperCase();
  const regions = REGIONS_BY_LANGUAGE[base.toLowerCase()] ?? MAIN_REGIONS;
  // A region the numbering plans do not know (`en-XX`) is left out rather than failing the text.
  return region === undefined || !isSupportedCountry(region)
    ? regions
    : [region, ...regions.filter((r) => r !== region)];
}

const lengthsByRegion = new Map<CountryCode, ReadonlySet<number>>();

/**
 * How many digits a national number of `region` can have as written: its plan's lengths, plus
 * one or two for a trunk prefix (`0`, Mexico's and Argentina's longer ones). Parsing costs tens
 * of microseconds; this set turns most order numbers, SKUs and codes away before it. Asked of
 * libphonenumber-js once per region.
 */
function writtenLengths(region: CountryCode): ReadonlySet<number> {
  let lengths = lengthsByRegion.get(region);
  if (lengths === undefined) {
    const allowed = new Set<number>();
    for (let length = 1; length <= MAX_DIGITS; length++)
      if (validatePhoneNumberLength('5'.repeat(length), region) === undefined)
        for (const extra of [0, 1, 2]) allowed.add(length + extra);
    lengths = allowed;
    lengthsByRegion.set(region, lengths);
  }
  return lengths;
}

/** Whether `written` (one window of a candidate) is a valid phone number of one of `regions`. */
export function isPhoneNumber(written: string, regions: readonly CountryCode[]): boolean {
  const digits = written.replace(/\D/g, '');
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS || DATE.test(written)) return false;
  if (written.startsWith('+') || written.startsWith('(+') || digits.startsWith('00')) {
    const international =
      '+' + (digits.startsWith('00') && !written.includes('+') ? digits.slice(2) : digits);
    return parsePhoneNumberFromString(international)?.isValid() ?? false;
  }
  return regions.some((region) => {
    if (!writtenLengths(region).has(digits.length)) return false;
    const number = parsePhoneNumberFromString(written, region);
    // The length check is cheap; the full digit patterns run only on numbers that pass it.
    if (number === undefined || !number.isPossible() || !number.isValid()) return false;
    return (
      !(number.country !== undefined && TRUNK_PREFIX_REQUIRED.has(number.country)) ||
      digits.startsWith('0')
    );
  });
}

interface Group {
  start: number;
  end: number;
  /** The separator before this group holds a space: the group may be a separate number. */
  spaced: boolean;
}

/** Where the window that begins with `group` starts: an opening `(` or `+` before it belongs to it. */
function windowStart(candidate: string, group: Group): number {
  let start = group.start;
  while (start > 0 && (candidate[start - 1] === '(' || candidate[start - 1] === '+')) start--;
  return start;
}

/**
 * The digit groups of a candidate, in lists: a spaced slash (`612 345 678 / 91 123 45 67`)
 * separates two numbers.
 */
function groupLists(candidate: string): Group[][] {
  const lists: Group[][] = [[]];
  let previousEnd = 0;
  for (const match of candidate.matchAll(DIGIT_GROUP)) {
    const separator = candidate.slice(previousEnd, match.index);
    if (/\s\/|\/\s/.test(separator)) lists.push([]);
    lists[lists.length - 1]!.push({
      start: match.index,
      end: match.index + match[0].length,
      spaced: /\s/.test(separator),
    });
    previousEnd = match.index + match[0].length;
  }
  return lists.filter((list) => list.length > 0);
}

/**
 * The phone number in one list of digit groups, if any. The whole list is tried first in every
 * region (`(81) 92970-7105` is Brazilian before `92970-7105` is Portuguese), then the list less
 * one space-separated group at either end, region by region (in a Spanish text,
 * `Pedido 2024 612 345 678` holds the Spanish `612 345 678`). Never more: a window cut from
 * the middle of `9400 1118 9922 3344 5566 77` or from `302-1234567-1234567` is a tracking or
 * order number's digits, not a phone.
 */
function phoneIn(
  candidate: string,
  groups: readonly Group[],
  regions: readonly CountryCode[],
): { start: number; end: number } | undefined {
  const window = (first: number, last: number) => {
    const start = windowStart(candidate, groups[first]!);
    return { start, end: groups[last]!.end, written: candidate.slice(start, groups[last]!.end) };
  };
  // No number of the main markets is written in more than 7 groups or with more than two
  // one-digit groups (`+33 6 …`, `+54 9 11 …`); longer lists are dates, amounts or codes.
  if (groups.length > MAX_GROUPS || groups.filter(({ start, end }) => end - start === 1).length > 2)
    return undefined;
  const whole = window(0, groups.length - 1);
  if (isPhoneNumber(whole.written, regions)) return whole;
  const last = groups.length - 1;
  const trims: [number, number][] = [];
  if (groups[1]?.spaced) trims.push([1, last]);
  if (last > 0 && groups[last]!.spaced) trims.push([0, last - 1]);
  if (last > 1 && groups[1]!.spaced && groups[last]!.spaced) trims.push([1, last - 1]);
  for (const region of regions)
    for (const [first, end] of trims) {
      const trimmed = window(first, end);
      if (isPhoneNumber(trimmed.written, [region])) return trimmed;
    }
  return undefined;
}

/**
 * Phone numbers in `text`. Digit runs overlapping `claimed` (cards, IBANs, identifiers already
 * found by their checksums) are not tried: validating a phone is the costly step.
 */
export function findPhoneNumbers(
  text: string,
  language?: string,
  claimed: readonly PersonalDataSpan[] = [],
): PersonalDataSpan[] {
  const regions = phoneRegionsFor(language);
  const spans: PersonalDataSpan[] = [];
  const sortedClaims = [...claimed].sort((a, b) => a.start - b.start);
  let claim = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const end = match.index + match[0].length;
    while (claim < sortedClaims.length && sortedClaims[claim]!.end <= match.index) claim++;
    if (claim < sortedClaims.length && sortedClaims[claim]!.start < end) continue;
    for (const groups of groupLists(match[0])) {
      const found = phoneIn(match[0], groups, regions);
      if (found !== undefined)
        spans.push({
          start: match.index + found.start,
          end: match.index + found.end,
          kind: 'phone',
        });
    }
  }
  return spans;
}
