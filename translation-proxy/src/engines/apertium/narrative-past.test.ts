import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApertiumEngine, type ApertiumEngine } from './engine.js';
import { readModeStages } from './mode-file.js';
import { needsNarrativePast, withNarrativePast } from './narrative-past.js';

describe('needsNarrativePast', () => {
  it('is wanted on the Spanish leg of text written in French, Italian or Romanian', () => {
    expect(needsNarrativePast('es', 'fr')).toBe(true);
    expect(needsNarrativePast('es', 'it-CH')).toBe(true);
    expect(needsNarrativePast('es', 'ro')).toBe(true);
  });

  it('is not wanted for Catalan, Portuguese, Galician or Spanish written as such', () => {
    expect(needsNarrativePast('es', 'ca')).toBe(false);
    expect(needsNarrativePast('es', 'pt-BR')).toBe(false);
    expect(needsNarrativePast('es', 'gl')).toBe(false);
    expect(needsNarrativePast('es', undefined)).toBe(false);
  });

  it('is not wanted on a leg that does not read Spanish', () => {
    expect(needsNarrativePast('en', 'fr')).toBe(false);
  });
});

describe('withNarrativePast', () => {
  it('adds one sed stage right after the pretransfer of the Spanish→English chain', async () => {
    const stages = await readModeStages('/usr/share/apertium/modes/spa-eng.mode');
    const rewritten = withNarrativePast(stages)!;
    const pretransfer = stages.findIndex(([program]) => program === 'apertium-pretransfer');
    expect(rewritten).toHaveLength(stages.length + 1);
    expect(rewritten[pretransfer + 1]![0]).toBe('sed');
    expect(rewritten.filter((stage) => !stage.includes('sed'))).toEqual(stages);
  });

  it('leaves a chain without a pretransfer stage alone', () => {
    expect(withNarrativePast([['lt-proc', '-z', 'x.bin']])).toBeUndefined();
  });
});

describe('a bridged Spanish leg', () => {
  let engine: ApertiumEngine;
  beforeAll(async () => {
    engine = await createApertiumEngine({ parleyModesDir: null });
  });
  afterAll(async () => {
    await engine.close();
  });

  async function esToEn(text: string, bridgedFrom?: string): Promise<string> {
    const result = await engine.translate({
      source: 'es',
      target: 'en',
      segments: [text],
      ...(bridgedFrom ? { bridgedFrom } : {}),
    });
    return result.segments[0]!;
  }

  // What fr→es makes of "Le ministre a dit que la réunion a été un succès."
  const fromFrench = 'El ministro ha dicho que la reunión ha sido un éxito.';

  it('reads the compound past of French text as a simple past', async () => {
    expect(await esToEn(fromFrench, 'fr')).toBe(
      'The minister said that the meeting was a success.',
    );
  });

  it('keeps the present perfect of text written in Spanish', async () => {
    expect(await esToEn(fromFrench)).toBe(
      'The minister has said that the meeting has been a success.',
    );
  });

  it('gives the capital of a sentence-initial haber to the verb', async () => {
    expect(await esToEn('Han cerrado la tienda. Hemos pagado.', 'it')).toBe(
      'They closed the tent. We paid.',
    );
  });

  it('keeps person, number and pronominal verbs', async () => {
    expect(await esToEn('Los clientes se han quejado y yo he respondido.', 'ro')).toBe(
      'The clients complained and I answered.',
    );
  });

  it('leaves the words of the text alone where they only look like the analysis', async () => {
    const text = 'Escribe ^haber<vbhaver><pri><p3><sg>$ ^decir<vblex><pp>$ tal cual.';
    expect(await esToEn(text, 'fr')).toBe(await esToEn(text));
  });
});
