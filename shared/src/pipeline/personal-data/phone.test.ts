import { describe, expect, it } from 'vitest';
import { findPhoneNumbers, phoneRegionsFor } from './phone.js';

const values = (text: string, language?: string) =>
  findPhoneNumbers(text, language).map(({ start, end }) => text.slice(start, end));

describe('findPhoneNumbers', () => {
  it.each([
    ['es', 'Spanish mobile in pairs', 'Llámame al 612 34 56 78.', '612 34 56 78'],
    [
      'es',
      'Spanish landline with 00 and the country code',
      'Fijo: 0034 912 345 678',
      '0034 912 345 678',
    ],
    [
      'es',
      'Spanish mobile in parentheses and dashes',
      'Tel. (+34) 612-345-678',
      '(+34) 612-345-678',
    ],
    ['es', 'Spanish mobile with dots', 'móvil 612.345.678', '612.345.678'],
    ['fr', 'French mobile in pairs', 'Appelez le 06 12 34 56 78 svp', '06 12 34 56 78'],
    ['fr', 'French mobile with dots', 'tél. 06.12.34.56.78', '06.12.34.56.78'],
    ['fr', 'French number with (0) after +33', 'au +33 (0)6 12 34 56 78', '+33 (0)6 12 34 56 78'],
    ['de', 'German mobile', 'Handy 0151 23456789', '0151 23456789'],
    ['de', 'German landline with a slash', 'Tel. 030/1234567', '030/1234567'],
    [
      'de',
      'German landline with the area code in parentheses',
      'unter (030) 1234 5678',
      '(030) 1234 5678',
    ],
    ['pt', 'Portuguese mobile', 'Telemóvel: 912 345 678', '912 345 678'],
    ['pt', 'Brazilian mobile with its area code', 'celular (11) 98765-4321', '(11) 98765-4321'],
    ['pt', 'Brazilian mobile, international', 'WhatsApp +55 11 98765-4321', '+55 11 98765-4321'],
    ['it', 'Italian mobile', 'Cellulare 333 123 4567', '333 123 4567'],
    ['it', 'Italian Rome landline, international', 'ufficio +39 06 1234 5678', '+39 06 1234 5678'],
    [
      'en',
      'US number with the area code in parentheses',
      'Call (415) 555-0123 today',
      '(415) 555-0123',
    ],
    ['en', 'US number with dots', 'cell 415.555.0123', '415.555.0123'],
    ['en', 'London number', 'office 020 7946 0958', '020 7946 0958'],
    ['es', 'Mexico City number', 'en CDMX 55 1234 5678', '55 1234 5678'],
    [
      'es',
      'Buenos Aires number with its trunk 0',
      'en Buenos Aires 011 4321-5678',
      '011 4321-5678',
    ],
  ])('%s: finds a %s', (language, _, text, phone) => {
    expect(values(text, language)).toEqual([phone]);
  });

  it('finds a number written right after an abbreviation’s full stop, not after a digit’s', () => {
    expect(values('Tel.612 34 56 78', 'es')).toEqual(['612 34 56 78']);
    expect(values('v1.612 34 56 78', 'es')).toEqual([]);
  });

  it('finds both numbers of a list separated by a slash', () => {
    expect(values('612 345 678 / 91 123 45 67', 'es')).toEqual(['612 345 678', '91 123 45 67']);
  });

  it('finds the number after a year written just before it', () => {
    expect(values('Pedido 2024 612 345 678', 'es')).toEqual(['612 345 678']);
  });

  it('finds an international number whatever the language of the text', () => {
    expect(values('Mein Büro in Madrid: +34 912 345 678', 'de')).toEqual(['+34 912 345 678']);
  });

  it.each([
    ['an order number of Amazon’s shape', 'Order 302-1234567-1234567'],
    ['a date', 'delivered 12/05/2024, 2024-05-12 or 12.05.2024'],
    ['a tracking number in groups of four', 'tracking 9400 1118 9922 3344 5566 77'],
    ['an amount', 'total 1.299.000,00 € or $1,299.00'],
    ['a Windows build number', 'build 10.0.19045'],
    ['a list of one-digit numbers', '1 2 3 4 5 6 7 8 9'],
  ])('does not take %s for a phone', (_, text) => {
    expect(values(text, 'en')).toEqual([]);
    expect(values(text, 'de')).toEqual([]);
  });

  it('does not take a German number without its trunk 0 for a phone', () => {
    expect(values('Nummer 30 12345678', 'de')).toEqual([]);
  });

  it('rejects a number with a national format but digits no plan assigns', () => {
    // Spanish numbers never start with 1; nine digits alone are an order number.
    expect(values('pedido 123 456 789', 'es')).toEqual([]);
  });
});

describe('phoneRegionsFor', () => {
  it('puts the region of a language tag first', () => {
    expect(phoneRegionsFor('pt-BR')[0]).toBe('BR');
    expect(phoneRegionsFor('es-MX')).toEqual(['MX', 'ES', 'AR', 'CO', 'CL', 'US']);
  });

  it('leaves out a region no numbering plan knows', () => {
    expect(phoneRegionsFor('en-XX')).toEqual(phoneRegionsFor('en'));
    expect(values('call (415) 555-0123', 'en-XX')).toEqual(['(415) 555-0123']);
  });

  it('tries the main markets for an unknown or missing language', () => {
    expect(phoneRegionsFor(undefined)).toEqual(phoneRegionsFor('nl'));
  });
});
