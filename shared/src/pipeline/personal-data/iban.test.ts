import { describe, expect, it } from 'vitest';
import { findIbans, isIban } from './iban.js';

const values = (text: string) => findIbans(text).map(({ start, end }) => text.slice(start, end));

describe('findIbans', () => {
  it.each([
    [
      'Spanish in groups of four',
      'Mi cuenta: ES91 2100 0418 4502 0005 1332.',
      'ES91 2100 0418 4502 0005 1332',
    ],
    ['German written compact', 'Konto DE89370400440532013000 bitte', 'DE89370400440532013000'],
    [
      'French with letters in the account',
      'IBAN FR14 2004 1010 0505 0001 3M02 606',
      'FR14 2004 1010 0505 0001 3M02 606',
    ],
    [
      'British with its bank code',
      'Pay into GB29 NWBK 6016 1331 9268 19',
      'GB29 NWBK 6016 1331 9268 19',
    ],
    [
      'Italian with its CIN letter',
      'conto IT60 X054 2811 1010 0000 0123 456',
      'IT60 X054 2811 1010 0000 0123 456',
    ],
    ['Portuguese', 'NIB/IBAN PT50 0002 0123 1234 5678 9015 4', 'PT50 0002 0123 1234 5678 9015 4'],
    ['Dutch typed in lower case', 'rekening nl91 abna 0417 1643 00', 'nl91 abna 0417 1643 00'],
  ])('finds a %s IBAN', (_, text, iban) => {
    expect(values(text)).toEqual([iban]);
  });

  it('rejects an IBAN whose mod-97 check fails', () => {
    expect(values('ES91 2100 0418 4502 0005 1333')).toEqual([]);
  });

  it('rejects an IBAN one character short of its country length', () => {
    expect(values('DE89 3704 0044 0532 0130 0')).toEqual([]);
  });

  it('stops at the country length, leaving a following number outside the span', () => {
    expect(values('BE68 5390 0754 7034 1234')).toEqual(['BE68 5390 0754 7034']);
  });

  it('knows no country XX', () => {
    expect(isIban('XX91210004184502000513')).toBe(false);
  });
});
