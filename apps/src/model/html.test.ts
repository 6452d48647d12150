// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeHtml } from './html.js';

describe('sanitizeHtml', () => {
  it('keeps formatting and safe links', () => {
    expect(
      sanitizeHtml(
        '<p>Hola <strong>María</strong>, <a href="https://ejemplo.es/pedido">pedido</a></p>',
      ),
    ).toBe(
      '<p>Hola <strong>María</strong>, <a href="https://ejemplo.es/pedido" target="_blank" rel="noopener noreferrer">pedido</a></p>',
    );
  });

  it('drops scripts, event handlers and javascript: links', () => {
    const cleaned = sanitizeHtml(
      '<p onclick="steal()">Hallo<script>steal()</script> <a href="javascript:steal()">hier</a><img src=x onerror="steal()"></p>',
    );
    expect(cleaned).toBe('<p>Hallo <a target="_blank" rel="noopener noreferrer">hier</a></p>');
  });

  it('unwraps unknown elements but keeps their text', () => {
    expect(sanitizeHtml('<p><font color="red">ログインできません</font></p>')).toBe(
      '<p>ログインできません</p>',
    );
  });
});

describe('htmlToText', () => {
  it('keeps paragraph and line breaks', () => {
    expect(htmlToText('<p>Hola,</p><p>mi pedido<br>no llegó.</p>')).toBe(
      'Hola,\nmi pedido\nno llegó.',
    );
  });
});
