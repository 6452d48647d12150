// GET /healthz, GET /v1/languages, GET /metrics and the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proxy } from '../compose.js';
import { authorized, startTestProxy } from '../../../tests/support/proxy.js';

let proxy: Proxy;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(() => proxy.close());

describe('service endpoints', () => {
  it('reports the embedded engine healthy with its pairs', async () => {
    const body = (await proxy.app.inject({ url: '/healthz' })).json();
    expect(body.status).toBe('ok');
    expect(body.engines).toEqual([expect.objectContaining({ id: 'apertium', healthy: true })]);
    expect(body.engines[0].pairs).toBeGreaterThanOrEqual(2);
  });

  it('lists English↔Spanish among the languages served', async () => {
    const body = (await proxy.app.inject({ url: '/v1/languages', headers: authorized })).json();
    expect(body.pairs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'en', target: 'es', engines: ['apertium'] }),
        expect.objectContaining({ source: 'es', target: 'en', engines: ['apertium'] }),
      ]),
    );
  });

  it('counts requests and memory hits in the Prometheus metrics', async () => {
    const payload = { text: 'See you soon.', source: 'en', target: 'es' };
    await proxy.app.inject({ method: 'POST', url: '/v1/translate', headers: authorized, payload });
    await proxy.translation.drain();
    await proxy.app.inject({ method: 'POST', url: '/v1/translate', headers: authorized, payload });
    const text = (await proxy.app.inject({ url: '/metrics' })).body;
    expect(text).toMatch(
      /parley_http_requests_total\{method="POST",route="\/v1\/translate",status="200"\} 2/,
    );
    expect(text).toMatch(/parley_translation_memory_segments_total\{result="hit"\} 1/);
    expect(text).toMatch(/parley_engine_calls_total\{engine="apertium",outcome="ok"\} 1/);
  });

  it('publishes an OpenAPI document describing the translate endpoint', async () => {
    const body = (await proxy.app.inject({ url: '/openapi.json' })).json();
    expect(body.openapi).toMatch(/^3\./);
    expect(body.paths['/v1/translate'].post.requestBody).toBeDefined();
  });
});
