import { describe, expect, it } from 'vitest';
import { editDistance, visibleText } from './edit-distance.js';

describe('editDistance', () => {
  it('counts substituted, inserted and deleted characters', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('Su pedido ha sido enviado.', 'Tu pedido ya fue enviado.')).toBe(6);
    expect(editDistance('', 'Hola')).toBe(4);
    expect(editDistance('Hola', 'Hola')).toBe(0);
  });

  it('counts an emoji or an accented letter as one character', () => {
    expect(editDistance('Gracias 😀', 'Gracias 🙏')).toBe(1);
    expect(editDistance('envio', 'envío')).toBe(1);
  });

  it('measures a few edits in a long reply exactly', () => {
    const reply = 'Su pedido ORD-77812-B salió del almacén ayer y llegará pronto. '.repeat(300);
    const edited = `${reply.slice(0, 5_000)}Estimado cliente: ${reply.slice(5_000, 12_000)}${reply.slice(12_010)}`;
    expect(editDistance(reply, edited)).toBe(28);
  });

  it('gives no figure for long texts that differ past what its budget can measure', () => {
    const machine = 'Su pedido salió del almacén ayer. '.repeat(400);
    const rewritten = 'Ihre Bestellung hat gestern das Lager verlassen. '.repeat(280);
    expect(editDistance(machine, rewritten)).toBeNull();
  });
});

describe('editDistance with a limit', () => {
  it('measures distances up to the limit and gives none past it', () => {
    expect(editDistance('Su pedido ha sido enviado.', 'Tu pedido ya fue enviado.', 6)).toBe(6);
    expect(editDistance('Su pedido ha sido enviado.', 'Tu pedido ya fue enviado.', 5)).toBeNull();
    expect(editDistance('', 'Hola', 3)).toBeNull();
  });
});

describe('visibleText', () => {
  it('drops tags without splitting words at inline ones, and collapses whitespace', () => {
    expect(visibleText('<p>Hola <b>Ana</b>,</p>\n<p>gracias.</p>', 'html')).toBe(
      'Hola Ana, gracias.',
    );
  });

  it('reads entities as the characters they show', () => {
    expect(visibleText('<p>Caf&eacute; &amp; t&eacute;&nbsp;incluidos</p>', 'html')).toBe(
      'Café & té incluidos',
    );
  });

  it('keeps stray < as text rather than swallowing the rest of the reply into a tag', () => {
    expect(visibleText('<p>Pedido <<< urgente</p><p>Gracias</p>', 'html')).toBe(
      'Pedido <<< urgente Gracias',
    );
  });
});
