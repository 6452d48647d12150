import { describe, expect, it } from 'vitest';
import { comparableText } from './client.js';

describe('comparableText', () => {
  it('compares a comment the helpdesk re-formatted as the same text', () => {
    expect(comparableText('<p>Hola&nbsp;<b>Ana</b>,</p>\n<p>su pedido &amp; factura</p>')).toBe(
      comparableText(
        '<div class="zd-comment"><p>Hola <strong>Ana</strong>, su pedido & factura</p></div>',
      ),
    );
  });

  it('keeps stray < as text instead of reading the rest of the comment as one tag', () => {
    expect(comparableText('<p>Pedido <<< urgente</p><p>Gracias</p>')).toBe(
      'Pedido<<<urgenteGracias',
    );
  });
});
