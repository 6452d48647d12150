// The Amazon engine (official SDK, real SigV4 signing) against a stand-in of Amazon Translate's
// JSON 1.1 API.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAmazonEngine } from '@parley/translation-proxy/engines/amazon';
import { AMAZON_REGION, amazonApi } from '../msw/amazon.js';
import { captureLogger, expectFailureWithoutSecret } from './capture.js';

const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const api = amazonApi(ACCESS_KEY_ID);
const server = setupServer(...api.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  api.requests.length = 0;
});
afterAll(() => server.close());

function engine(overrides: Partial<Parameters<typeof createAmazonEngine>[0]> = {}) {
  const logger = captureLogger();
  return {
    logger,
    engine: createAmazonEngine(
      {
        kind: 'amazon',
        region: AMAZON_REGION,
        accessKeyId: ACCESS_KEY_ID,
        secretAccessKey: SECRET,
        ...overrides,
      },
      { logger },
    ),
  };
}

describe('Amazon engine', () => {
  it('translates each segment through signed TranslateText calls, placeholders kept', async () => {
    const result = await engine().engine.translate({
      source: 'en',
      target: 'es',
      segments: ['Hello <x id="1"/>', 'Your order &amp; refund are ready'],
    });
    expect(result.segments).toEqual(['Hola <x id="1"/>', 'Su pedido &amp; reembolso are listo']);
    expect(api.requests.map((request) => request.Text)).toEqual([
      'Hello <x id="1"/>',
      'Your order &amp; refund are ready',
    ]);
  });

  it('reads every page of the language list and maps the codes to BCP 47', async () => {
    const pairs = await engine().engine.pairs();
    expect(pairs).toContainEqual({ source: 'en', target: 'zh-TW' });
    expect(pairs).toContainEqual({ source: 'ja', target: 'pt-PT' });
    expect(pairs.some((pair) => pair.source === 'auto')).toBe(false);
  });

  it('sets formality only where Amazon supports it', async () => {
    const amazon = engine().engine;
    await amazon.translate({
      source: 'en',
      target: 'es-MX',
      segments: ['Thanks'],
      formality: 'less',
    });
    await amazon.translate({ source: 'en', target: 'de', segments: ['Thanks'], formality: 'more' });
    await amazon.translate({
      source: 'es',
      target: 'en',
      segments: ['Gracias'],
      formality: 'more',
    });
    expect(
      api.requests.map((request) => [request.TargetLanguageCode, request.Settings?.Formality]),
    ).toEqual([
      ['es-MX', 'INFORMAL'],
      ['de', 'FORMAL'],
      ['en', undefined],
    ]);
  });

  it('passes the tenant’s custom terminology', async () => {
    await engine({ terminologyNames: ['support-terms'] }).engine.translate({
      source: 'en',
      target: 'fr',
      segments: ['Refund'],
    });
    expect(api.requests[0]!.TerminologyNames).toEqual(['support-terms']);
  });
});

describe('Amazon errors, none of them showing the credentials', () => {
  const request = { source: 'en', target: 'es', segments: ['Where is my order?'] };

  it('reports unknown credentials as engine_auth_failed', async () => {
    const { engine: amazon, logger } = engine({ accessKeyId: 'AKIAWRONGWRONGWRONG1' });
    const error = await expectFailureWithoutSecret(
      () => amazon.translate(request),
      'AKIAWRONGWRONGWRONG1',
      logger.lines,
    );
    expect(error.code).toBe('engine_auth_failed');
  });

  for (const [name, failure, code] of [
    ['throttling', 'throttled', 'engine_rate_limited'],
    ['ServiceUnavailableException', 'unavailable', 'engine_unavailable'],
  ] as const) {
    it(`reports ${name} as ${code}`, async () => {
      const { engine: amazon, logger } = engine();
      server.use(api.failures[failure]());
      expect(
        (await expectFailureWithoutSecret(() => amazon.translate(request), SECRET, logger.lines))
          .code,
      ).toBe(code);
    });
  }

  it('reports a text over 10 000 bytes as text_too_long without sending it', async () => {
    const { engine: amazon, logger } = engine();
    const error = await expectFailureWithoutSecret(
      () => amazon.translate({ ...request, segments: ['Ñandú '.repeat(1_500)] }),
      SECRET,
      logger.lines,
    );
    expect(error.code).toBe('text_too_long');
    expect(api.requests).toHaveLength(0);
  });

  it('reports an unsupported pair as unsupported_language_pair', async () => {
    const { engine: amazon, logger } = engine();
    const error = await expectFailureWithoutSecret(
      () => amazon.translate({ ...request, target: 'ko' }),
      SECRET,
      logger.lines,
    );
    expect(error.code).toBe('unsupported_language_pair');
  });

  it('reports an aborted slow call as engine_timeout', async () => {
    const { engine: amazon, logger } = engine();
    await amazon.pairs();
    server.use(api.failures.slow(2_000));
    const error = await expectFailureWithoutSecret(
      () => amazon.translate({ ...request, signal: AbortSignal.timeout(100) }),
      SECRET,
      logger.lines,
    );
    expect(error.code).toBe('engine_timeout');
  });
});
