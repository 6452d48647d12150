import { describe, expect, it } from 'vitest';
import { findTerms } from './glossary.js';
import type { GlossaryTerm } from './types.js';

const found = (text: string, terms: readonly GlossaryTerm[]) =>
  findTerms(text, terms).map(({ start, end, term }) => [text.slice(start, end), term.source]);

describe('findTerms', () => {
  it('finds whole words only, ignoring case', () => {
    expect(
      found('Open Parley Inbox, then parley inbox settings. Parleys are different.', [
        { source: 'Parley Inbox' },
      ]),
    ).toEqual([
      ['Parley Inbox', 'Parley Inbox'],
      ['parley inbox', 'Parley Inbox'],
    ]);
  });

  it('prefers the longest term at a place, and a shorter one where the longer is not a whole word', () => {
    const terms = [{ source: 'order' }, { source: 'order number' }];
    expect(found('Your order number and your order numbers.', terms)).toEqual([
      ['order number', 'order number'],
      ['order', 'order'],
    ]);
  });

  it('matches a term across a line break or several spaces', () => {
    expect(found('Ihre Bestell-\nnummer: Kunden\n  Konto', [{ source: 'Kunden Konto' }])).toEqual([
      ['Kunden\n  Konto', 'Kunden Konto'],
    ]);
  });

  it('matches a case-sensitive term only in its case, and lets it win a tie', () => {
    const terms = [{ source: 'apple' }, { source: 'Apple', caseSensitive: true }];
    expect(found('Apple sells apples and an apple.', terms)).toEqual([
      ['Apple', 'Apple'],
      ['apple', 'apple'],
    ]);
  });

  it('folds case as a regular expression does (ſ, Kelvin sign, Greek final sigma)', () => {
    expect(
      found('Straſse, 5 \u212Aelvin, ΟΔΟΣ', [
        { source: 'strasse' },
        { source: 'kelvin' },
        { source: 'οδος' },
      ]),
    ).toEqual([
      ['Straſse', 'strasse'],
      ['\u212Aelvin', 'kelvin'],
      ['ΟΔΟΣ', 'οδος'],
    ]);
  });

  it('finds terms inside unspaced Japanese and Chinese text, and not inside a longer Latin word', () => {
    expect(
      found('ご注文の返金は完了しました。退款已处理。Refunded.', [
        { source: '返金' },
        { source: '退款' },
        { source: 'refund' },
      ]),
    ).toEqual([
      ['返金', '返金'],
      ['退款', '退款'],
    ]);
  });

  it('does not take an accented letter written with a combining mark as a word edge', () => {
    expect(found('Le cafe\u0301 est prêt, le cafe aussi.', [{ source: 'cafe' }])).toEqual([
      ['cafe', 'cafe'],
    ]);
  });

  it('keeps terms that start or end with punctuation whole-word on their letters', () => {
    expect(
      found('We use .NET and C++, not C++x or a.NET.', [{ source: '.NET' }, { source: 'C++' }]),
    ).toEqual([
      ['.NET', '.NET'],
      ['C++', 'C++'],
    ]);
  });

  it('reports offsets in the original text around surrogate pairs and collapsed spaces', () => {
    const text = '😀  𝒜 refund\t\tpolicy 😀';
    const [match] = findTerms(text, [{ source: 'refund policy' }]);
    expect(match && text.slice(match.start, match.end)).toBe('refund\t\tpolicy');
  });

  it('finds every whole-word occurrence among many overlapping long terms', () => {
    const terms = Array.from({ length: 200 }, (_, index) => ({
      source: `${'a '.repeat(60)}a${index}`,
    }));
    const text = `${'a '.repeat(300)}a7 ${'a '.repeat(60)}a199 a`;
    expect(found(text, terms)).toEqual([
      [`${'a '.repeat(60)}a7`, `${'a '.repeat(60)}a7`],
      [`${'a '.repeat(60)}a199`, `${'a '.repeat(60)}a199`],
    ]);
  });
});
