// Agent endpoints need a tenant key; each tenant sees only its own memory and glossary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proxy } from '../compose.js';
import { DEV_KEY, startTestProxy } from '../../../tests/support/proxy.js';

let proxy: Proxy;
let keyA: string;
let keyB: string;
let tenantA: string;
beforeAll(async () => {
  proxy = await startTestProxy();
  const a = await proxy.store.tenants.create({ name: 'Acme' });
  const b = await proxy.store.tenants.create({ name: 'Globex' });
  tenantA = a.id;
  keyA = (await proxy.store.apiKeys.issue(a.id)).key;
  keyB = (await proxy.store.apiKeys.issue(b.id)).key;
});
afterAll(() => proxy.close());

const translate = (key: string | undefined, text: string) =>
  proxy.app.inject({
    method: 'POST',
    url: '/v1/translate',
    headers: key ? { authorization: `Bearer ${key}` } : {},
    payload: { text, source: 'en', target: 'es' },
  });

describe('authentication', () => {
  it('refuses a request without a key', async () => {
    const response = await translate(undefined, 'Hello');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthorized');
  });

  it('refuses an unknown key', async () => {
    const response = await translate('pk_not-a-real-key', 'Hello');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthorized');
  });

  it('accepts the dev key from the environment', async () => {
    expect((await translate(DEV_KEY, 'Hello')).statusCode).toBe(200);
  });

  it('accepts a key issued to a tenant', async () => {
    expect((await translate(keyA, 'Good morning')).statusCode).toBe(200);
  });

  it('leaves health and metrics open for probes', async () => {
    expect((await proxy.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect((await proxy.app.inject({ url: '/metrics' })).statusCode).toBe(200);
  });
});

describe('tenant isolation', () => {
  it("does not serve one tenant's translation memory to another", async () => {
    const text = 'Your package left our warehouse this morning.';
    await translate(keyA, text);
    await proxy.translation.drain();
    expect((await translate(keyA, text)).json().cached).toBe(true);
    expect((await translate(keyB, text)).json().cached).toBe(false);
  });

  it("does not apply one tenant's glossary to another", async () => {
    await proxy.store.glossary.upsert(tenantA, {
      sourceLang: 'en',
      targetLang: 'es',
      source: 'Acme Cloud',
      target: null,
    });
    const text = 'Acme Cloud is down.';
    expect((await translate(keyA, text)).json().translation).toContain('Acme Cloud');
    expect((await translate(keyB, text)).json().translation).not.toContain('Acme Cloud');
  });
});
