// The DeepL engine against a stand-in that follows DeepL's documented API (tests/msw/deepl.ts).
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDeeplEngine } from '@parley/translation-proxy/engines/deepl';
import { deeplApi } from '../msw/deepl.js';
import { captureLogger, expectFailureWithoutSecret } from './capture.js';

const AUTH_KEY = 'f63c02c5-f056-4d2a-b5a5-9b1c6a0b2c3d:fx';
const api = deeplApi(AUTH_KEY);
const server = setupServer(...api.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  api.requests.length = 0;
});
afterAll(() => server.close());

function engine(overrides: Partial<Parameters<typeof createDeeplEngine>[0]> = {}) {
  const logger = captureLogger();
  return {
    logger,
    engine: createDeeplEngine({ kind: 'deepl', authKey: AUTH_KEY, ...overrides }, { logger }),
  };
}

describe('DeepL engine', () => {
  it('sends a free key to the free host and keeps placeholders and escapes through tag handling', async () => {
    const { engine: deepl } = engine();
    const result = await deepl.translate({
      source: 'en',
      target: 'es',
      segments: ['Hello <x id="1"/>, your order &lt;ORD-77812-B&gt; is <x id="2"/>ready.'],
    });
    expect(result.segments).toEqual([
      'Hola <x id="1"/>, su pedido &lt;ORD-77812-B&gt; está <x id="2"/>listo.',
    ]);
    expect(api.requests[0]).toMatchObject({
      source_lang: 'EN',
      target_lang: 'ES',
      tag_handling: 'xml',
    });
  });

  it('lists pairs with DeepL codes mapped to BCP 47', async () => {
    const pairs = await engine().engine.pairs();
    expect(pairs).toContainEqual({ source: 'en', target: 'pt-BR' });
    expect(pairs).toContainEqual({ source: 'zh', target: 'en-US' });
    expect(pairs).toContainEqual({ source: 'de', target: 'zh-Hans' });
    expect(pairs).not.toContainEqual({ source: 'en', target: 'en-GB' });
  });

  it('sends a bare target as the regional variant DeepL requires', async () => {
    await engine().engine.translate({ source: 'es', target: 'en', segments: ['Gracias'] });
    await engine().engine.translate({ source: 'en', target: 'zh-TW', segments: ['Thanks'] });
    expect(api.requests.map((request) => request.target_lang)).toEqual(['EN-US', 'ZH-HANT']);
  });

  it('maps formality to the prefer_ values and falls back to the configured default', async () => {
    await engine().engine.translate({
      source: 'en',
      target: 'de',
      segments: ['Thanks'],
      formality: 'more',
    });
    await engine().engine.translate({
      source: 'en',
      target: 'de',
      segments: ['Thanks'],
      formality: 'less',
    });
    await engine({ formalityDefault: 'less' }).engine.translate({
      source: 'en',
      target: 'de',
      segments: ['Thanks'],
    });
    await engine().engine.translate({
      source: 'en',
      target: 'de',
      segments: ['Thanks'],
      formality: 'default',
    });
    expect(api.requests.map((request) => request.formality)).toEqual([
      'prefer_more',
      'prefer_less',
      'prefer_less',
      undefined,
    ]);
  });

  it('applies the glossary configured for the pair and no other', async () => {
    const { engine: deepl } = engine({
      glossaries: [{ source: 'en', target: 'es', id: 'def3a26b-3e84-45b3-84ae-0c0aaf3525f7' }],
    });
    await deepl.translate({ source: 'en', target: 'es', segments: ['Your refund'] });
    await deepl.translate({ source: 'en', target: 'de', segments: ['Your refund'] });
    expect(api.requests.map((request) => request.glossary_id)).toEqual([
      'def3a26b-3e84-45b3-84ae-0c0aaf3525f7',
      undefined,
    ]);
  });

  it('splits more than 50 segments into batches DeepL accepts and keeps their order', async () => {
    const segments = Array.from({ length: 120 }, (_, i) => `Order ${i} is ready`);
    const result = await engine().engine.translate({ source: 'en', target: 'es', segments });
    expect(api.requests.map((request) => request.text.length)).toEqual([50, 50, 20]);
    expect(result.segments[119]).toBe('Pedido 119 está listo');
    expect(result.billedCharacters).toBe(segments.join('').length);
  });

  it('refuses a pair DeepL does not list without calling translate', async () => {
    const { engine: deepl } = engine();
    await expect(
      deepl.translate({ source: 'en', target: 'cy', segments: ['Hello'] }),
    ).rejects.toMatchObject({
      code: 'unsupported_language_pair',
    });
    expect(api.requests).toHaveLength(0);
  });
});

describe('DeepL errors, none of them showing the key', () => {
  const request = { source: 'en', target: 'es', segments: ['Where is my order?'] };

  it('reports a wrong key as engine_auth_failed', async () => {
    const logger = captureLogger();
    const wrong = createDeeplEngine(
      { kind: 'deepl', authKey: 'aaaaaaaa-0000-1111-2222-333333333333:fx' },
      { logger },
    );
    const error = await expectFailureWithoutSecret(
      () => wrong.translate(request),
      'aaaaaaaa-0000-1111-2222-333333333333',
      logger.lines,
    );
    expect(error.code).toBe('engine_auth_failed');
  });

  for (const [name, failure, expected] of [
    ['456', () => api.failures.quotaExceeded(), { code: 'engine_quota_exceeded' }],
    [
      '429',
      () => api.failures.tooManyRequests('7'),
      { code: 'engine_rate_limited', retryAfterSeconds: 7 },
    ],
    ['5xx', () => api.failures.serverError(), { code: 'engine_unavailable' }],
  ] as const) {
    it(`reports ${name} as ${expected.code}`, async () => {
      const { engine: deepl, logger } = engine();
      await deepl.pairs();
      server.use(failure());
      expect(
        await expectFailureWithoutSecret(() => deepl.translate(request), AUTH_KEY, logger.lines),
      ).toMatchObject(expected);
    });
  }

  it('reports a segment over the request size as text_too_long before sending it', async () => {
    const { engine: deepl, logger } = engine();
    const long = 'Please refund my order. '.repeat(6_000);
    const error = await expectFailureWithoutSecret(
      () => deepl.translate({ ...request, segments: [long] }),
      AUTH_KEY,
      logger.lines,
    );
    expect(error.code).toBe('text_too_long');
    expect(api.requests).toHaveLength(0);
  });

  it('reports an aborted slow call as engine_timeout', async () => {
    const { engine: deepl, logger } = engine();
    await deepl.pairs();
    server.use(api.failures.slow(2_000));
    const error = await expectFailureWithoutSecret(
      () => deepl.translate({ ...request, signal: AbortSignal.timeout(100) }),
      AUTH_KEY,
      logger.lines,
    );
    expect(error.code).toBe('engine_timeout');
  });
});
