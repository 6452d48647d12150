import { describe, expect, it } from 'vitest';
import { sourceDifference } from './sourceDifference.js';

describe('sourceDifference', () => {
  it('marks the word only the match has and the word only the segment has', () => {
    expect(sourceDifference('Track your order online.', 'Track your parcel online.')).toEqual([
      { text: 'Track your ' },
      { text: 'order', only: 'match' },
      { text: 'parcel', only: 'segment' },
      { text: ' online.' },
    ]);
  });

  it('marks a word only the segment has, with its space, the rest in common', () => {
    expect(sourceDifference('Your order has shipped.', 'Your order has now shipped.')).toEqual([
      { text: 'Your order has ' },
      { text: 'now ', only: 'segment' },
      { text: 'shipped.' },
    ]);
  });

  it('compares Japanese word by word, though it has no spaces between words', () => {
    expect(sourceDifference('注文は発送されました。', '荷物は発送されました。')).toEqual([
      { text: '注文', only: 'match' },
      { text: '荷物', only: 'segment' },
      { text: 'は発送されました。' },
    ]);
  });

  it('finds the fewest marks when words move: what both keep in order stays unmarked', () => {
    const pieces = sourceDifference('refund the order today', 'today refund the order');
    expect(pieces.filter((piece) => !piece.only).map((piece) => piece.text)).toEqual([
      'refund the order',
    ]);
    expect(pieces.filter((piece) => piece.only).map((piece) => piece.text.trim())).toEqual([
      'today',
      'today',
    ]);
  });

  it('gives up marking two long texts with nothing in common, and shows the match as it is', () => {
    const match = Array.from({ length: 300 }, (_, i) => `alpha${i}`).join(' ');
    const segment = Array.from({ length: 300 }, (_, i) => `beta${i}`).join(' ');
    expect(sourceDifference(match, segment)).toEqual([{ text: match }]);
  });
});
