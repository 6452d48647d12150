// Who may read /metrics: anyone by default, a bearer-token holder when a token is set, and only
// on its own port when one is set.
import { afterEach, describe, expect, it } from 'vitest';
import type { Proxy } from '../compose.js';
import { startTestProxy } from '../../../tests/support/proxy.js';

const TOKEN = 'metrics-token-0123456789';
let proxy: Proxy;
afterEach(async () => {
  await proxy?.close();
});

describe('GET /metrics', () => {
  it('is served on the API port without a token by default', async () => {
    proxy = await startTestProxy();
    const response = await proxy.app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('parley_http_requests_total');
    expect(proxy.metricsApp).toBeUndefined();
  });

  it('needs the bearer token when PARLEY_METRICS_TOKEN is set', async () => {
    proxy = await startTestProxy({ PARLEY_METRICS_TOKEN: TOKEN });
    for (const authorization of [undefined, 'Bearer wrong-token', TOKEN, `Basic ${TOKEN}`]) {
      const response = await proxy.app.inject({
        url: '/metrics',
        headers: authorization ? { authorization } : {},
      });
      expect(response.statusCode, authorization).toBe(401);
      expect(response.json().error.code).toBe('unauthorized');
      expect(response.body).not.toContain(TOKEN);
    }
    const allowed = await proxy.app.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.body).toContain('parley_http_requests_total');
  });

  it('moves to its own port when PARLEY_METRICS_PORT is set, counting the API’s requests', async () => {
    proxy = await startTestProxy({ PARLEY_METRICS_PORT: '0' });
    await proxy.app.inject({ url: '/healthz' });
    expect((await proxy.app.inject({ url: '/metrics' })).statusCode).toBe(404);
    const response = await proxy.metricsApp!.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/parley_http_requests_total\{[^}]*route="\/healthz"/);
  });

  it('asks for the token on its own port too', async () => {
    proxy = await startTestProxy({ PARLEY_METRICS_PORT: '0', PARLEY_METRICS_TOKEN: TOKEN });
    expect((await proxy.metricsApp!.inject({ url: '/metrics' })).statusCode).toBe(401);
    const allowed = await proxy.metricsApp!.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(allowed.statusCode).toBe(200);
  });
});
