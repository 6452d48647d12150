// The Google engine in its Advanced (v3) edition: a service account's OAuth2 tokens, glossaries
// the tenant created in its Google project, against stand-ins that follow Google's documented
// token endpoint and Cloud Translation v3 REST API (tests/msw/google-v3.ts).
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createGoogleEngine,
  type GoogleAdvancedConfig,
} from '@parley/translation-proxy/engines/google';
import { googleV3Api } from '../msw/google-v3.js';
import { serviceAccountKeyFile } from '../support/google-service-account.js';
import { captureLogger, expectFailureWithoutSecret } from './capture.js';

const PROJECT = 'acme-support-prod';
const LOCATION = 'us-central1';
const GLOSSARY = `projects/${PROJECT}/locations/${LOCATION}/glossaries/acme-en-es`;

const account = serviceAccountKeyFile(PROJECT);
const key = account.keyFile;
// A line of the private key's body: what a leaked key would show in a message or a log line.
const KEY_BODY_LINE = key.private_key.split('\n')[1]!;

const api = googleV3Api(
  { projectId: PROJECT, clientEmail: key.client_email, publicKey: account.publicKey },
  {
    glossaries: [
      {
        name: GLOSSARY,
        source: 'en',
        target: 'es',
        terms: { refund: 'abono' },
      },
    ],
  },
);
const server = setupServer(...api.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  api.requests.length = 0;
  api.tokenRequests.length = 0;
});
afterAll(() => server.close());

function engine(overrides: Partial<GoogleAdvancedConfig> = {}) {
  const logger = captureLogger();
  const config: GoogleAdvancedConfig = {
    kind: 'google',
    projectId: PROJECT,
    location: LOCATION,
    serviceAccountKey: key,
    glossaries: [{ source: 'en', target: 'es', id: 'acme-en-es' }],
    ...overrides,
  };
  return { logger, engine: createGoogleEngine(config, { logger }) };
}

describe('Google v3 engine', () => {
  it('fetches one access token with a signed JWT-bearer grant and reuses it until it nears expiry', async () => {
    const { engine: google } = engine();
    await google.pairs();
    await google.translate({ source: 'en', target: 'de', segments: ['Thanks'] });
    await google.translate({ source: 'es', target: 'en', segments: ['Gracias'] });
    expect(api.tokenRequests).toHaveLength(1);
    expect(api.tokenRequests[0]).toMatchObject({
      iss: key.client_email,
      aud: 'https://oauth2.googleapis.com/token',
      scope: 'https://www.googleapis.com/auth/cloud-translation',
    });
  });

  it('asks for a new token when the one it holds is about to expire', async () => {
    const shortLived = googleV3Api(
      { projectId: PROJECT, clientEmail: key.client_email, publicKey: account.publicKey },
      { tokenLifetimeSeconds: 60 },
    );
    server.use(...shortLived.handlers);
    const { engine: google } = engine();
    await google.pairs();
    await google.translate({ source: 'en', target: 'de', segments: ['Thanks'] });
    await google.translate({ source: 'en', target: 'de', segments: ['Thanks'] });
    // Tokens are replaced five minutes before they expire, so a 60-second one serves one call.
    expect(shortLived.tokenRequests).toHaveLength(3);
  });

  it('replaces a token Google revoked before its expiry and tries the call again once', async () => {
    const { engine: google } = engine();
    await google.translate({ source: 'en', target: 'de', segments: ['Thanks'] });
    api.revokeTokens();
    const result = await google.translate({ source: 'en', target: 'de', segments: ['Thanks'] });
    expect(result.segments).toEqual(['Danke']);
    expect(api.tokenRequests).toHaveLength(2);
  });

  it('applies the glossary configured for the pair and answers with its translations', async () => {
    const result = await engine().engine.translate({
      source: 'en',
      target: 'es',
      segments: ['Your refund is ready.'],
    });
    expect(api.requests[0]?.glossaryConfig).toEqual({ glossary: GLOSSARY, ignoreCase: false });
    expect(result.segments).toEqual(['Su abono está listo.']);
  });

  it('sends no glossary for a pair that has none', async () => {
    const result = await engine().engine.translate({
      source: 'en',
      target: 'de',
      segments: ['Your refund is ready.'],
    });
    expect(api.requests[0]).not.toHaveProperty('glossaryConfig');
    expect(result.segments).toEqual(['Ihre refund ist bereit.']);
  });

  it('passes the glossary’s ignoreCase to Google', async () => {
    const result = await engine({
      glossaries: [{ source: 'en', target: 'es', id: 'acme-en-es', ignoreCase: true }],
    }).engine.translate({ source: 'en', target: 'es', segments: ['REFUND ready'] });
    expect(api.requests[0]?.glossaryConfig?.ignoreCase).toBe(true);
    expect(result.segments).toEqual(['abono listo']);
  });

  it('sends text/html and keeps placeholders and escapes, bringing Google’s entities back', async () => {
    const result = await engine().engine.translate({
      source: 'en',
      target: 'es',
      segments: [
        `Hello <x id="1"/>, your order &lt;ORD-77812-B&gt; is <x id="2"/>ready. It's "here".`,
      ],
    });
    expect(api.requests[0]).toMatchObject({
      mimeType: 'text/html',
      sourceLanguageCode: 'en',
      targetLanguageCode: 'es',
    });
    expect(result.segments).toEqual([
      `Hola <x id="1"/>, su pedido &lt;ORD-77812-B&gt; está <x id="2"/>listo. It's "here".`,
    ]);
  });

  it('lists pairs from supportedLanguages with Google’s codes mapped to BCP 47', async () => {
    const google = engine().engine;
    const pairs = await google.pairs();
    expect(pairs).toContainEqual({ source: 'he', target: 'zh-TW' });
    await google.translate({ source: 'ja', target: 'zh-Hant', segments: ['ありがとう'] });
    expect(api.requests[0]).toMatchObject({
      sourceLanguageCode: 'ja',
      targetLanguageCode: 'zh-TW',
    });
  });

  it('splits more than 1024 strings, and more than 30,000 characters, into calls Google accepts', async () => {
    const google = engine().engine;
    const many = Array.from({ length: 1100 }, (_, i) => `Thanks ${i}`);
    const result = await google.translate({ source: 'en', target: 'de', segments: many });
    const long = Array.from({ length: 4 }, () => 'Your order is ready. '.repeat(500));
    await google.translate({ source: 'en', target: 'de', segments: long });
    expect(api.requests.map((request) => request.contents.length)).toEqual([1024, 76, 2, 2]);
    expect(result.segments[1099]).toBe('Danke 1099');
    expect(result.billedCharacters).toBe(many.join('').length);
  });

  it('declares glossary support only when glossaries are configured', () => {
    expect(engine().engine.capabilities.glossary).toBe(true);
    expect(engine({ glossaries: [] }).engine.capabilities.glossary).toBe(false);
    expect(
      createGoogleEngine({ kind: 'google', apiKey: 'AIzaSyExample' }, { logger: captureLogger() })
        .capabilities.glossary,
    ).toBe(false);
  });
});

describe('Google v3 errors, none of them showing the key or the token', () => {
  const request = { source: 'en', target: 'es', segments: ['Where is my order?'] };

  it('reports a key Google does not know as engine_auth_failed', async () => {
    const stranger = serviceAccountKeyFile(PROJECT).keyFile;
    const { engine: google, logger } = engine({
      serviceAccountKey: { ...key, private_key: stranger.private_key },
    });
    const error = await expectFailureWithoutSecret(
      () => google.translate(request),
      stranger.private_key.split('\n')[1]!,
      logger.lines,
    );
    expect(error.code).toBe('engine_auth_failed');
    expect(error.message).toContain('invalid_grant');
  });

  it('reports Google’s token endpoint being down as engine_unavailable', async () => {
    server.use(api.failures.tokenEndpointDown());
    const { engine: google, logger } = engine();
    const error = await expectFailureWithoutSecret(
      () => google.translate(request),
      KEY_BODY_LINE,
      logger.lines,
    );
    expect(error.code).toBe('engine_unavailable');
  });

  it('reports a 401 that a fresh token does not cure as engine_auth_failed, after one retry', async () => {
    const { engine: google, logger } = engine();
    await google.pairs();
    server.use(api.failures.unauthenticated());
    const error = await expectFailureWithoutSecret(
      () => google.translate(request),
      KEY_BODY_LINE,
      logger.lines,
    );
    expect(error.code).toBe('engine_auth_failed');
    expect(api.tokenRequests).toHaveLength(2);
  });

  it('reports a project the account may not use as engine_auth_failed', async () => {
    const { engine: google, logger } = engine({ projectId: 'someone-elses-project' });
    const error = await expectFailureWithoutSecret(
      () => google.translate(request),
      KEY_BODY_LINE,
      logger.lines,
    );
    expect(error.code).toBe('engine_auth_failed');
  });

  it('reports 429 as engine_rate_limited with Google’s Retry-After', async () => {
    const { engine: google, logger } = engine();
    await google.pairs();
    server.use(api.failures.rateLimited('7'));
    const error = await expectFailureWithoutSecret(
      () => google.translate(request),
      KEY_BODY_LINE,
      logger.lines,
    );
    expect(error).toMatchObject({ code: 'engine_rate_limited', retryAfterSeconds: 7 });
  });

  for (const [name, failure, code] of [
    ['a disabled API', 'serviceDisabled', 'engine_auth_failed'],
    ['a 503', 'serverError', 'engine_unavailable'],
  ] as const) {
    it(`reports ${name} as ${code}`, async () => {
      const { engine: google, logger } = engine();
      await google.pairs();
      server.use(api.failures[failure]());
      const error = await expectFailureWithoutSecret(
        () => google.translate(request),
        KEY_BODY_LINE,
        logger.lines,
      );
      expect(error.code).toBe(code);
    });
  }

  it('reports a pair Google does not serve as unsupported_language_pair without calling it', async () => {
    const { engine: google, logger } = engine();
    const error = await expectFailureWithoutSecret(
      () => google.translate({ ...request, target: 'kl' }),
      KEY_BODY_LINE,
      logger.lines,
    );
    expect(error.code).toBe('unsupported_language_pair');
    expect(api.requests).toHaveLength(0);
  });

  it('reports a glossary missing from the project as engine_error, not as an unserved pair', async () => {
    const { engine: google, logger } = engine({
      glossaries: [{ source: 'en', target: 'es', id: 'deleted-glossary' }],
    });
    const error = await expectFailureWithoutSecret(
      () => google.translate(request),
      KEY_BODY_LINE,
      logger.lines,
    );
    expect(error).toMatchObject({ code: 'engine_error' });
    expect(error.message).toContain('Glossary not found');
  });

  it('keeps the access token out of errors', async () => {
    const { engine: google, logger } = engine();
    await google.pairs();
    server.use(api.failures.serverError());
    const error = await expectFailureWithoutSecret(
      () => google.translate(request),
      'ya29.',
      logger.lines,
    );
    expect(error.code).toBe('engine_unavailable');
  });

  it('reports an aborted slow call as engine_timeout', async () => {
    const { engine: google, logger } = engine();
    await google.pairs();
    server.use(api.failures.slow(2_000));
    const error = await expectFailureWithoutSecret(
      () => google.translate({ ...request, signal: AbortSignal.timeout(100) }),
      KEY_BODY_LINE,
      logger.lines,
    );
    expect(error.code).toBe('engine_timeout');
  });
});
