import { describe, expect, it } from 'vitest';
import { findCards } from './card.js';

const values = (text: string) => findCards(text).map(({ start, end }) => text.slice(start, end));

describe('findCards', () => {
  it.each([
    [
      'Visa in groups of four',
      'Tarjeta 4111 1111 1111 1111, caducidad 04/27',
      '4111 1111 1111 1111',
    ],
    ['Mastercard with dashes', 'Karte: 5555-5555-5555-4444.', '5555-5555-5555-4444'],
    ['Mastercard 2-series', 'carte 2223 0031 2200 3222', '2223 0031 2200 3222'],
    ['American Express 4-6-5', 'Amex 3782 822463 10005 please', '3782 822463 10005'],
    ['Discover written compact', 'card 6011111111111117', '6011111111111117'],
  ])('finds a %s', (_, text, card) => {
    expect(values(text)).toEqual([card]);
  });

  it('rejects a number whose Luhn check digit is wrong', () => {
    expect(values('carta 4111 1111 1111 1112')).toEqual([]);
  });

  it('rejects a Luhn-valid number with no card network prefix', () => {
    // 9111 1111 1111 1115 passes Luhn, but no network issues cards starting with 9.
    expect(values('ref 9111 1111 1111 1115')).toEqual([]);
  });

  it('rejects a network prefix with a length the network does not use', () => {
    // American Express numbers have 15 digits, never 16.
    expect(values('Amex 3782 8224 6310 0052')).toEqual([]);
  });

  it('does not read a card out of an international phone number', () => {
    expect(values('Tel. +49 221 73060758')).toEqual([]);
  });

  it('does not read a card out of a longer digit run such as a tracking number', () => {
    expect(values('Sendung 9400 1111 1111 1111 1111 1111')).toEqual([]);
  });
});
