/**
 * Personal data in customer and agent text: e-mail addresses, phone numbers, payment cards,
 * IBANs, IP addresses, national identifiers with check digits, and the names, e-mails and phones
 * the helpdesk already knows about the ticket. The pipeline masks what this finds before any
 * engine or translator sees the text.
 *
 *   findPersonalData('Llámame al 612 34 56 78, soy Rosa', { language: 'es',
 *     known: [{ kind: 'name', value: 'Rosa Verde' }] })
 *   → [{ start: 11, end: 23, kind: 'phone' }, { start: 29, end: 33, kind: 'name' }]
 *
 * Each detector family lives in its own module; every one reads the text in linear time.
 */
import { findCards } from './card.js';
import { findEmails } from './email.js';
import { findIbans } from './iban.js';
import { findIpAddresses } from './ip.js';
import { findKnownValues } from './known-values.js';
import { findNationalIds } from './national-id.js';
import { findPhoneNumbers } from './phone.js';
import type { KnownPersonalValue, PersonalDataKind, PersonalDataSpan } from './span.js';

export { PERSONAL_DATA_KINDS } from './span.js';
export type { KnownPersonalValue, PersonalDataKind, PersonalDataSpan } from './span.js';

export interface PersonalDataOptions {
  /** Kinds to look for; every kind when omitted. */
  kinds?: ReadonlySet<PersonalDataKind>;
  /** Known values: every occurrence masked, whole word, case-insensitive (one pass over the text). */
  known?: readonly KnownPersonalValue[];
  /** BCP 47 language of the text: picks the default region(s) for national phone formats. */
  language?: string;
}

// When two findings of equal length overlap, the more specific kind wins: a checksum or a known
// value says more than a phone number's shape.
const SPECIFICITY: readonly PersonalDataKind[] = [
  'email',
  'iban',
  'card',
  'national_id',
  'name',
  'ip',
  'phone',
];

/** Every personal-data span of `text`, sorted by start, non-overlapping (longest/most specific wins). */
export function findPersonalData(
  text: string,
  options: PersonalDataOptions = {},
): PersonalDataSpan[] {
  // Every kind but names holds a digit or an @ (an IPv6 address of hex letters alone aside, a
  // risk taken); most runs of a message (greetings, sign-offs, link texts) hold neither and
  // skip those scans.
  const hasDigit = /\d/.test(text);
  const wanted = (kind: PersonalDataKind, present = true) =>
    present && (options.kinds === undefined || options.kinds.has(kind));
  const checked: PersonalDataSpan[] = [
    ...(wanted('card', hasDigit) ? findCards(text) : []),
    ...(wanted('iban', hasDigit) ? findIbans(text) : []),
    ...(wanted('ip', hasDigit) ? findIpAddresses(text) : []),
    ...(wanted('national_id', hasDigit) ? findNationalIds(text) : []),
  ];
  const found: PersonalDataSpan[] = [
    ...checked,
    ...(wanted('email', text.includes('@')) ? findEmails(text) : []),
    ...(wanted('phone', hasDigit) ? findPhoneNumbers(text, options.language, checked) : []),
    ...findKnownValues(text, options.known ?? []).filter((span) => wanted(span.kind)),
  ];
  return withoutOverlaps(found);
}

/**
 * Keeps the longest findings, then the most specific, dropping any that overlaps one kept.
 * Each detector's own findings do not overlap, so the characters marked stay within a few
 * times the text's length.
 */
function withoutOverlaps(found: PersonalDataSpan[]): PersonalDataSpan[] {
  const ranked = [...found].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      SPECIFICITY.indexOf(a.kind) - SPECIFICITY.indexOf(b.kind) ||
      a.start - b.start,
  );
  const taken = new Set<number>();
  const kept: PersonalDataSpan[] = [];
  for (const span of ranked) {
    let free = true;
    for (let index = span.start; index < span.end && free; index++) free = !taken.has(index);
    if (!free) continue;
    for (let index = span.start; index < span.end; index++) taken.add(index);
    kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}
