import { describe, expect, it } from 'vitest';
import { trailingRunStart, trailingWhitespace } from './trailing.js';

const PUNCTUATION = /[.!?…»)]/u;

describe('trailingRunStart', () => {
  it('finds where the closing punctuation of a sentence starts', () => {
    expect(trailingRunStart('¿De verdad?!…»', PUNCTUATION)).toBe(10);
    expect(trailingRunStart('Gracias', PUNCTUATION)).toBe(7);
    expect(trailingRunStart('...', PUNCTUATION)).toBe(0);
    expect(trailingRunStart('', PUNCTUATION)).toBe(0);
  });

  it('steps over characters outside the Basic Multilingual Plane whole', () => {
    expect(trailingRunStart('Listo 👍👍', /\p{Extended_Pictographic}/u)).toBe(6);
    expect(trailingRunStart('Listo 👍👍', PUNCTUATION)).toBe(10);
  });

  it('stops at the first character of another kind, however long the run before it', () => {
    const text = `${'.'.repeat(50_000)}x${'.'.repeat(3)}`;
    expect(trailingRunStart(text, PUNCTUATION)).toBe(50_001);
  });
});

describe('trailingWhitespace', () => {
  it('is the spaces, tabs and line breaks that end a text', () => {
    expect(trailingWhitespace('Danke.\u00A0\n\t ')).toBe('\u00A0\n\t ');
    expect(trailingWhitespace(`${' '.repeat(40_000)}Gracias`)).toBe('');
  });
});
