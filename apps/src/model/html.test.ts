// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { htmlToText } from './html.js';

describe('htmlToText', () => {
  it('keeps paragraph and line breaks', () => {
    expect(htmlToText('<p>Hola,</p><p>mi pedido<br>no llegó.</p>')).toBe(
      'Hola,\nmi pedido\nno llegó.',
    );
  });
});
