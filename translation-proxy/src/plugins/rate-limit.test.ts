// The per-tenant rate limit answers 429 with Retry-After, and only for the tenant over it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proxy } from '../compose.js';
import { authorized, startTestProxy } from '../../../tests/support/proxy.js';

let proxy: Proxy;
let otherKey: string;
beforeAll(async () => {
  proxy = await startTestProxy({ PARLEY_RATE_LIMIT_PER_MINUTE: '3' });
  const other = await proxy.store.tenants.create({ name: 'Other' });
  otherKey = (await proxy.store.apiKeys.issue(other.id)).key;
});
afterAll(() => proxy.close());

const languages = (headers: Record<string, string>) =>
  proxy.app.inject({ url: '/v1/languages', headers });

describe('rate limit', () => {
  it('answers rate_limited with Retry-After past the limit, leaving other tenants alone', async () => {
    for (let i = 0; i < 3; i++) expect((await languages(authorized)).statusCode).toBe(200);
    const limited = await languages(authorized);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await languages({ authorization: `Bearer ${otherKey}` })).statusCode).toBe(200);
  });
});
