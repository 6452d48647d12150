// The APy engine against a real Apertium APy server on this machine (no stand-in: it runs here),
// and the failover chain pivoting French → English through Spanish with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApyEngine } from '@parley/translation-proxy/engines/apy';
import { createFailoverChain } from '@parley/translation-proxy/engines/failover-chain';
import { startApy, type ApyServer } from '../support/apy-server.js';
import { captureLogger } from './capture.js';

let apy: ApyServer;
beforeAll(async () => {
  apy = await startApy(18210);
});
afterAll(async () => {
  await apy?.stop();
});

const engine = () => createApyEngine({ kind: 'apy', url: apy.url }, { logger: captureLogger() });

describe('APy engine', () => {
  it('lists the installed pairs in BCP 47', async () => {
    const pairs = await engine().pairs();
    expect(pairs).toContainEqual({ source: 'en', target: 'es' });
    expect(pairs).toContainEqual({ source: 'fr', target: 'es' });
    expect(pairs).toContainEqual({ source: 'es', target: 'pt-BR' });
  });

  it('keeps placeholders and escapes through Apertium’s HTML format', async () => {
    const result = await engine().translate({
      source: 'en',
      target: 'es',
      segments: [
        'Hello <x id="1"/>, your order &lt;ORD-77812-B&gt; &amp; the refund are <x id="2"/>ready.',
      ],
    });
    const [segment] = result.segments;
    expect(segment).toContain('<x id="1"/>');
    expect(segment).toContain('<x id="2"/>');
    expect(segment).toContain('&lt;ORD-77812-B&gt;');
    expect(segment).toContain('&amp;');
    expect(segment).toMatch(/^Hola/);
    expect(segment).not.toMatch(/\*| {2}/);
  });

  it('translates several segments in order, each as it would be alone', async () => {
    const apyEngine = engine();
    const segments = [
      'Gracias por su paciencia.',
      'Su pedido ha salido hoy.',
      'Buenos días.',
      'Hola.',
      'Adiós.',
    ];
    const together = await apyEngine.translate({ source: 'es', target: 'en', segments });
    const alone = await Promise.all(
      segments.map(
        async (segment) =>
          (await apyEngine.translate({ source: 'es', target: 'en', segments: [segment] }))
            .segments[0],
      ),
    );
    expect(together.segments).toEqual(alone);
    expect(new Set(together.segments).size).toBe(segments.length);
  });

  it('refuses a pair that is not installed', async () => {
    await expect(
      engine().translate({ source: 'en', target: 'ko', segments: ['Hello'] }),
    ).rejects.toMatchObject({
      code: 'unsupported_language_pair',
    });
  });

  it('reports a server that is not there as engine_unavailable', async () => {
    const gone = createApyEngine(
      { kind: 'apy', url: 'http://127.0.0.1:18219' },
      { logger: captureLogger() },
    );
    await expect(gone.pairs()).rejects.toMatchObject({ code: 'engine_unavailable' });
    expect(await gone.healthy()).toBe(false);
  });
});

describe('pivoting through Spanish with APy', () => {
  it('translates French to English in two hops and gives the same text as the hops done by hand', async () => {
    const apyEngine = engine();
    const chain = createFailoverChain({
      engines: [apyEngine],
      timeoutMs: 10_000,
      retry: { attempts: 1, baseMs: 50, maxMs: 500 },
      breaker: { failureThreshold: 3, openMs: 10_000 },
      recordUsage: () => {},
      logger: captureLogger(),
    });
    const segments = ['Où est ma commande ?', 'Merci <x id="1"/> pour votre patience.'];
    const routed = await chain.translate({ source: 'fr', target: 'en', segments });
    const spanish = await apyEngine.translate({ source: 'fr', target: 'es', segments });
    const english = await apyEngine.translate({
      source: 'es',
      target: 'en',
      segments: spanish.segments,
    });
    expect(routed).toMatchObject({ via: 'es', engine: 'apy', segments: english.segments });
    expect(routed.segments[1]).toContain('<x id="1"/>');
  });
});
