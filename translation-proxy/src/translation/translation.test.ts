// The translate flow's result: each prepared sentence with its translation, where it came from and
// which engine made it, with the embedded Apertium engine and SQLite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proxy } from '../compose.js';
import { startTestProxy } from '../../../tests/support/proxy.js';

let proxy: Proxy;
let tenantId: string;
beforeAll(async () => {
  proxy = await startTestProxy();
  tenantId = (await proxy.store.tenants.create({ name: 'Origins' })).id;
});
afterAll(() => proxy.close());

const translate = (text: string, target = 'es') =>
  proxy.translation.translate({
    tenantId,
    inputs: [{ format: 'text', content: text }],
    source: 'en',
    target,
  });

const origins = (outcome: Awaited<ReturnType<typeof translate>>) =>
  outcome.documents[0]!.segments.map(({ masked, target, origin, engine }) => ({
    masked,
    target,
    origin,
    engine,
  }));

describe('translation service', () => {
  it('labels an approved edit from the memory and a sentence the engine translated now', async () => {
    await proxy.store.memory.save(tenantId, 'en', 'es', [
      {
        source: 'Thanks for writing in.',
        target: 'Gracias por escribirnos.',
        origin: 'human',
        engine: null,
      },
    ]);
    const [remembered, fresh] = origins(
      await translate('Thanks for writing in. The courier comes on Friday.'),
    );
    expect(remembered).toEqual({
      masked: 'Thanks for writing in.',
      target: 'Gracias por escribirnos.',
      origin: 'memory-human',
      engine: null,
    });
    expect(fresh).toMatchObject({ origin: 'engine', engine: 'apertium' });
    expect(fresh!.target).toMatch(/viernes/i);
  });

  it('serves a sentence the engine translated before from the memory, naming that engine', async () => {
    const first = await translate('Your invoice is attached.');
    await proxy.translation.drain();
    const again = await translate('Your invoice is attached.');
    expect(origins(again)).toEqual([
      {
        masked: 'Your invoice is attached.',
        target: first.documents[0]!.segments[0]!.target,
        origin: 'memory-machine',
        engine: 'apertium',
      },
    ]);
    expect(again.documents[0]!.output).toBe(first.documents[0]!.output);
  });

  it('serves a sentence repeated before its memory write has landed from the memory', async () => {
    const first = await translate('The refund reaches your card within five days.');
    const again = await translate('The refund reaches your card within five days.');
    expect(again.cached).toBe(true);
    expect(origins(again)).toEqual([
      {
        masked: 'The refund reaches your card within five days.',
        target: first.documents[0]!.segments[0]!.target,
        origin: 'memory-machine',
        engine: 'apertium',
      },
    ]);
    await proxy.translation.drain();
  });

  it('marks the words the engine did not know again when the memory serves the sentence', async () => {
    const spanish = (text: string) =>
      proxy.translation.translate({
        tenantId,
        inputs: [{ format: 'text', content: text }],
        source: 'es',
        target: 'en',
      });
    const unknownWords = (outcome: Awaited<ReturnType<typeof spanish>>) => {
      const { output, unknown } = outcome.documents[0]!;
      return unknown.map(({ start, end }) => output.slice(start, end));
    };
    const sentence = 'El paquete zumbifláutico llegó roto.';
    const first = await spanish(sentence);
    expect(unknownWords(first)).toEqual(['zumbifláutico']);
    const queued = await spanish(sentence);
    await proxy.translation.drain();
    const stored = await spanish(sentence);
    expect(stored.cached).toBe(true);
    expect(unknownWords(queued)).toEqual(['zumbifláutico']);
    expect(unknownWords(stored)).toEqual(['zumbifláutico']);
  });

  it("marks no word in a translator's approved version of a sentence the engine did not know", async () => {
    const sentence = 'La caja plumbífera no cierra.';
    await proxy.translation.translate({
      tenantId,
      inputs: [{ format: 'text', content: sentence }],
      source: 'es',
      target: 'en',
    });
    await proxy.translation.drain();
    await proxy.store.memory.save(tenantId, 'es', 'en', [
      {
        source: sentence,
        target: 'The lead-lined box does not close.',
        origin: 'human',
        engine: null,
      },
    ]);
    const approved = await proxy.translation.translate({
      tenantId,
      inputs: [{ format: 'text', content: sentence }],
      source: 'es',
      target: 'en',
    });
    expect(approved.documents[0]).toMatchObject({
      output: 'The lead-lined box does not close.',
      unknown: [],
    });
  });

  it('keeps every sentence as written between two variants of one language', async () => {
    const outcome = await translate('The colour of the parcel is grey.', 'en-GB');
    expect(origins(outcome)).toEqual([
      {
        masked: 'The colour of the parcel is grey.',
        target: 'The colour of the parcel is grey.',
        origin: 'kept',
        engine: null,
      },
    ]);
  });
});
