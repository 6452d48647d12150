/**
 * The numbers of a text, compared between source and translation. Grouping and decimal separators
 * legitimately change between languages (1,000.50 ↔ 1.000,50), and so may the digits' script
 * (３ ↔ 3), so only digit values are compared.
 */

/** A number as written, digit groups and decimals included. */
export const NUMBER = /\p{Nd}+(?:[.,\u00A0\u202F]\p{Nd}+)*/gu;
const SEPARATORS = /[.,\u00A0\u202F]/g;
const NON_ASCII_DIGIT = /[^\d.,\u00A0\u202F]/gu;
/** Where "0" sits in the digit sets translations move between (full-width, Arabic, Devanagari…). */
const ZEROS = [0xff10, 0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50];

function asciiDigit(digit: string): string {
  const codePoint = digit.codePointAt(0) ?? 0;
  const zero = ZEROS.find((start) => codePoint >= start && codePoint < start + 10);
  return zero === undefined ? digit : String(codePoint - zero);
}

export function numbersIn(text: string): string[] {
  const numbers: string[] = [];
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(text); match !== null; match = NUMBER.exec(text)) {
    numbers.push(match[0].replace(SEPARATORS, '').replace(NON_ASCII_DIGIT, asciiDigit));
  }
  return numbers;
}

export interface NumberDifference {
  /** In the source, not in the translation. */
  missing: string[];
  /** In the translation, not in the source. */
  extra: string[];
}

export function compareNumbers(
  source: readonly string[],
  translation: readonly string[],
): NumberDifference {
  const remaining = new Map<string, number>();
  for (const number of source) remaining.set(number, (remaining.get(number) ?? 0) + 1);
  const extra: string[] = [];
  for (const number of translation) {
    const left = remaining.get(number) ?? 0;
    if (left > 0) remaining.set(number, left - 1);
    else extra.push(number);
  }
  const missing: string[] = [];
  for (const [number, left] of remaining) for (let i = 0; i < left; i++) missing.push(number);
  return { missing, extra };
}
