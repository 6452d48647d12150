import { describe, expect, it } from 'vitest';
import { LongestMatches } from './aho-corasick.js';

const longestAt = (patterns: string[], text: string) =>
  [...new LongestMatches(patterns).startingAt(text)].map((index) => patterns[index] ?? null);

describe('LongestMatches', () => {
  it('gives, at each position, the longest pattern starting there', () => {
    expect(longestAt(['he', 'she', 'his', 'hers'], 'ushers')).toEqual([
      null,
      'she',
      'hers',
      null,
      null,
      null,
    ]);
  });

  it('finds patterns that are prefixes and suffixes of one another', () => {
    expect(longestAt(['ab', 'abab', 'bab'], 'ababab')).toEqual([
      'abab',
      'bab',
      'abab',
      'bab',
      'ab',
      null,
    ]);
  });

  it('matches by UTF-16 unit, so accents and astral characters count as written', () => {
    expect(longestAt(['café', '😀x'], 'un café 😀x')).toEqual([
      null,
      null,
      null,
      'café',
      null,
      null,
      null,
      null,
      '😀x',
      null,
      null,
    ]);
  });
});
