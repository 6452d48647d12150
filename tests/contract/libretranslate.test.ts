// The LibreTranslate engine against a stand-in that follows LibreTranslate's documented API.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLibreTranslateEngine } from '@parley/translation-proxy/engines/libretranslate';
import { LIBRE, libreTranslateApi } from '../msw/libretranslate.js';
import { captureLogger, expectFailureWithoutSecret } from './capture.js';

const API_KEY = 'lt-2c7b9f0e-5a1d-4e3b-8f6a-0d9c8b7a6e5f';
const api = libreTranslateApi({ apiKey: API_KEY, charLimit: 200, batchLimit: 3 });
const server = setupServer(...api.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  api.requests.length = 0;
});
afterAll(() => server.close());

function engine(apiKey = API_KEY) {
  const logger = captureLogger();
  return {
    logger,
    engine: createLibreTranslateEngine(
      { kind: 'libretranslate', url: LIBRE, apiKey, charLimit: 200, batchLimit: 3 },
      { logger },
    ),
  };
}

describe('LibreTranslate engine', () => {
  it('sends html format with the api key and keeps placeholders', async () => {
    const result = await engine().engine.translate({
      source: 'en',
      target: 'es',
      segments: ['Hello <x id="1"/>, your order is ready'],
    });
    expect(result.segments).toEqual(['Hola <x id="1"/>, su pedido está listo']);
    expect(api.requests[0]).toMatchObject({
      format: 'html',
      api_key: API_KEY,
      source: 'en',
      target: 'es',
    });
  });

  it('lists only the targets each source has, with LibreTranslate’s short codes mapped', async () => {
    const pairs = await engine().engine.pairs();
    expect(pairs).toContainEqual({ source: 'en', target: 'pt-BR' });
    expect(pairs).toContainEqual({ source: 'en', target: 'zh-Hant' });
    expect(pairs).toContainEqual({ source: 'es', target: 'en' });
    expect(pairs).not.toContainEqual({ source: 'es', target: 'de' });
  });

  it('splits to the server’s batch and character limits', async () => {
    const segments = ['Thanks', 'Hello', 'Your order', 'is ready', 'x'.repeat(150), 'y'.repeat(60)];
    const result = await engine().engine.translate({ source: 'en', target: 'de', segments });
    expect(api.requests.map((request) => request.q.length)).toEqual([3, 2, 1]);
    expect(result.segments.slice(0, 2)).toEqual(['Danke', 'Hallo']);
  });
});

describe('LibreTranslate limits from the server', () => {
  it('reads the character limit from /frontend/settings when the configuration leaves it out', async () => {
    const libre = createLibreTranslateEngine(
      { kind: 'libretranslate', url: LIBRE, apiKey: API_KEY },
      { logger: captureLogger() },
    );
    const segments = ['x'.repeat(120), 'y'.repeat(120)];
    await libre.translate({ source: 'en', target: 'de', segments });
    expect(api.requests.map((request) => request.q.length)).toEqual([1, 1]);
    expect(libre.limits.maxChars).toBe(200);
  });
});

describe('LibreTranslate errors, none of them showing the key', () => {
  const request = { source: 'en', target: 'es', segments: ['Where is my order?'] };

  it('reports a wrong key as engine_auth_failed', async () => {
    const { engine: libre, logger } = engine('lt-wrong-key-0000');
    const error = await expectFailureWithoutSecret(
      () => libre.translate(request),
      'lt-wrong-key-0000',
      logger.lines,
    );
    expect(error.code).toBe('engine_auth_failed');
  });

  it('reports a missing key as engine_auth_failed', async () => {
    const logger = captureLogger();
    const keyless = createLibreTranslateEngine({ kind: 'libretranslate', url: LIBRE }, { logger });
    const error = await expectFailureWithoutSecret(
      () => keyless.translate(request),
      API_KEY,
      logger.lines,
    );
    expect(error.code).toBe('engine_auth_failed');
  });

  for (const [name, failure, code] of [
    ['a slowdown', 'slowDown', 'engine_rate_limited'],
    ['a crash', 'serverError', 'engine_unavailable'],
  ] as const) {
    it(`reports ${name} as ${code}`, async () => {
      const { engine: libre, logger } = engine();
      server.use(api.failures[failure]());
      expect(
        (await expectFailureWithoutSecret(() => libre.translate(request), API_KEY, logger.lines))
          .code,
      ).toBe(code);
    });
  }

  it('reports a segment over the character limit as text_too_long', async () => {
    const { engine: libre, logger } = engine();
    const error = await expectFailureWithoutSecret(
      () => libre.translate({ ...request, segments: ['z'.repeat(201)] }),
      API_KEY,
      logger.lines,
    );
    expect(error.code).toBe('text_too_long');
  });

  it('reports an aborted slow call as engine_timeout', async () => {
    const { engine: libre, logger } = engine();
    await libre.pairs();
    server.use(api.failures.slow(2_000));
    const error = await expectFailureWithoutSecret(
      () => libre.translate({ ...request, signal: AbortSignal.timeout(100) }),
      API_KEY,
      logger.lines,
    );
    expect(error.code).toBe('engine_timeout');
  });
});
