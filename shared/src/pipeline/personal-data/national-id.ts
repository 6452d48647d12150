/**
 * National identifiers of the main support markets, each with its own check:
 *
 *   US SSN                 123-45-6789 / 123 45 6789; no 000/666/9xx area, 00 group, 0000 serial
 *   ES DNI / NIE           12345678Z, 12.345.678-Z, X1234567L: the mod-23 control letter
 *   BR CPF                 123.456.789-09 or 11 digits: two mod-11 check digits
 *   FR NIR (sécu)          1 85 05 78 006 084 36 or 15 digits (2A/2B for Corsica): 97 − n mod 97
 *   DE Steuer-ID           12 345 678 901 or 11 digits: ISO 7064 MOD 11,10 and its digit rule
 *   IT codice fiscale      RSSMRA85T10A562S: the odd/even check letter (omocodia letters too)
 *   PT NIF                 123 456 789 after "NIF"/"contribuinte" (n.º): mod-11 check digit
 *
 * A PT NIF is nine digits like a Portuguese or Spanish phone number, so it counts only after
 * its keyword.
 */
import { digitsOf, mod97 } from './digits.js';
import type { PersonalDataSpan } from './span.js';

interface IdentifierFormat {
  pattern: RegExp;
  isValid: (candidate: string) => boolean;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

function isSsn(candidate: string): boolean {
  const digits = digitsOf(candidate);
  const area = digits.slice(0, 3);
  return (
    area !== '000' &&
    area !== '666' &&
    area[0] !== '9' &&
    digits.slice(3, 5) !== '00' &&
    digits.slice(5) !== '0000'
  );
}

function isDniOrNie(candidate: string): boolean {
  const compact = candidate.replace(/[.\s-]/g, '').toUpperCase();
  const number = compact.slice(0, -1).replace(/^[XYZ]/, (letter) => String('XYZ'.indexOf(letter)));
  return DNI_LETTERS[Number(number) % 23] === compact.slice(-1);
}

function isCpf(candidate: string): boolean {
  const digits = digitsOf(candidate);
  if (/^(\d)\1{10}$/.test(digits)) return false;
  const checkDigit = (length: number): number => {
    let sum = 0;
    for (let index = 0; index < length; index++)
      sum += (digits.charCodeAt(index) - 48) * (length + 1 - index);
    return ((sum * 10) % 11) % 10;
  };
  return checkDigit(9) === Number(digits[9]) && checkDigit(10) === Number(digits[10]);
}

function isNir(candidate: string): boolean {
  const compact = candidate.replace(/\s/g, '').toUpperCase();
  const month = Number(compact.slice(3, 5));
  const monthValid = (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50;
  // Corsica's departments 2A and 2B count as 19 and 18 in the key.
  const body = compact.slice(0, 13).replace('2A', '19').replace('2B', '18');
  return monthValid && 97 - mod97(body) === Number(compact.slice(13));
}

function isSteuerId(candidate: string): boolean {
  const digits = digitsOf(candidate);
  if (digits[0] === '0') return false;
  // Of the first ten digits exactly one appears twice or three times, the others at most once.
  const counts = new Map<string, number>();
  for (const digit of digits.slice(0, 10)) counts.set(digit, (counts.get(digit) ?? 0) + 1);
  const repeated = [...counts.values()].filter((count) => count > 1);
  if (repeated.length !== 1 || repeated[0]! > 3) return false;
  let product = 10;
  for (const digit of digits.slice(0, 10)) {
    const sum = (Number(digit) + product) % 10;
    product = ((sum === 0 ? 10 : sum) * 2) % 11;
  }
  return (11 - product) % 10 === Number(digits[10]);
}

// Values of a character of the codice fiscale at odd (1st, 3rd, …) positions, 0–9 then A–Z.
const FISCAL_ODD = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8,
  12, 14, 16, 10, 22, 25, 24, 23,
];

function fiscalValue(character: string, odd: boolean): number {
  const code = character.charCodeAt(0);
  const index = code <= 57 ? code - 48 : code - 55;
  if (odd) return FISCAL_ODD[index]!;
  return code <= 57 ? code - 48 : code - 65;
}

function isCodiceFiscale(candidate: string): boolean {
  const code = candidate.toUpperCase();
  let sum = 0;
  for (let index = 0; index < 15; index++) sum += fiscalValue(code[index]!, index % 2 === 0);
  return String.fromCharCode(65 + (sum % 26)) === code[15];
}

function isNif(candidate: string): boolean {
  const digits = digitsOf(candidate);
  let sum = 0;
  for (let index = 0; index < 8; index++) sum += (digits.charCodeAt(index) - 48) * (9 - index);
  const check = 11 - (sum % 11);
  return (check >= 10 ? 0 : check) === Number(digits[8]);
}

// Omocodia replaces digits of the codice fiscale by these letters when two people collide.
const FISCAL_DIGIT = '[0-9LMNPQRSTUV]';
const NOT_BEFORE = String.raw`(?<![\p{L}\p{N}_.-])`;
const NOT_AFTER = String.raw`(?![\p{L}\p{N}_]|[.-]\p{N})`;
const bounded = (body: string, flags = 'gu') =>
  new RegExp(`${NOT_BEFORE}(?:${body})${NOT_AFTER}`, flags);

const FORMATS: readonly IdentifierFormat[] = [
  { pattern: bounded(String.raw`\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4}`), isValid: isSsn },
  {
    pattern: bounded(String.raw`(?:\d{8}|\d{2}\.\d{3}\.\d{3}|[XYZ]-?\d{7})(?:[A-Za-z]|[ -][A-Z])`),
    isValid: isDniOrNie,
  },
  { pattern: bounded(String.raw`\d{3}\.\d{3}\.\d{3}-\d{2}|\d{11}`), isValid: isCpf },
  {
    pattern: bounded(
      String.raw`[12] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{2}|2[AaBb]) ?\d{3} ?\d{3} ?\d{2}`,
    ),
    isValid: isNir,
  },
  { pattern: bounded(String.raw`\d{2} \d{3} \d{3} \d{3}|\d{11}`), isValid: isSteuerId },
  {
    pattern: bounded(
      `[A-Za-z]{6}${FISCAL_DIGIT}{2}[A-EHLMPRSTa-ehlmprst]${FISCAL_DIGIT}{2}[A-Za-z]${FISCAL_DIGIT}{3}[A-Za-z]`,
    ),
    isValid: isCodiceFiscale,
  },
  {
    // The span is the number only (group `id`); the keyword and what sits between stay readable.
    pattern:
      /\b(?:NIF|N\.I\.F\.|contribuinte)(?: n\.?\s?[º°o]\.?)?[^\p{L}\p{N}\n]{0,12}(?<id>\d{3} ?\d{3} ?\d{3})(?!\p{N})/dgiu,
    isValid: isNif,
  },
];

export function findNationalIds(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const { pattern, isValid } of FORMATS)
    for (const match of text.matchAll(pattern)) {
      const [start, end] = match.indices?.groups?.['id'] ?? [
        match.index,
        match.index + match[0].length,
      ];
      if (isValid(text.slice(start, end))) spans.push({ start, end, kind: 'national_id' });
    }
  return spans.sort((a, b) => a.start - b.start);
}
