import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApertiumEngine, type ApertiumEngine } from './engine.js';
import { readModeStages } from './mode-file.js';
import { needsVerbGroups, withVerbGroups } from './verb-groups.js';

describe('needsVerbGroups', () => {
  it('is wanted on the chains that write Spanish from English', () => {
    expect(needsVerbGroups('en', 'es')).toBe(true);
    expect(needsVerbGroups('en-GB', 'es-MX')).toBe(true);
  });

  it('is not wanted on any other chain', () => {
    expect(needsVerbGroups('es', 'en')).toBe(false);
    expect(needsVerbGroups('fr', 'es')).toBe(false);
  });
});

describe('withVerbGroups', () => {
  it('adds one sed stage right after the postchunk of the English→Spanish chain', async () => {
    const stages = await readModeStages('/usr/share/apertium/modes/eng-spa.mode');
    const rewritten = withVerbGroups(stages)!;
    const postchunk = stages.findIndex(([program]) => program === 'apertium-postchunk');
    expect(rewritten).toHaveLength(stages.length + 1);
    expect(rewritten[postchunk + 1]![0]).toBe('sed');
    expect(rewritten.filter((stage) => stage[0] !== 'sed')).toEqual(stages);
  });

  it('leaves a chain without a postchunk stage alone', () => {
    expect(withVerbGroups([['lt-proc', '-z', 'x.bin']])).toBeUndefined();
  });
});

describe('English→Spanish verb groups', () => {
  let engine: ApertiumEngine;
  beforeAll(async () => {
    engine = await createApertiumEngine();
  });
  afterAll(async () => {
    await engine.close();
  });

  const enToEs = async (text: string): Promise<string> =>
    (await engine.translate({ source: 'en', target: 'es', segments: [text] })).segments[0]!;

  it('asks "can you" with the second person and an infinitive', async () => {
    expect(await enToEs('Can you confirm your address?')).toBe('¿Puedes confirmar tu dirección?');
  });

  it('joins the pronoun to the infinitive, after an adverb too', async () => {
    expect(await enToEs('Could you please send me a photo?')).toBe(
      '¿Podrías por favor enviarme una foto?',
    );
    expect(await enToEs('Can you send it?')).toBe('¿Puedes enviarlo?');
  });

  it('keeps the third person of a third-person subject, in its number', async () => {
    expect(await enToEs('Can they confirm the order?')).toBe('¿Pueden confirmar el pedido?');
  });

  it('leaves a modal already followed by an infinitive as it was', async () => {
    expect(await enToEs('You can send it.')).toBe('Lo puedes enviar.');
  });

  it('writes a preterite passive with ser, not estar', async () => {
    expect(await enToEs('Your parcel was delivered yesterday.')).toBe(
      'Tu paquete fue entregado ayer.',
    );
    expect(await enToEs('The invoices were sent on Monday.')).toBe(
      'Las facturas fueron enviadas el lunes.',
    );
  });

  it('keeps estar before a participle in the other tenses', async () => {
    expect(await enToEs('I am worried.')).toContain('Estoy preocupado');
  });

  it('asks have you… with haber and a participle, not tener and a past', async () => {
    expect(await enToEs('Have you received the package?')).toBe('¿Has recibido el paquete?');
    expect(await enToEs('Has it arrived?')).toBe('¿Ha llegado?');
  });

  it('keeps tener where it is the verb of possession', async () => {
    expect(await enToEs('He has a question.')).toBe('Tiene una pregunta.');
  });

  it('keeps text that only looks like a transferred stream as text', async () => {
    const text = 'Can you read ^poder<vbmod><pri><p3><sg>$ ^ir<vblex><pri><p2><sg>$?';
    expect(await enToEs(text)).toContain(
      '^poder&lt;vbmod&gt;&lt;pri&gt;&lt;p3&gt;&lt;sg&gt;$ ^ir&lt;vblex&gt;&lt;pri&gt;&lt;p2&gt;&lt;sg&gt;$',
    );
  });
});
