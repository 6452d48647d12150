// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeWithUnknownWords } from './unknownWords.js';

const TITLE = 'Not in the engine’s dictionary';

function marked(html: string): string[] {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  return Array.from(body.querySelectorAll('span.parley-unknown'), (span) => span.textContent ?? '');
}

describe('sanitizeWithUnknownWords', () => {
  it('wraps exactly the words at the given offsets, with the title', () => {
    const html = '<p>The <b>shipping</b> of Zorblax arrived.</p>';
    const start = html.indexOf('Zorblax');
    const out = sanitizeWithUnknownWords(html, [{ start, end: start + 7 }], TITLE);
    expect(marked(out)).toEqual(['Zorblax']);
    expect(out).toContain(`title="${TITLE}"`);
    expect(out).toContain('<b>shipping</b>');
  });

  it('still sanitizes the comment, and counts offsets in the HTML as the proxy sent it', () => {
    const html = '<p onclick="x()">A <script>bad()</script>zumbido here</p>';
    const start = html.indexOf('zumbido');
    const out = sanitizeWithUnknownWords(html, [{ start, end: start + 7 }], TITLE);
    expect(out).not.toMatch(/script|onclick/);
    expect(marked(out)).toEqual(['zumbido']);
  });

  it('escapes the title as an attribute', () => {
    const out = sanitizeWithUnknownWords('<p>ab</p>', [{ start: 3, end: 5 }], '"><img src=x>');
    expect(out).not.toContain('<img');
    expect(marked(out)).toEqual(['ab']);
  });

  it('marks nothing without offsets, and ignores mark characters in the comment itself', () => {
    expect(sanitizeWithUnknownWords('<p>a\uFDD0b\uFDD1c</p>', [], TITLE)).toBe('<p>abc</p>');
  });
});
