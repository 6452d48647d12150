import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EngineError } from '../engine.js';
import { createApertiumEngine, type ApertiumEngine } from './engine.js';
import { ApertiumPipeline } from './pipeline.js';

let engine: ApertiumEngine;

beforeAll(async () => {
  // Stock modes only: these tests are about the engine, not Parley's lexicon.
  engine = await createApertiumEngine({ parleyModesDir: null });
});

afterAll(async () => {
  await engine.close();
});

async function enToEs(...segments: string[]): Promise<string[]> {
  return (await engine.translate({ source: 'en', target: 'es', segments })).segments;
}

describe('Apertium engine', () => {
  it('serves English–Spanish in both directions among its pairs', async () => {
    const pairs = await engine.pairs();
    expect(pairs).toContainEqual({ source: 'en', target: 'es' });
    expect(pairs).toContainEqual({ source: 'es', target: 'en' });
  });

  it('translates English sentences into Spanish', async () => {
    expect(await enToEs('The house is big.', 'I have a dog.')).toEqual([
      'La casa es grande.',
      'Tengo un perro.',
    ]);
  });

  it('listens for an abort once per request, however many segments it holds', async () => {
    const controller = new AbortController();
    const added = vi.spyOn(controller.signal, 'addEventListener');
    const segments = Array.from({ length: 300 }, (_, index) => `Order ${index} has shipped.`);
    const result = await engine.translate({
      source: 'en',
      target: 'es',
      segments,
      signal: controller.signal,
    });
    expect(result.segments).toHaveLength(300);
    expect(added).toHaveBeenCalledTimes(1);
  });

  it('lets other work run while it hands thousands of segments to the chain', async () => {
    let otherWorkRan = false;
    const handedOver: boolean[] = [];
    const process = ApertiumPipeline.prototype.process;
    const spy = vi.spyOn(ApertiumPipeline.prototype, 'process').mockImplementation(function (
      this: ApertiumPipeline,
      message: string,
    ) {
      handedOver.push(otherWorkRan);
      return process.call(this, message);
    });
    try {
      const segments = Array.from({ length: 600 }, (_, index) => `Parcel ${index} is late.`);
      const translating = engine.translate({ source: 'en', target: 'es', segments });
      setImmediate(() => (otherWorkRan = true));
      await translating;
    } finally {
      spy.mockRestore();
    }
    expect(handedOver).toHaveLength(600);
    expect(handedOver[0]).toBe(false);
    expect(handedOver[599]).toBe(true);
  });

  it('fails a request whose signal aborts, with the reason given', async () => {
    const controller = new AbortController();
    const translating = engine.translate({
      source: 'en',
      target: 'es',
      segments: ['The house is big.', 'I have a dog.'],
      signal: controller.signal,
    });
    controller.abort(new Error('client went away'));
    await expect(translating).rejects.toThrow('client went away');
  });

  it('translates Spanish sentences into English', async () => {
    const result = await engine.translate({
      source: 'es',
      target: 'en',
      segments: ['La casa es grande.', 'El gato es negro.'],
    });
    expect(result.segments).toEqual(['The house is big.', 'The cat is black.']);
  });

  it('bills the characters of the source segments', async () => {
    const result = await engine.translate({
      source: 'en',
      target: 'es',
      segments: ['Hello.', 'Bye.'],
    });
    expect(result.billedCharacters).toBe('Hello.'.length + 'Bye.'.length);
  });

  it('keeps a URL placeholder next to words', async () => {
    const [out] = await enToEs('Read the guide at <x id="1"/> today.');
    expect(out).toMatch(/^\S+ la guía en <x id="1"\/> hoy\.$/);
  });

  it('keeps several placeholders in one sentence, each exactly once', async () => {
    const [out] = await enToEs(
      'Hello <x id="1"/>, your order <x id="2"/> ships on <x id="3"/> to <x id="4"/>.',
    );
    for (const id of [1, 2, 3, 4]) expect(out!.split(`<x id="${id}"/>`)).toHaveLength(2);
  });

  it('keeps placeholders at the start and at the end of a segment', async () => {
    const [out] = await enToEs('<x id="1"/>Thank you for your patience.<x id="2"/>');
    expect(out).toMatch(/^<x id="1"\/>Gracias.*\.<x id="2"\/>$/);
  });

  it('gives back stream special characters literally', async () => {
    const [brackets, slash, caret, handle, star] = await enToEs(
      'Open the [settings] page.',
      'Choose yes/no.',
      'It costs 2^10 $ now.',
      'Write to @parley_support today.',
      'The field * is required.',
    );
    expect(brackets).toContain('[');
    expect(brackets).toContain(']');
    expect(slash).toContain('/');
    expect(caret).toContain('2^10 $');
    expect(handle).toMatch(/ @parley_\w+ /);
    expect(star).toContain('*');
  });

  it('gives back XML-escaped text in the masked format', async () => {
    const [out] = await enToEs('Use a &lt;div&gt; &amp; a span.');
    expect(out).toContain('&lt;div&gt;');
    expect(out).toContain('&amp;');
  });

  it('never leaves unknown-word marks in its output', async () => {
    const [out] = await enToEs('The zorblax flimflammed the quuxes.');
    expect(out).toContain('zorblax');
    expect(out).not.toMatch(/[*#@\uFDD0\uFDD1]/);
  });

  it('says where the words it did not know are in each translation', async () => {
    const result = await engine.translate({
      source: 'en',
      target: 'es',
      segments: ['The zorblax is big.', 'The house is big.'],
    });
    const [first] = result.segments;
    const [span] = result.unknown![0]!;
    expect(first!.slice(span!.start, span!.end)).toBe('zorblax');
    expect(result.unknown![1]).toEqual([]);
  });

  it('counts offsets in the masked segment it returns, placeholders and escapes included', async () => {
    const [out] = await enToEs('<x id="1"/> &amp; the zorblax.');
    const result = await engine.translate({
      source: 'en',
      target: 'es',
      segments: ['<x id="1"/> &amp; the zorblax.'],
    });
    const [span] = result.unknown![0]!;
    expect(out!.slice(span!.start, span!.end)).toBe('zorblax');
  });

  it('does not take a star, hash or at sign of the text for a mark', async () => {
    const result = await engine.translate({
      source: 'en',
      target: 'es',
      segments: ['The *house* is #1 at @home.'],
    });
    expect(result.segments[0]).toMatch(/\*casa\* .*#1 .*@/);
    expect(result.unknown![0]).toEqual([]);
  });

  it('ignores mark characters that come with the text', async () => {
    const result = await engine.translate({
      source: 'es',
      target: 'en',
      segments: ['El \uFDD0perro\uFDD1 es negro.'],
    });
    expect(result.segments).toEqual(['The dog is black.']);
    expect(result.unknown).toEqual([[]]);
  });

  it('normalises spacing: no double spaces, no space before punctuation', async () => {
    const outputs = await enToEs(
      'We know you are new, we are here to guide you with these links.',
      'I have discussed with our director, and he has been directed by me to make a refund.',
    );
    for (const out of outputs) {
      expect(out).not.toMatch(/ {2}| [,.!?]|^\s|\s$/);
    }
  });

  it('answers many concurrent requests each with its own translation', async () => {
    const sentences = ['The house is big.', 'I have a dog.', 'The cat is black.', 'I love you.'];
    const single = await Promise.all(sentences.map((s) => enToEs(s)));
    const requests = Array.from({ length: 40 }, (_, i) => sentences[i % sentences.length]!);
    const results = await Promise.all(requests.map((s) => enToEs(s)));
    results.forEach((result, i) => expect(result).toEqual(single[i % sentences.length]));
  });

  it('passes segments without words through unchanged', async () => {
    expect(await enToEs('<x id="1"/> 42 %')).toEqual(['<x id="1"/> 42 %']);
  });

  it('refuses a pair it has no mode for', async () => {
    const failure = engine.translate({ source: 'en', target: 'ja', segments: ['Hello.'] });
    await expect(failure).rejects.toBeInstanceOf(EngineError);
    await expect(failure).rejects.toMatchObject({ code: 'unsupported_language_pair' });
  });

  it('is healthy while its modes are installed', async () => {
    expect(await engine.healthy()).toBe(true);
  });

  it('is unhealthy without any mode', async () => {
    const empty = await createApertiumEngine({ modesDir: '/nonexistent', parleyModesDir: null });
    expect(await empty.healthy()).toBe(false);
    await empty.close();
  });
});
