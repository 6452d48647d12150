/**
 * IBANs (ISO 13616): a country's exact length and the mod-97 check, written compact
 * (`ES9121000418450200051332`) or in groups of four (`ES91 2100 0418 4502 0005 1332`), in either
 * case.
 */
import { mod97 } from './digits.js';
import type { PersonalDataSpan } from './span.js';

// Length of the IBAN in each country of the IBAN registry.
// prettier-ignore
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22,
  IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18,
  NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SD: 18,
  SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22,
  VG: 24, XK: 20,
};

// Where an IBAN may start; its end follows from the country's length (see ibanAt).
const IBAN_START = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}/gu;

const ALPHANUMERIC = /[A-Za-z0-9]/;

/** Letters become 10–35 and the first four characters move to the end, as ISO 13616 says. */
export function isIban(compact: string): boolean {
  if (compact.length !== IBAN_LENGTHS[compact.slice(0, 2)]) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  const digits = rearranged.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  return mod97(digits) === 1;
}

/**
 * The end of the IBAN that starts at `start`, reading the country's number of characters with
 * single spaces between them, or -1. Bounded by the longest IBAN, so the scan stays linear.
 */
function ibanEnd(text: string, start: number, length: number): number {
  let compact = '';
  let index = start;
  while (compact.length < length && index < text.length) {
    const character = text[index]!;
    if (ALPHANUMERIC.test(character)) compact += character.toUpperCase();
    else if (character !== ' ' || !ALPHANUMERIC.test(text[index + 1] ?? '')) return -1;
    index++;
  }
  const next = text[index] ?? '';
  if (compact.length < length || /[\p{L}\p{N}]/u.test(next)) return -1;
  return isIban(compact) ? index : -1;
}

export function findIbans(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  IBAN_START.lastIndex = 0;
  for (let match = IBAN_START.exec(text); match !== null; match = IBAN_START.exec(text)) {
    const length = IBAN_LENGTHS[match[0].slice(0, 2).toUpperCase()];
    const end = length === undefined ? -1 : ibanEnd(text, match.index, length);
    if (end !== -1) {
      spans.push({ start: match.index, end, kind: 'iban' });
      IBAN_START.lastIndex = end;
    }
  }
  return spans;
}
