// The per-tenant rate limit answers 429 with Retry-After, and only for the tenant over it; proxies
// sharing one PostgreSQL enforce one limit between them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proxy } from '../compose.js';
import { authorized, startTestProxy } from '../../../tests/support/proxy.js';
import { freshPostgresUrl } from '../../../tests/support/stores.js';

const languages = (proxy: Proxy, headers: Record<string, string>) =>
  proxy.app.inject({ url: '/v1/languages', headers });

describe('rate limit', () => {
  let proxy: Proxy;
  let otherKey: string;
  beforeAll(async () => {
    proxy = await startTestProxy({ PARLEY_RATE_LIMIT_PER_MINUTE: '3' });
    const other = await proxy.store.tenants.create({ name: 'Other' });
    otherKey = (await proxy.store.apiKeys.issue(other.id)).key;
  });
  afterAll(() => proxy.close());

  it('answers rate_limited with Retry-After past the limit, leaving other tenants alone', async () => {
    for (let i = 0; i < 3; i++) expect((await languages(proxy, authorized)).statusCode).toBe(200);
    const limited = await languages(proxy, authorized);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await languages(proxy, { authorization: `Bearer ${otherKey}` })).statusCode).toBe(200);
  });
});

describe('rate limit across proxies on one PostgreSQL', () => {
  let proxies: Proxy[];
  beforeAll(async () => {
    const env = { DATABASE_URL: await freshPostgresUrl(), PARLEY_RATE_LIMIT_PER_MINUTE: '4' };
    proxies = [await startTestProxy(env), await startTestProxy(env)];
  });
  afterAll(() => Promise.all(proxies.map((proxy) => proxy.close())));

  it('holds the tenant to one limit, however its requests are spread', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const proxy = proxies[i % 2] as Proxy;
      statuses.push((await languages(proxy, authorized)).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });
});
