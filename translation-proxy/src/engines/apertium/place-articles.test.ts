import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApertiumEngine, type ApertiumEngine } from './engine.js';
import { readModeStages } from './mode-file.js';
import { dropsPlaceArticles, withoutPlaceArticles } from './place-articles.js';

describe('dropsPlaceArticles', () => {
  it('is wanted from Spanish to English, regional tags included', () => {
    expect(dropsPlaceArticles('es', 'en')).toBe(true);
    expect(dropsPlaceArticles('es-MX', 'en-GB')).toBe(true);
  });

  it('is not wanted into Spanish or between other languages', () => {
    expect(dropsPlaceArticles('en', 'es')).toBe(false);
    expect(dropsPlaceArticles('it', 'es')).toBe(false);
  });
});

describe('withoutPlaceArticles', () => {
  it('adds one sed stage right after the pretransfer of the Spanish→English chain', async () => {
    const stages = await readModeStages('/usr/share/apertium/modes/spa-eng.mode');
    const rewritten = withoutPlaceArticles(stages)!;
    const pretransfer = stages.findIndex(([program]) => program === 'apertium-pretransfer');
    expect(rewritten).toHaveLength(stages.length + 1);
    expect(rewritten[pretransfer + 1]![0]).toBe('sed');
    expect(rewritten.filter((stage) => !stage.includes('sed'))).toEqual(stages);
  });
});

describe('place names from Spanish to English', () => {
  let engine: ApertiumEngine;
  beforeAll(async () => {
    engine = await createApertiumEngine({ parleyModesDir: null });
  });
  afterAll(async () => {
    await engine.close();
  });

  async function esToEn(text: string): Promise<string> {
    const result = await engine.translate({ source: 'es', target: 'en', segments: [text] });
    return result.segments[0]!;
  }

  it('names a country, also after de and a, without an article', async () => {
    expect(await esToEn('La Alemania del norte exporta coches al Japón.')).toBe(
      'North Germany exports cars to Japan.',
    );
  });

  it('drops the article only where English names the place without one', async () => {
    expect(await esToEn('Viajó al Perú y al Caribe.')).toBe(
      'It travelled to Peru and to the Caribbean.',
    );
    expect(await esToEn('Corrió el Boston Marathon en el Japón.')).toBe(
      'It ran the Boston Marathon in Japan.',
    );
  });
});
