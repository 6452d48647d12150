import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../tests/support/seeded-random.js';
import { editDistance, visibleText } from './edit-distance.js';

/** Levenshtein distance from the whole table, cell by cell: what every shortcut must agree with. */
function tableDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, j) => j);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++)
      current[j] = Math.min(
        previous[j - 1]! + (left[i - 1] === right[j - 1] ? 0 : 1),
        previous[j]! + 1,
        current[j - 1]! + 1,
      );
    previous = current;
  }
  return previous[right.length]!;
}

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

describe('editDistance against the whole table', () => {
  // Few letters, so that texts share much and differ a little, as fuzzy matches do; lengths on
  // both sides of the 32-row blocks the distance of segments is computed in.
  const random = seededRandom(15);
  const letters = ['a', 'b', 'c', ' ', 'é', '😀'];
  const text = (length: number) =>
    Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join('');
  const edited = (source: string) => {
    const characters = [...source];
    for (let edits = Math.floor(random() * 12); edits > 0; edits--) {
      const at = Math.floor(random() * (characters.length + 1));
      const kind = Math.floor(random() * 3);
      if (kind === 0) characters.splice(at, 1);
      else if (kind === 1) characters.splice(at, 0, text(1));
      else characters[at] = text(1);
    }
    return characters.join('');
  };
  const pairs = Array.from({ length: 300 }, (_, i) => {
    const source = text([1, 31, 32, 33, 63, 64, 65, 140][i % 8]!);
    return [source, i % 5 === 0 ? text(source.length) : edited(source)] as const;
  });

  it('gives the exact distance of segments of up to 140 characters', () => {
    for (const [a, b] of pairs) expect(editDistance(a, b)).toBe(tableDistance(a, b));
  });

  it('gives the distance up to the limit and none past it', () => {
    for (const [a, b] of pairs) {
      const exact = tableDistance(a, b);
      const limit = Math.floor(Math.max([...a].length, [...b].length) * 0.3);
      expect(editDistance(a, b, limit)).toBe(exact <= limit ? exact : null);
    }
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
