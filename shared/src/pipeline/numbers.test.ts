import { describe, expect, it } from 'vitest';
import { compareNumbers, numbersIn } from './numbers.js';

describe('numbers', () => {
  it('reads numbers regardless of grouping and decimal separators', () => {
    expect(numbersIn('1,250.00 USD, 1.250,00 EUR, 1 250')).toEqual([
      '125000',
      '125000',
      '1',
      '250',
    ]);
  });

  it('reads full-width and Arabic-Indic digits as their values', () => {
    expect(numbersIn('注文は３個、٤ قطع')).toEqual(['3', '4']);
  });

  it('lists numbers missing from and added to a translation', () => {
    expect(compareNumbers(['3', '5', '5'], ['5', '6'])).toEqual({
      missing: ['3', '5'],
      extra: ['6'],
    });
  });
});
