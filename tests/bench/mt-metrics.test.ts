import { describe, expect, it } from 'vitest';
import { bleu, chrF, tokenize13a } from './mt-metrics.js';

describe('chrF', () => {
  it('scores an exact match 100', () => {
    expect(chrF(['¿Dónde está mi pedido?'], ['¿Dónde está mi pedido?'])).toBeCloseTo(100, 10);
  });

  it('matches a value worked out by hand', () => {
    // Unigrams: 1 of 2 match (P = R = 1/2); bigrams: none (P = R = 0); no longer n-grams.
    // Averages P = R = 1/4, so F2 = 5 · 1/16 / (4 · 1/4 + 1/4) = 1/4.
    expect(chrF(['ab'], ['ac'])).toBeCloseTo(25, 10);
  });

  it('ignores whitespace when counting character n-grams', () => {
    expect(chrF(['mi   pedido'], ['mipedido'])).toBeCloseTo(100, 10);
  });

  it('reproduces the value sacrebleu documents for one sentence pair', () => {
    const score = chrF(
      ['The relationship between Obama and Netanyahu is not exactly friendly.'],
      ['The ties between Obama and Netanyahu are not particularly friendly.'],
    );
    expect(score).toBeCloseTo(61.576379378113785, 8);
  });
});

describe('tokenize13a', () => {
  it('splits punctuation off words but keeps decimal numbers whole', () => {
    expect(tokenize13a('Hello, world! It costs 3.5 $ (today).')).toBe(
      'Hello , world ! It costs 3.5 $ ( today ) .',
    );
  });
});

describe('bleu', () => {
  it('scores an exact match 100', () => {
    expect(bleu(['Gracias por tu paciencia .'], ['Gracias por tu paciencia .'])).toBeCloseTo(
      100,
      10,
    );
  });

  it('matches a value worked out by hand', () => {
    // Clipped precisions 5/6, 3/5, 2/4, 1/3 and no brevity penalty: (1/12)^(1/4).
    const score = bleu(['the cat sat on the mat'], ['the cat sat on a mat']);
    expect(score).toBeCloseTo(100 * (1 / 12) ** 0.25, 10);
  });

  it('applies the brevity penalty to a short hypothesis', () => {
    // Every n-gram of the hypothesis matches; only the length differs: exp(1 - 6/4).
    const score = bleu(['the cat sat on'], ['the cat sat on the mat']);
    expect(score).toBeCloseTo(100 * Math.exp(1 - 6 / 4), 10);
  });
});
