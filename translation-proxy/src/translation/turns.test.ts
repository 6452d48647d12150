import { describe, expect, it } from 'vitest';
import { mapInTurns } from './turns.js';

describe('mapInTurns', () => {
  it('maps every item in order, with its index', async () => {
    const sentences = ['Hola.', '¿Qué tal?', 'Adiós.', 'Gracias.', 'Hasta luego.'];
    expect(await mapInTurns(sentences, 2, (text, index) => `${index}:${text.length}`)).toEqual([
      '0:5',
      '1:9',
      '2:6',
      '3:8',
      '4:12',
    ]);
  });

  it('lets other work run between turns, not within one', async () => {
    let otherWorkRan = false;
    setImmediate(() => (otherWorkRan = true));
    const seen = await mapInTurns([1, 2, 3, 4, 5], 2, () => otherWorkRan);
    expect(seen).toEqual([false, false, true, true, true]);
  });
});
