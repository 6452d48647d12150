import { describe, expect, it } from 'vitest';
import { readableText, sourceDifference } from './matchText.js';

describe('readableText', () => {
  it('writes tokens as their labels and unescapes the text', () => {
    expect(readableText('Terms &amp; <x id="1"/>', (id) => `[link ${id}]`)).toBe(
      'Terms & [link 1]',
    );
  });
});

describe('sourceDifference', () => {
  it('marks the word only the match has and the word only the segment has', () => {
    expect(sourceDifference('Track your order online.', 'Track your parcel online.')).toEqual([
      { text: 'Track your ' },
      { text: 'order', only: 'match' },
      { text: 'parcel', only: 'segment' },
      { text: ' online.' },
    ]);
  });

  it('gives up marking two long texts with nothing in common, and shows the match as it is', () => {
    const match = Array.from({ length: 300 }, (_, i) => `alpha${i}`).join(' ');
    const segment = Array.from({ length: 300 }, (_, i) => `beta${i}`).join(' ');
    expect(sourceDifference(match, segment)).toEqual([{ text: match }]);
  });
});
