import { describe, expect, it } from 'vitest';
import { fuzzyTerms, fuzzyText, matchScore } from './fuzzy-text.js';

const scored = (query: string, stored: string) =>
  matchScore(
    { masked: query, text: fuzzyText(query) },
    { masked: stored, text: fuzzyText(stored) },
  );

describe('fuzzyText', () => {
  it('reads placeholders and numbers as one mark each, in lower case with spaces collapsed', () => {
    expect(fuzzyText('Order  <x id="1"/>ORD-1,250.00<x id="2"/> is  late')).toBe(
      fuzzyText('order <x id="7"/>ORD-9<x id="8"/> is late'),
    );
  });

  it('unescapes the masked text, so that an ampersand counts as one character', () => {
    expect(fuzzyText('Terms &amp; conditions')).toBe('terms & conditions');
  });
});

describe('fuzzyTerms', () => {
  it('indexes words of two letters or more, once each', () => {
    expect(fuzzyTerms(fuzzyText('Où est mon colis ? Mon colis a 3 jours.'))).toEqual([
      'où',
      'est',
      'mon',
      'colis',
      'jours',
    ]);
  });

  it('indexes Chinese by pairs of characters', () => {
    expect(fuzzyTerms(fuzzyText('订单已发货'))).toEqual(['订单', '单已', '已发', '发货']);
  });
});

describe('matchScore', () => {
  it('scores one changed word of a sentence by the characters it changes', () => {
    expect(scored('Track your parcel online.', 'Track your order online.')).toBe(84);
  });

  it('keeps 100 for the same text, 99 for one with other numbers', () => {
    expect(scored('Order 123 has shipped.', 'Order 123 has shipped.')).toBe(100);
    expect(scored('Order 123 has shipped.', 'Order 456 has shipped.')).toBe(99);
  });

  it('gives no score below the threshold', () => {
    expect(scored('Your refund is on its way.', 'Please contact our support team.')).toBeNull();
  });
});
