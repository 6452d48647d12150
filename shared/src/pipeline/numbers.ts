/**
 * The numbers of a text, compared between source and translation. Grouping and decimal separators
 * legitimately change between languages (1,000.50 ↔ 1.000,50), so only the digits are compared.
 */

const NUMBER = /\d+(?:[.,\u00A0\u202F]\d+)*/g;
const SEPARATORS = /[.,\u00A0\u202F]/g;

export function numbersIn(text: string): string[] {
  const numbers: string[] = [];
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(text); match !== null; match = NUMBER.exec(text)) {
    numbers.push(match[0].replace(SEPARATORS, ''));
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
