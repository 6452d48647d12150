// The failover chain against small in-memory engines (our own interface, so local stand-ins are
// fine): order, routes, retries, Retry-After, timeouts, breaker states, pivoting, usage and errors.
import { describe, expect, it } from 'vitest';
import {
  EngineError,
  type EngineRequest,
  type LanguagePair,
  type TranslationEngine,
} from './engine.js';
import { createFailoverChain, type Clock, type FailoverChainOptions } from './failover-chain.js';
import type { Logger } from '../logging.js';

type Behaviour = (request: EngineRequest, call: number) => Promise<string[]> | string[];

/** Tags each segment with the engine and target, so tests see who translated what. */
const tagged: Behaviour = (request) =>
  request.segments.map((segment) => `[${request.target}] ${segment}`);

interface FakeEngine extends TranslationEngine {
  calls: EngineRequest[];
}

function fakeEngine(id: string, pairs: LanguagePair[], behaviour: Behaviour = tagged): FakeEngine {
  const calls: EngineRequest[] = [];
  return {
    id,
    calls,
    pairs: async () => pairs,
    healthy: async () => true,
    close: async () => {},
    async translate(request) {
      calls.push(request);
      const segments = await behaviour(request, calls.length);
      return { segments, billedCharacters: request.segments.join('').length };
    },
  };
}

const fail =
  (code: EngineError['code'], engineId: string, retryAfterSeconds?: number): Behaviour =>
  () => {
    throw new EngineError(code, `${engineId}: ${code}`, engineId, retryAfterSeconds);
  };

const hang: Behaviour = (request) =>
  new Promise((_, reject) =>
    request.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
  );

function fakeClock(): Clock & { sleeps: number[]; advance(ms: number): void } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

const logs: string[] = [];
const logger: Logger = {
  debug: (message, details) => logs.push(`${message} ${JSON.stringify(details)}`),
  info: (message, details) => logs.push(`${message} ${JSON.stringify(details)}`),
  warn: (message, details) => logs.push(`${message} ${JSON.stringify(details)}`),
  error: (message, details) => logs.push(`${message} ${JSON.stringify(details)}`),
};

function chainOf(engines: TranslationEngine[], overrides: Partial<FailoverChainOptions> = {}) {
  const usage: [string, number][] = [];
  const clock = fakeClock();
  const instance = createFailoverChain({
    engines,
    timeoutMs: 200,
    retry: { attempts: 3, baseMs: 100, maxMs: 2_000 },
    breaker: { failureThreshold: 3, openMs: 30_000 },
    recordUsage: (engine, chars) => usage.push([engine, chars]),
    logger,
    clock,
    random: () => 0.5,
    ...overrides,
  });
  return { chain: instance, usage, clock };
}

const EN_ES = { source: 'en', target: 'es' };
const request = (segments: string[], pair = EN_ES): EngineRequest => ({ ...pair, segments });

describe('engine order and routes', () => {
  it('uses the first engine in preference order that serves the pair', async () => {
    const frOnly = fakeEngine('fr-only', [{ source: 'en', target: 'fr' }]);
    const first = fakeEngine('first', [EN_ES]);
    const second = fakeEngine('second', [EN_ES]);
    const { chain: r } = chainOf([frOnly, first, second]);
    const result = await r.translate(request(['Where is my order?']));
    expect(result).toMatchObject({ engine: 'first', segments: ['[es] Where is my order?'] });
    expect(second.calls).toHaveLength(0);
  });

  it('follows a per-pair route instead of the default order', async () => {
    const first = fakeEngine('first', [EN_ES]);
    const second = fakeEngine('second', [EN_ES]);
    const { chain: r } = chainOf([first, second], {
      routes: [{ source: 'en', target: 'es', engines: ['second'] }],
    });
    expect((await r.translate(request(['Thanks for waiting.']))).engine).toBe('second');
    expect(first.calls).toHaveLength(0);
  });

  it('serves a regional target from an engine that lists the bare language', async () => {
    const engine = fakeEngine('plain', [{ source: 'es', target: 'en' }]);
    const { chain: r } = chainOf([engine]);
    const result = await r.translate(
      request(['Su pedido ha salido.'], { source: 'es', target: 'en-GB' }),
    );
    expect(result.engine).toBe('plain');
  });
});

describe('retries and failover', () => {
  it('retries an engine answering 5xx with backoff, then fails over to the next one', async () => {
    const broken = fakeEngine('broken', [EN_ES], fail('engine_unavailable', 'broken'));
    const spare = fakeEngine('spare', [EN_ES]);
    const { chain: r, clock } = chainOf([broken, spare]);
    const result = await r.translate(request(['My parcel never arrived.']));
    expect(result.engine).toBe('spare');
    expect(broken.calls).toHaveLength(3);
    // base 100 ms doubling, half of it jittered: 75 ms then 150 ms with random() = 0.5.
    expect(clock.sleeps).toEqual([75, 150]);
  });

  it('fails over on an auth failure without retrying the engine', async () => {
    const locked = fakeEngine('locked', [EN_ES], fail('engine_auth_failed', 'locked'));
    const spare = fakeEngine('spare', [EN_ES]);
    const { chain: r, clock } = chainOf([locked, spare]);
    expect((await r.translate(request(['Reset my password']))).engine).toBe('spare');
    expect(locked.calls).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('fails over on an exhausted quota without retrying the engine', async () => {
    const spent = fakeEngine('spent', [EN_ES], fail('engine_quota_exceeded', 'spent'));
    const spare = fakeEngine('spare', [EN_ES]);
    const { chain: r } = chainOf([spent, spare]);
    expect((await r.translate(request(['Invoice attached']))).engine).toBe('spare');
    expect(spent.calls).toHaveLength(1);
  });

  it('waits out a short Retry-After and retries the same engine', async () => {
    const busy = fakeEngine('busy', [EN_ES], (req, call) =>
      call === 1 ? fail('engine_rate_limited', 'busy', 1)(req, call) : tagged(req, call),
    );
    const spare = fakeEngine('spare', [EN_ES]);
    const { chain: r, clock } = chainOf([busy, spare], { deadlineMs: 5_000 });
    expect((await r.translate(request(['Can I change the address?']))).engine).toBe('busy');
    expect(clock.sleeps).toEqual([1000]);
    expect(spare.calls).toHaveLength(0);
  });

  it('fails over at once when Retry-After is longer than the longest wait', async () => {
    const busy = fakeEngine('busy', [EN_ES], fail('engine_rate_limited', 'busy', 120));
    const spare = fakeEngine('spare', [EN_ES]);
    const { chain: r, clock } = chainOf([busy, spare]);
    expect((await r.translate(request(['Is the store open on Sunday?']))).engine).toBe('spare');
    expect(busy.calls).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('times out an engine that hangs and fails over within the timeout', async () => {
    const stuck = fakeEngine('stuck', [EN_ES], hang);
    const spare = fakeEngine('spare', [EN_ES]);
    const { chain: r } = chainOf([stuck, spare], {
      timeoutMs: 50,
      retry: { attempts: 1, baseMs: 10, maxMs: 100 },
    });
    const result = await r.translate(request(['Hello']));
    expect(result.engine).toBe('spare');
    expect(stuck.calls[0]!.signal?.aborted).toBe(true);
  });

  it('fails over instead of waiting out a Retry-After that would pass the deadline', async () => {
    const busy = fakeEngine('busy', [EN_ES], fail('engine_rate_limited', 'busy', 1));
    const spare = fakeEngine('spare', [EN_ES]);
    const { chain: r, clock } = chainOf([busy, spare], { deadlineMs: 900 });
    expect((await r.translate(request(['Can I change the address?']))).engine).toBe('spare');
    expect(clock.sleeps).toEqual([]);
  });

  it('gives up at the overall deadline however many engines are left', async () => {
    const engines = ['a', 'b', 'c', 'd'].map((id) => fakeEngine(id, [EN_ES], hang));
    const { chain: r } = chainOf(engines, {
      clock: undefined,
      timeoutMs: 100,
      deadlineMs: 250,
      retry: { attempts: 1, baseMs: 10, maxMs: 100 },
    });
    await expect(r.translate(request(['Hello']))).rejects.toMatchObject({ code: 'engine_timeout' });
    // Three 100 ms turns fill the 250 ms deadline; a fourth engine would mean it was ignored.
    expect(engines[3]!.calls).toHaveLength(0);
  });

  it('starts no further engine when less time is left than any engine needs', async () => {
    const clockRef: { advance?: (ms: number) => void } = {};
    const late = fakeEngine('late', [EN_ES], () => {
      clockRef.advance!(899);
      throw new EngineError('engine_unavailable', 'late: 503', 'late');
    });
    const spare = fakeEngine('spare', [EN_ES]);
    const { chain: r, clock } = chainOf([late, spare], {
      deadlineMs: 900,
      retry: { attempts: 1, baseMs: 10, maxMs: 100 },
    });
    clockRef.advance = clock.advance;
    await expect(r.translate(request(['Hello']))).rejects.toMatchObject({
      code: 'engine_unavailable',
    });
    expect(spare.calls).toHaveLength(0);
  });

  it('stops when the caller cancels', async () => {
    const stuck = fakeEngine('stuck', [EN_ES], hang);
    const spare = fakeEngine('spare', [EN_ES]);
    const { chain: r } = chainOf([stuck, spare], { timeoutMs: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(
      r.translate({ ...request(['Hello']), signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'engine_timeout',
    });
    expect(spare.calls).toHaveLength(0);
  });

  it('reports the most relevant error when every engine failed', async () => {
    const wrongPair = fakeEngine('wrong', [EN_ES], fail('unsupported_language_pair', 'wrong'));
    const spent = fakeEngine('spent', [EN_ES], fail('engine_quota_exceeded', 'spent'));
    const { chain: r } = chainOf([spent, wrongPair]);
    await expect(r.translate(request(['Hello']))).rejects.toMatchObject({
      code: 'engine_quota_exceeded',
      engineId: 'spent',
    });
  });

  it('answers unsupported_language_pair when nothing serves the pair, even through a bridge', async () => {
    const engine = fakeEngine('only', [EN_ES]);
    const { chain: r } = chainOf([engine]);
    await expect(
      r.translate(request(['こんにちは'], { source: 'ja', target: 'ko' })),
    ).rejects.toMatchObject({
      code: 'unsupported_language_pair',
    });
  });
});

describe('circuit breaker', () => {
  it('opens after repeated failures, half-opens after the delay and closes on a good probe', async () => {
    let healthy = false;
    const flaky = fakeEngine('flaky', [EN_ES], (req, call) =>
      healthy ? tagged(req, call) : fail('engine_unavailable', 'flaky')(req, call),
    );
    const spare = fakeEngine('spare', [EN_ES]);
    const { chain: r, clock } = chainOf([flaky, spare], {
      retry: { attempts: 1, baseMs: 10, maxMs: 100 },
    });
    const breakerOf = async () =>
      (await r.health()).find((engine) => engine.id === 'flaky')!.breaker;

    for (let i = 0; i < 3; i++) await r.translate(request([`Request ${i}`]));
    expect(await breakerOf()).toBe('open');

    await r.translate(request(['While open']));
    expect(flaky.calls).toHaveLength(3);

    clock.advance(30_000);
    expect(await breakerOf()).toBe('half_open');
    healthy = true;
    expect((await r.translate(request(['Probe']))).engine).toBe('flaky');
    expect(await breakerOf()).toBe('closed');
  });

  it('opens again when the half-open probe fails', async () => {
    const down = fakeEngine('down', [EN_ES], fail('engine_unavailable', 'down'));
    const spare = fakeEngine('spare', [EN_ES]);
    const { chain: r, clock } = chainOf([down, spare], {
      retry: { attempts: 1, baseMs: 10, maxMs: 100 },
    });
    for (let i = 0; i < 3; i++) await r.translate(request([`Request ${i}`]));
    clock.advance(30_000);
    await r.translate(request(['Probe']));
    expect(down.calls).toHaveLength(4);
    expect((await r.health()).find((engine) => engine.id === 'down')).toMatchObject({
      breaker: 'open',
      healthy: false,
    });
  });

  it('lets the next request probe again when the caller cancelled a half-open probe', async () => {
    let mode: 'fail' | 'hang' | 'ok' = 'fail';
    const flaky = fakeEngine('flaky', [EN_ES], (req, call) =>
      mode === 'fail'
        ? fail('engine_unavailable', 'flaky')(req, call)
        : mode === 'hang'
          ? hang(req, call)
          : tagged(req, call),
    );
    const { chain: r, clock } = chainOf([flaky], {
      timeoutMs: 5_000,
      retry: { attempts: 1, baseMs: 10, maxMs: 100 },
    });
    for (let i = 0; i < 3; i++) await r.translate(request([`Request ${i}`])).catch(() => undefined);
    clock.advance(30_000);
    mode = 'hang';
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await expect(
      r.translate({ ...request(['Probe']), signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'engine_timeout',
    });
    mode = 'ok';
    expect((await r.translate(request(['Second probe']))).engine).toBe('flaky');
  });

  it('does not count an unsupported pair against the engine', async () => {
    const picky = fakeEngine('picky', [EN_ES], fail('unsupported_language_pair', 'picky'));
    const spare = fakeEngine('spare', [EN_ES]);
    const { chain: r } = chainOf([picky, spare]);
    for (let i = 0; i < 5; i++) await r.translate(request([`Request ${i}`]));
    expect((await r.health()).find((engine) => engine.id === 'picky')!.breaker).toBe('closed');
  });
});

describe('pivoting', () => {
  it('goes through Spanish in two hops with different engines and says so', async () => {
    const frEs = fakeEngine('apertium', [{ source: 'fr', target: 'es' }]);
    const esEn = fakeEngine('deepl', [{ source: 'es', target: 'en' }]);
    const { chain: r, usage } = chainOf([frEs, esEn]);
    const result = await r.translate({
      source: 'fr',
      target: 'en',
      segments: ['Où est ma commande ?'],
      formality: 'more',
    });
    expect(result).toMatchObject({
      via: 'es',
      engine: 'apertium+deepl',
      segments: ['[en] [es] Où est ma commande ?'],
    });
    expect(frEs.calls[0]!.formality).toBeUndefined();
    expect(esEn.calls[0]).toMatchObject({ source: 'es', formality: 'more' });
    expect(usage.map(([engine]) => engine)).toEqual(['apertium', 'deepl']);
  });

  it('tells the second leg the language the text was written in, and the first leg nothing', async () => {
    const itEs = fakeEngine('it-es', [{ source: 'it', target: 'es' }]);
    const esEn = fakeEngine('es-en', [{ source: 'es', target: 'en' }]);
    const { chain: r } = chainOf([itEs, esEn]);
    await r.translate({ source: 'it', target: 'en', segments: ['Ha detto di sì.'] });
    expect(itEs.calls[0]!.bridgedFrom).toBeUndefined();
    expect(esEn.calls[0]).toMatchObject({ source: 'es', bridgedFrom: 'it' });
  });

  it("reports the unknown words of the second leg's translation", async () => {
    const frEs = fakeEngine('fr-es', [{ source: 'fr', target: 'es' }]);
    const esEn = fakeEngine('es-en', [{ source: 'es', target: 'en' }]);
    const unknown = [[{ start: 10, end: 14 }]];
    const marking: FakeEngine = {
      ...esEn,
      translate: async (request) => ({ ...(await esEn.translate(request)), unknown }),
    };
    const { chain: r } = chainOf([frEs, marking]);
    const result = await r.translate({ source: 'fr', target: 'en', segments: ['Zorg est là'] });
    expect(result.segments).toEqual(['[en] [es] Zorg est là']);
    expect(result.unknown).toEqual(unknown);
  });

  it('prefers Spanish over English as the bridge', async () => {
    const engine = fakeEngine('both', [
      { source: 'ca', target: 'es' },
      { source: 'es', target: 'pt' },
      { source: 'ca', target: 'en' },
      { source: 'en', target: 'pt' },
    ]);
    const { chain: r } = chainOf([engine]);
    const result = await r.translate({ source: 'ca', target: 'pt', segments: ['Bon dia'] });
    expect(result).toMatchObject({ via: 'es', engine: 'both' });
  });

  it('lists direct pairs with their engines and pivot pairs with their bridge', async () => {
    const frEs = fakeEngine('apertium', [{ source: 'fr', target: 'es' }, EN_ES]);
    const esEn = fakeEngine('deepl', [{ source: 'es', target: 'en' }, EN_ES]);
    const { chain: r } = chainOf([frEs, esEn]);
    const pairs = await r.pairs();
    expect(pairs).toContainEqual({ source: 'en', target: 'es', engines: ['apertium', 'deepl'] });
    expect(pairs).toContainEqual({
      source: 'fr',
      target: 'en',
      engines: ['apertium', 'deepl'],
      via: 'es',
    });
    expect(pairs.some((pair) => pair.source === 'es' && pair.target === 'es')).toBe(false);
  });
});

describe('pair lists', () => {
  it('asks a shared engine for its pairs once for all the tenantEngines over it', async () => {
    const engine = fakeEngine('shared', [EN_ES]);
    let asked = 0;
    const pairs = engine.pairs;
    engine.pairs = () => {
      asked += 1;
      return pairs();
    };
    const tenants = [chainOf([engine]).chain, chainOf([engine]).chain, chainOf([engine]).chain];
    for (const tenant of tenants) await tenant.translate(request(['Hello']));
    expect(asked).toBe(1);
  });

  it('keeps serving with the pairs it had when an engine cannot list them', async () => {
    const engine = fakeEngine('flaky-list', [EN_ES]);
    const { chain: r, clock } = chainOf([engine], { pairsRefreshMs: 1_000 });
    await r.translate(request(['Hello']));
    engine.pairs = async () => {
      throw new EngineError('engine_unavailable', 'flaky-list: down', 'flaky-list');
    };
    clock.advance(5_000);
    expect((await r.translate(request(['Hello again']))).engine).toBe('flaky-list');
  });

  it('asks an engine whose list holds for hours again only after those hours', async () => {
    let asked = 0;
    const engine = { ...fakeEngine('provider', [EN_ES]), pairsRefreshMs: 6 * 3_600_000 };
    engine.pairs = async () => {
      asked += 1;
      return [EN_ES];
    };
    const { chain: r, clock } = chainOf([engine], { pairsRefreshMs: 1_000 });
    await r.translate(request(['Hello']));
    clock.advance(5_000);
    await r.translate(request(['Hello again']));
    expect(asked).toBe(1);
    clock.advance(6 * 3_600_000);
    await r.translate(request(['Hello once more']));
    expect(asked).toBe(2);
  });
});

describe('usage and health', () => {
  it('records the billed characters of every successful engine call', async () => {
    const engine = fakeEngine('one', [EN_ES]);
    const { chain: r, usage } = chainOf([engine]);
    await r.translate(request(['Hello', 'Thank you']));
    expect(usage).toEqual([['one', 'HelloThank you'.length]]);
  });

  it('reports each engine with its pair count, health and breaker state', async () => {
    const engine = fakeEngine('one', [EN_ES, { source: 'es', target: 'en' }]);
    const { chain: r } = chainOf([engine]);
    expect(await r.health()).toEqual([{ id: 'one', pairs: 2, healthy: true, breaker: 'closed' }]);
  });
});
