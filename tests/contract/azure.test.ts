// The Azure engine against a stand-in that follows Translator v3's documented API.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAzureEngine } from '@parley/translation-proxy/engines/azure';
import { azureApi } from '../msw/azure.js';
import { captureLogger, expectFailureWithoutSecret } from './capture.js';

const KEY = '8c1f4d3b2a6e4f5c9d7b0a1e2f3c4d5e';
const api = azureApi(KEY, 'westeurope');
const server = setupServer(...api.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  api.requests.length = 0;
});
afterAll(() => server.close());

function engine(key = KEY) {
  const logger = captureLogger();
  return {
    logger,
    engine: createAzureEngine({ kind: 'azure', key, region: 'westeurope' }, { logger }),
  };
}

describe('Azure engine', () => {
  it('sends textType=html with the region header and keeps placeholders', async () => {
    const result = await engine().engine.translate({
      source: 'en',
      target: 'es',
      segments: ['Your order <x id="1"/> is ready', 'Thanks &amp; <x id="2"/>hello'],
    });
    expect(result.segments).toEqual([
      'Su pedido <x id="1"/> está listo',
      'Gracias &amp; <x id="2"/>hola',
    ]);
    expect(api.requests[0]).toMatchObject({
      from: 'en',
      to: 'es',
      textType: 'html',
      region: 'westeurope',
    });
  });

  it('maps Azure’s codes to BCP 47 and picks the right variant for a request', async () => {
    const azure = engine().engine;
    const pairs = await azure.pairs();
    expect(pairs).toContainEqual({ source: 'en', target: 'pt-PT' });
    expect(pairs).toContainEqual({ source: 'en', target: 'zh-Hans' });
    await azure.translate({ source: 'en', target: 'zh-CN', segments: ['Thanks'] });
    await azure.translate({ source: 'en', target: 'pt-PT', segments: ['Thanks'] });
    await azure.translate({ source: 'en', target: 'fr-CA', segments: ['Thanks'] });
    expect(api.requests.map((request) => request.to)).toEqual(['zh-Hans', 'pt-pt', 'fr-ca']);
  });

  it('splits requests over 50 000 characters into calls that fit', async () => {
    const segment = 'Hello, your order is ready. '.repeat(400);
    const result = await engine().engine.translate({
      source: 'en',
      target: 'de',
      segments: Array(9).fill(segment),
    });
    expect(api.requests.map((request) => request.texts.length)).toEqual([4, 4, 1]);
    expect(result.segments).toHaveLength(9);
  });
});

describe('Azure errors, none of them showing the key', () => {
  const request = { source: 'en', target: 'es', segments: ['Where is my order?'] };

  it('reports 401000 as engine_auth_failed', async () => {
    const { engine: azure, logger } = engine('00000000000000000000000000000000');
    const error = await expectFailureWithoutSecret(
      () => azure.translate(request),
      '00000000000000000000000000000000',
      logger.lines,
    );
    expect(error.code).toBe('engine_auth_failed');
  });

  for (const [name, failure, expected] of [
    ['403001', () => api.failures.freeQuota(), { code: 'engine_quota_exceeded' }],
    [
      '429001',
      () => api.failures.rateLimited('12'),
      { code: 'engine_rate_limited', retryAfterSeconds: 12 },
    ],
    ['503000', () => api.failures.serverError(), { code: 'engine_unavailable' }],
  ] as const) {
    it(`reports ${name} as ${expected.code}`, async () => {
      const { engine: azure, logger } = engine();
      server.use(failure());
      expect(
        await expectFailureWithoutSecret(() => azure.translate(request), KEY, logger.lines),
      ).toMatchObject(expected);
    });
  }

  it('reports a single element over 50 000 characters as text_too_long', async () => {
    const { engine: azure, logger } = engine();
    const error = await expectFailureWithoutSecret(
      () => azure.translate({ ...request, segments: ['a'.repeat(50_001)] }),
      KEY,
      logger.lines,
    );
    expect(error.code).toBe('text_too_long');
  });

  it('reports an aborted slow call as engine_timeout', async () => {
    const { engine: azure, logger } = engine();
    await azure.pairs();
    server.use(api.failures.slow(2_000));
    const error = await expectFailureWithoutSecret(
      () => azure.translate({ ...request, signal: AbortSignal.timeout(100) }),
      KEY,
      logger.lines,
    );
    expect(error.code).toBe('engine_timeout');
  });
});
