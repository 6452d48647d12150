// The Google engine against a stand-in that follows Cloud Translation v2's documented REST API.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGoogleEngine } from '@parley/translation-proxy/engines/google';
import { googleApi } from '../msw/google.js';
import { captureLogger, expectFailureWithoutSecret } from './capture.js';

const API_KEY = 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY';
const api = googleApi(API_KEY);
const server = setupServer(...api.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  api.requests.length = 0;
});
afterAll(() => server.close());

function engine(apiKey = API_KEY) {
  const logger = captureLogger();
  return { logger, engine: createGoogleEngine({ kind: 'google', apiKey }, { logger }) };
}

describe('Google engine', () => {
  it('sends html format and brings Google’s entities back to the masked-segment form', async () => {
    const result = await engine().engine.translate({
      source: 'en',
      target: 'es',
      segments: [`Hello <x id="1"/>, the refund &amp; your order's label are ready.`],
    });
    expect(result.segments).toEqual([
      `Hola <x id="1"/>, el reembolso &amp; su pedido's label are listo.`,
    ]);
    expect(api.requests[0]).toMatchObject({ format: 'html', source: 'en', target: 'es' });
  });

  it('maps Google’s legacy and regional codes to BCP 47 and back', async () => {
    const google = engine().engine;
    const pairs = await google.pairs();
    expect(pairs).toContainEqual({ source: 'he', target: 'en' });
    expect(pairs).toContainEqual({ source: 'en', target: 'zh-TW' });
    await google.translate({ source: 'he', target: 'zh-Hant', segments: ['שלום'] });
    expect(api.requests[0]).toMatchObject({ source: 'iw', target: 'zh-TW' });
  });

  it('splits more than 128 segments into batches Google accepts', async () => {
    const segments = Array.from({ length: 300 }, (_, i) => `Thanks ${i}`);
    const result = await engine().engine.translate({ source: 'en', target: 'de', segments });
    expect(api.requests.map((request) => request.q.length)).toEqual([128, 128, 44]);
    expect(result.segments[299]).toBe('Danke 299');
  });
});

describe('Google errors, none of them showing the key', () => {
  const request = { source: 'en', target: 'es', segments: ['Where is my order?'] };

  it('reports an invalid key as engine_auth_failed', async () => {
    const { engine: google, logger } = engine('AIzaSyWRONG-KEY-0000000000000000000000');
    const error = await expectFailureWithoutSecret(
      () => google.translate(request),
      'AIzaSyWRONG-KEY-0000000000000000000000',
      logger.lines,
    );
    expect(error.code).toBe('engine_auth_failed');
  });

  for (const [name, failure, code] of [
    ['a daily limit', 'dailyLimit', 'engine_quota_exceeded'],
    ['a per-minute limit', 'rateLimited', 'engine_rate_limited'],
    ['too long a text', 'tooLong', 'text_too_long'],
    ['a 503', 'serverError', 'engine_unavailable'],
  ] as const) {
    it(`reports ${name} as ${code}`, async () => {
      const { engine: google, logger } = engine();
      await google.pairs();
      server.use(api.failures[failure]());
      expect(
        (await expectFailureWithoutSecret(() => google.translate(request), API_KEY, logger.lines))
          .code,
      ).toBe(code);
    });
  }

  it('reports an unsupported pair as unsupported_language_pair', async () => {
    const { engine: google, logger } = engine();
    const error = await expectFailureWithoutSecret(
      () => google.translate({ ...request, target: 'kl' }),
      API_KEY,
      logger.lines,
    );
    expect(error.code).toBe('unsupported_language_pair');
  });

  it('reports an aborted slow call as engine_timeout', async () => {
    const { engine: google, logger } = engine();
    await google.pairs();
    server.use(api.failures.slow(2_000));
    const error = await expectFailureWithoutSecret(
      () => google.translate({ ...request, signal: AbortSignal.timeout(100) }),
      API_KEY,
      logger.lines,
    );
    expect(error.code).toBe('engine_timeout');
  });
});
