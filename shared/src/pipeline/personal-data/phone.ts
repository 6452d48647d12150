/**
 * Phone numbers in international (`+34 612 345 678`, `0049 30 1234 5678`) and national formats
 * (`06 12 34 56 78`, `(11) 98765-4321`, `030/1234567`, `415.555.0123`), validated against the
 * numbering plans of libphonenumber-js. The `max` metadata (~40 KB gzipped) is the variant that
 * checks a number's digits and not only its length; with the length check alone order numbers,
 * dates and amounts pass for phones. Browser code that needs no phones imports the other
 * detector modules and leaves this one out.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { PersonalDataSpan } from './span.js';

// A run of digits and the separators people put in phone numbers; its windows are tried below.
const CANDIDATE =
  /(?<![\p{L}\p{N}_+#/.,-])\+?\(?\+?\d[\d ().\-/\u00A0]{4,30}\d(?![\p{L}\p{N}_]|[.,-]\p{N})/gu;
const DIGIT_GROUP = /\d+/g;
// The shortest national numbers of the main markets have 7 digits (some Italian landlines have 6).
const MIN_DIGITS = 6;
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
  'AR',
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
  return region === undefined
    ? regions
    : [region as CountryCode, ...regions.filter((r) => r !== region)];
}

/** Whether `written` (one window of a candidate) is a valid phone number of one of `regions`. */
export function isPhoneNumber(written: string, regions: readonly CountryCode[]): boolean {
  if (DATE.test(written)) return false;
  const digits = written.replace(/\D/g, '');
  if (written.startsWith('+') || written.startsWith('(+') || digits.startsWith('00')) {
    const international =
      '+' + (digits.startsWith('00') && !written.includes('+') ? digits.slice(2) : digits);
    return parsePhoneNumberFromString(international)?.isValid() ?? false;
  }
  return regions.some((region) => {
    const number = parsePhoneNumberFromString(written, region);
    if (number === undefined || !number.isValid()) return false;
    return (
      !(number.country !== undefined && TRUNK_PREFIX_REQUIRED.has(number.country)) ||
      digits.startsWith('0')
    );
  });
}

interface Group {
  start: number;
  end: number;
  digits: number;
  /** Whether a spaced slash separates this group from the one before. */
  listed: boolean;
}

/** Where the window that begins with `group` starts: an opening `(` or `+` before it belongs to it. */
function windowStart(candidate: string, group: Group): number {
  let start = group.start;
  while (start > 0 && (candidate[start - 1] === '(' || candidate[start - 1] === '+')) start--;
  return start;
}

/** The digit groups of a candidate; a spaced slash (`612 345 678 / 91 123 45 67`) lists two numbers. */
function digitGroups(candidate: string): Group[] {
  return [...candidate.matchAll(DIGIT_GROUP)].map((match, index, all) => {
    const previous = all[index - 1];
    const separator =
      previous === undefined
        ? ''
        : candidate.slice(previous.index + previous[0].length, match.index);
    return {
      start: match.index,
      end: match.index + match[0].length,
      digits: match[0].length,
      listed: /\s\/|\/\s/.test(separator),
    };
  });
}

/**
 * The phone numbers inside one candidate run for one set of regions: windows of whole digit
 * groups, longest first from the left. A run holds at most 16 groups, so the work per run is
 * bounded.
 */
function windowsIn(candidate: string, groups: readonly Group[], regions: readonly CountryCode[]) {
  const spans: { start: number; end: number }[] = [];
  let first = 0;
  while (first < groups.length) {
    let found = -1;
    let digits = groups[first]!.digits;
    let last = first + 1;
    for (
      ;
      last < groups.length && !groups[last]!.listed && digits + groups[last]!.digits <= 17;
      last++
    )
      digits += groups[last]!.digits;
    const start = windowStart(candidate, groups[first]!);
    for (let end = last - 1; end >= first && found === -1 && digits >= MIN_DIGITS; end--) {
      if (isPhoneNumber(candidate.slice(start, groups[end]!.end), regions)) {
        spans.push({ start, end: groups[end]!.end });
        found = end;
      }
      digits -= groups[end]!.digits;
    }
    first = found === -1 ? first + 1 : found + 1;
  }
  return spans;
}

/**
 * The phone numbers inside one candidate run, trying the language's regions in order: for a
 * Spanish text `Pedido 2024 612 345 678` is the Spanish `612 345 678`, not the US `2024 612 345`.
 */
function phonesIn(
  candidate: string,
  offset: number,
  regions: readonly CountryCode[],
): PersonalDataSpan[] {
  const groups = digitGroups(candidate);
  for (const region of regions) {
    const found = windowsIn(candidate, groups, [region]);
    if (found.length > 0)
      return found.map(({ start, end }) => ({
        start: offset + start,
        end: offset + end,
        kind: 'phone',
      }));
  }
  return [];
}

export function findPhoneNumbers(text: string, language?: string): PersonalDataSpan[] {
  const regions = phoneRegionsFor(language);
  return [...text.matchAll(CANDIDATE)].flatMap((match) => phonesIn(match[0], match.index, regions));
}
