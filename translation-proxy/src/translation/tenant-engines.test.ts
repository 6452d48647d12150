// Per-tenant engines: a tenant's own cloud engine (DeepL stand-in) with the embedded Apertium
// engine behind it, settings sealed at rest, usage billed to the tenant that called.
import { randomBytes } from 'node:crypto';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Proxy } from '../compose.js';
import { startTestProxy } from '../../../tests/support/proxy.js';
import { tempDir } from '../../../tests/support/stores.js';
import { DEEPL_FREE, deeplApi } from '../../../tests/msw/deepl.js';

const DEEPL_KEY = '0c5b6f2e-9d1a-4c2b-8f3e-7a6d5c4b3a21:fx';
const deepl = deeplApi(DEEPL_KEY);
const server = setupServer(...deepl.handlers);

let proxy: Proxy;
let withDeepl: { id: string; key: string };
let withDefaults: { id: string; key: string };

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  proxy = await startTestProxy({ PARLEY_SECRET_KEY: randomBytes(32).toString('hex') });
  const tenantA = await proxy.store.tenants.create({ name: 'Uses DeepL' });
  const tenantB = await proxy.store.tenants.create({ name: 'Embedded only' });
  withDeepl = { id: tenantA.id, key: (await proxy.store.apiKeys.issue(tenantA.id)).key };
  withDefaults = { id: tenantB.id, key: (await proxy.store.apiKeys.issue(tenantB.id)).key };
  await proxy.tenantEngines.saveSettings(withDeepl.id, {
    engines: [{ kind: 'deepl', authKey: DEEPL_KEY }, { kind: 'apertium' }],
  });
});
afterEach(() => server.resetHandlers());
afterAll(async () => {
  await proxy.close();
  server.close();
});

const translate = (key: string, text: string, target = 'es') =>
  proxy.app.inject({
    method: 'POST',
    url: '/v1/translate',
    headers: { authorization: `Bearer ${key}` },
    payload: { text, source: 'en', target },
  });

describe('tenant engines', () => {
  it("translates with the tenant's own engine first", async () => {
    const body = (await translate(withDeepl.key, 'The parcel arrives on Monday.')).json();
    expect(body.engine).toBe('deepl');
  });

  it('keeps tenants without settings on the embedded engine', async () => {
    const body = (await translate(withDefaults.key, 'The parcel arrives on Monday.')).json();
    expect(body.engine).toBe('apertium');
  });

  it('fails over to the embedded engine when the cloud engine is out of quota', async () => {
    server.use(
      http.post(`${DEEPL_FREE}/v2/translate`, () =>
        HttpResponse.json({ message: 'Quota exceeded' }, { status: 456 }),
      ),
    );
    const body = (await translate(withDeepl.key, 'We have issued a full refund.')).json();
    expect(body.engine).toBe('apertium');
  });

  it('serves pairs only the cloud engine knows to the tenant that configured it', async () => {
    expect((await translate(withDeepl.key, 'Thanks for waiting.', 'ja')).statusCode).toBe(200);
    expect((await translate(withDefaults.key, 'Thanks for waiting.', 'ja')).json().error.code).toBe(
      'unsupported_language_pair',
    );
  });

  it('stores the settings sealed, never the API key in clear', async () => {
    const rows = await proxy.store.db.query<{ sealed: string }>(
      'SELECT sealed FROM tenant_engine_settings',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sealed).not.toContain(DEEPL_KEY);
  });

  it('rejects settings that name an unknown engine', async () => {
    await expect(
      proxy.tenantEngines.saveSettings(withDeepl.id, { engines: [{ kind: 'babelfish' }] }),
    ).rejects.toThrow(/engine settings/);
  });

  it('rejects a plain-http engine without PARLEY_ALLOW_HTTP_ENGINES', async () => {
    await expect(
      proxy.tenantEngines.saveSettings(withDefaults.id, {
        engines: [{ kind: 'libretranslate', url: 'http://127.0.0.1:5000' }],
      }),
    ).rejects.toThrow(/"url" must be https/);
  });

  it('takes a stored plain-http engine out of service once PARLEY_ALLOW_HTTP_ENGINES is off', async () => {
    const secretKey = randomBytes(32).toString('hex');
    const dataDir = tempDir();
    const local = await startTestProxy({
      PARLEY_SECRET_KEY: secretKey,
      PARLEY_DATA_DIR: dataDir,
      PARLEY_ALLOW_HTTP_ENGINES: '1',
    });
    const tenant = await local.store.tenants.create({ name: 'Local engine' });
    await local.tenantEngines.saveSettings(tenant.id, {
      engines: [{ kind: 'apy', url: 'http://127.0.0.1:2737' }],
    });
    await local.close();
    const strict = await startTestProxy({ PARLEY_SECRET_KEY: secretKey, PARLEY_DATA_DIR: dataDir });
    try {
      await expect(strict.tenantEngines.chainFor(tenant.id)).rejects.toThrow(/"url" must be https/);
    } finally {
      await strict.close();
    }
  });

  it("bills each engine's characters to the tenant that called", async () => {
    const text = 'Your invoice is attached.';
    await translate(withDeepl.key, text);
    const usage = (
      await proxy.app.inject({
        url: '/v1/usage',
        headers: { authorization: `Bearer ${withDeepl.key}` },
      })
    ).json().usage;
    expect(
      usage.find((row: { engine: string }) => row.engine === 'deepl').characters,
    ).toBeGreaterThanOrEqual(text.length);
    const other = (
      await proxy.app.inject({
        url: '/v1/usage',
        headers: { authorization: `Bearer ${withDefaults.key}` },
      })
    ).json().usage;
    expect(other.some((row: { engine: string }) => row.engine === 'deepl')).toBe(false);
  });

  it("reports the tenant's engines with their circuit-breaker state", async () => {
    const body = (
      await proxy.app.inject({
        url: '/v1/engines',
        headers: { authorization: `Bearer ${withDeepl.key}` },
      })
    ).json();
    expect(body.engines.map((engine: { id: string }) => engine.id)).toEqual(['deepl', 'apertium']);
    expect(body.engines[0]).toMatchObject({ healthy: true, breaker: 'closed' });
  });
});
