import { describe, expect, it } from 'vitest';
import { sourceWords } from './words.js';

describe('sourceWords', () => {
  it('counts the words of translatable segments, not placeholders or punctuation', () => {
    expect(
      sourceWords(
        [
          { source: 'Hello <x id="1"/>,', translatable: true },
          { source: 'Your <x id="1"/>order<x id="2"/> 48213 ships on Friday.', translatable: true },
          { source: '<x id="1"/>', translatable: false },
        ],
        'en',
      ),
    ).toBe(7);
  });

  it('counts Japanese words without spaces between them', () => {
    expect(
      sourceWords([{ source: 'ご注文は発送されました。', translatable: true }], 'ja'),
    ).toBeGreaterThan(1);
  });
});
