/**
 * Payment card numbers: 13–19 digits, optionally grouped by single spaces or dashes, with a Luhn
 * check digit and an issuer prefix (IIN) whose length rules a real card network uses.
 */
import { digitsOf, passesLuhn } from './digits.js';
import type { PersonalDataSpan } from './span.js';

// The digit groups cannot start or end inside a longer run of digits (`(?<!\d[ -]?)`), so a
// 25-digit tracking number is not read as a card plus change, nor right after a `+`: that is a
// phone's country code (`+49 221 73060758` passes Luhn as a 13-digit Visa).
const CARD_CANDIDATE = /(?<![\d+][ -]?)\d(?:[ -]?\d){12,18}(?![ -]?\d)/g;

interface Network {
  prefix: RegExp;
  lengths: readonly number[];
}

// Issuer prefixes and lengths of the networks a support desk meets.
const NETWORKS: readonly Network[] = [
  { prefix: /^4/, lengths: [13, 16, 19] }, // Visa
  { prefix: /^(?:5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720))/, lengths: [16] }, // Mastercard
  { prefix: /^3[47]/, lengths: [15] }, // American Express
  { prefix: /^(?:6011|64[4-9]|65)/, lengths: [16, 17, 18, 19] }, // Discover
  { prefix: /^(?:30[0-5]|3095|36|3[89])/, lengths: [14, 15, 16, 17, 18, 19] }, // Diners Club
  { prefix: /^35(?:2[89]|[3-8]\d)/, lengths: [16, 17, 18, 19] }, // JCB
  { prefix: /^62/, lengths: [16, 17, 18, 19] }, // UnionPay
  { prefix: /^(?:50|5[6-9]|6[0-9])/, lengths: [12, 13, 14, 15, 16, 17, 18, 19] }, // Maestro
];

export function isCardNumber(digits: string): boolean {
  return (
    NETWORKS.some(
      ({ prefix, lengths }) => prefix.test(digits) && lengths.includes(digits.length),
    ) && passesLuhn(digits)
  );
}

export function findCards(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const match of text.matchAll(CARD_CANDIDATE))
    if (isCardNumber(digitsOf(match[0])))
      spans.push({ start: match.index, end: match.index + match[0].length, kind: 'card' });
  return spans;
}
