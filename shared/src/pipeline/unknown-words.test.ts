import { describe, expect, it } from 'vitest';
import {
  insertMarks,
  takeMarks,
  UNKNOWN_END,
  UNKNOWN_START,
  withoutMarks,
} from './unknown-words.js';

const marked = (word: string) => `${UNKNOWN_START}${word}${UNKNOWN_END}`;

describe('takeMarks', () => {
  it('returns the text without marks and where the marked words are in it', () => {
    expect(takeMarks(`The ${marked('envio')} of ${marked('Skynet')}.`)).toEqual({
      text: 'The envio of Skynet.',
      spans: [
        { start: 4, end: 9 },
        { start: 13, end: 19 },
      ],
    });
  });

  it('closes a mark whose end was lost at the end of the text', () => {
    expect(takeMarks(`a ${UNKNOWN_START}bc`)).toEqual({
      text: 'a bc',
      spans: [{ start: 2, end: 4 }],
    });
  });

  it('drops a mark around nothing', () => {
    expect(takeMarks(`a${UNKNOWN_START}${UNKNOWN_END}b`)).toEqual({ text: 'ab', spans: [] });
  });
});

describe('insertMarks', () => {
  it('wraps each span, so taking the marks again gives the same spans', () => {
    const spans = [
      { start: 0, end: 3 },
      { start: 8, end: 11 },
    ];
    const text = 'Foo and bar.';
    expect(insertMarks(text, spans)).toBe(`${marked('Foo')} and ${marked('bar')}.`);
    expect(takeMarks(insertMarks(text, spans))).toEqual({ text, spans });
  });

  it('skips spans that overlap an earlier one or fall outside the text', () => {
    expect(
      insertMarks('abcdef', [
        { start: 0, end: 2 },
        { start: 1, end: 3 },
        { start: 4, end: 9 },
      ]),
    ).toBe(`${marked('ab')}cdef`);
  });
});

describe('withoutMarks', () => {
  it('removes mark characters that came from outside', () => {
    expect(withoutMarks(`x${UNKNOWN_START}y${UNKNOWN_END}z`)).toBe('xyz');
  });
});
