import { describe, expect, it } from 'vitest';
import { readableText } from './matchText.js';

describe('readableText', () => {
  it('writes tokens as their labels and unescapes the text', () => {
    expect(readableText('Terms &amp; <x id="1"/>', (id) => `[link ${id}]`)).toBe(
      'Terms & [link 1]',
    );
  });
});
