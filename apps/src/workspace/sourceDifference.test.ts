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

  it('gives up marking two long texts with nothing in common, and shows the match as it is', () => {
    const match = Array.from({ length: 300 }, (_, i) => `alpha${i}`).join(' ');
    const segment = Array.from({ length: 300 }, (_, i) => `beta${i}`).join(' ');
    expect(sourceDifference(match, segment)).toEqual([{ text: match }]);
  });
});
