// The failover chain over real provider engines talking to the msw stand-ins: failover on a
// provider's documented errors, Retry-After honoured over HTTP, usage per engine, and no key in the
// logs.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '@parley/translation-proxy/engines/factory';
import { createFailoverChain } from '@parley/translation-proxy/engines/failover-chain';
import { azureApi } from '../msw/azure.js';
import { deeplApi } from '../msw/deepl.js';
import { captureLogger } from './capture.js';

const DEEPL_KEY = '0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9';
const AZURE_KEY = '5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b';
const deepl = deeplApi(DEEPL_KEY);
const azure = azureApi(AZURE_KEY, 'northeurope');
const server = setupServer(...deepl.handlers, ...azure.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  deepl.requests.length = 0;
  azure.requests.length = 0;
});
afterAll(() => server.close());

function tenantChain() {
  const logger = captureLogger();
  const usage: [string, number][] = [];
  const engines = [
    createEngine({ kind: 'deepl', authKey: DEEPL_KEY }, { logger }),
    createEngine({ kind: 'azure', key: AZURE_KEY, region: 'northeurope' }, { logger }),
  ];
  const chain = createFailoverChain({
    engines,
    timeoutMs: 2_000,
    retry: { attempts: 2, baseMs: 20, maxMs: 1_500 },
    breaker: { failureThreshold: 3, openMs: 60_000 },
    recordUsage: (engine, chars) => usage.push([engine, chars]),
    logger,
  });
  return { chain, usage, logger };
}

const request = {
  source: 'en',
  target: 'es',
  segments: ['Hello, your order <x id="1"/> is ready.'],
};

describe('failover chain over the provider engines', () => {
  it('uses DeepL first and records its billed characters', async () => {
    const { chain, usage } = tenantChain();
    const result = await chain.translate(request);
    expect(result).toMatchObject({
      engine: 'deepl',
      segments: ['Hola, su pedido <x id="1"/> está listo.'],
    });
    expect(usage).toEqual([['deepl', request.segments[0]!.length]]);
  });

  it('fails over to Azure when DeepL’s quota is spent, without retrying DeepL', async () => {
    const { chain, usage, logger } = tenantChain();
    server.use(deepl.failures.quotaExceeded());
    const deeplCalls: string[] = [];
    const count = ({ request: sent }: { request: Request }) => {
      if (sent.url === `${deepl.host}/v2/translate`) deeplCalls.push(sent.url);
    };
    server.events.on('request:start', count);
    const result = await chain.translate(request);
    server.events.removeListener('request:start', count);
    expect(result).toMatchObject({
      engine: 'azure',
      segments: ['Hola, su pedido <x id="1"/> está listo.'],
    });
    expect(deeplCalls).toHaveLength(1);
    expect(usage.map(([engine]) => engine)).toEqual(['azure']);
    expect(logger.lines.join('\n')).toContain('engine_quota_exceeded');
    expect(logger.lines.join('\n')).not.toContain(DEEPL_KEY);
  });

  it('waits out a one-second Retry-After from DeepL and then gets DeepL’s answer', async () => {
    const { chain } = tenantChain();
    server.use(deepl.failures.tooManyRequests('1', true));
    const started = performance.now();
    const result = await chain.translate(request);
    expect(result.engine).toBe('deepl');
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(azure.requests).toHaveLength(0);
  });

  it('fails with the last relevant error and no key anywhere when both providers are down', async () => {
    const { chain, logger } = tenantChain();
    server.use(deepl.failures.serverError(), azure.failures.serverError());
    const error = await chain.translate(request).then(
      () => expect.fail('the failover chain should have failed'),
      (failure: unknown) => failure as Error & { code: string },
    );
    expect(error).toMatchObject({
      name: 'EngineError',
      code: 'engine_unavailable',
      engineId: 'azure',
    });
    for (const text of [error.message, JSON.stringify(error), ...logger.lines]) {
      expect(text).not.toContain(DEEPL_KEY);
      expect(text).not.toContain(AZURE_KEY);
    }
  });
});
