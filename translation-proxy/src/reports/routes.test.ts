// /v1/reports as a manager, a plain translator and nobody reach it, through a complete proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proxy } from '../compose.js';
import { DEV_TENANT_ID } from '../plugins/auth.js';
import { signIn, type SignedIn } from '../../../tests/fault/replies-support.js';
import { replyDraft, replyHistory } from '../../../tests/support/reply-history.js';
import { startTestProxy } from '../../../tests/support/proxy.js';

let proxy: Proxy;
let manager: SignedIn;
let translator: SignedIn;
let globex: string;

const get = (url: string, who?: SignedIn) =>
  proxy.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });

beforeAll(async () => {
  proxy = await startTestProxy();
  globex = (await proxy.store.tenants.create({ name: 'Globex' })).id;
  manager = await signIn(proxy, 'marta@translators.example');
  translator = await signIn(proxy, 'lucia@translators.example');
  await proxy.store.managers.grant(manager.id, [DEV_TENANT_ID]);
  // A name chosen to run as a formula in a spreadsheet, approving one reply in the range.
  await proxy.store.db.execute('UPDATE translators SET name = ? WHERE id = ?', [
    '=HYPERLINK("https://evil.example","Lucía")',
    translator.id,
  ]);
  const { create, reviewed } = replyHistory(proxy.store);
  const morning = Date.UTC(2026, 5, 10, 9);
  const job = await create(
    replyDraft(DEV_TENANT_ID, 'review', 'es', 'apertium', morning + 3 * 3_600_000),
    morning - 60_000,
  );
  await reviewed(job, translator.id, morning, morning + 60_000, 0.5);
}, 60_000);

afterAll(() => proxy?.close());

describe('GET /v1/reports', () => {
  it('answers 401 unauthorized without a session', async () => {
    const response = await get('/v1/reports');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('refuses a translator without the manager role, JSON and CSV alike', async () => {
    for (const url of ['/v1/reports', '/v1/reports/csv']) {
      const response = await get(url, translator);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: 'not_a_manager' } });
    }
  });

  it('refuses a manager asking about a tenant they do not manage', async () => {
    const response = await get(`/v1/reports?tenant=${globex}`, manager);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'not_a_manager' } });
  });

  it('refuses a manager whose role was revoked at their next request, without signing them out', async () => {
    const former = await signIn(proxy, 'pablo@translators.example');
    await proxy.store.managers.grant(former.id, [DEV_TENANT_ID]);
    expect((await get('/v1/reports', former)).statusCode).toBe(200);
    await proxy.store.managers.revoke(former.id, [DEV_TENANT_ID]);
    const response = await get('/v1/reports', former);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'not_a_manager' } });
    expect((await get('/v1/queue/session', former)).json()).toMatchObject({
      translator: { id: former.id },
    });
  });

  it('covers the last 30 days up to today when no range is given', async () => {
    const response = await get('/v1/reports', manager);
    expect(response.statusCode).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const first = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000);
    expect(response.json()).toMatchObject({
      tenant: { id: DEV_TENANT_ID, name: 'Development' },
      from: first.toISOString().slice(0, 10),
      to: today,
    });
  });

  it('reports the figures of the days asked for', async () => {
    const response = await get('/v1/reports?from=2026-06-01&to=2026-06-30', manager);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      from: '2026-06-01',
      to: '2026-06-30',
      sla: [{ source: 'en', target: 'es', met: 1, late: 0, fallbacks: 0, flagged: 0 }],
      editShare: [{ source: 'en', target: 'es', engine: 'apertium', jobs: 1, meanEditRatio: 0.5 }],
      translators: [{ id: translator.id, approved: 1, rejected: 0, meanEditRatio: 0.5 }],
    });
  });

  it('refuses ranges that are not calendar days, run backwards or span more than 366 days', async () => {
    for (const query of [
      'from=2026-02-30&to=2026-03-02',
      'from=2026-03-02&to=2026-03-01',
      'from=2025-01-01&to=2026-01-02',
      'from=yesterday',
      'since=2026-01-01',
    ]) {
      const response = await get(`/v1/reports?${query}`, manager);
      expect(response.statusCode, query).toBe(400);
      expect(response.json(), query).toMatchObject({ error: { code: 'invalid_request' } });
    }
    expect((await get('/v1/reports?from=2025-01-01&to=2026-01-01', manager)).statusCode).toBe(200);
  });
});

describe('GET /v1/reports/tenants', () => {
  it('names the tenants a manager manages, and none for a plain translator', async () => {
    expect((await get('/v1/reports/tenants', manager)).json()).toEqual({
      tenants: [{ id: DEV_TENANT_ID, name: 'Development' }],
    });
    const plain = await get('/v1/reports/tenants', translator);
    expect(plain.statusCode).toBe(200);
    expect(plain.json()).toEqual({ tenants: [] });
    expect((await get('/v1/reports/tenants')).statusCode).toBe(401);
  });
});

describe('GET /v1/reports/csv', () => {
  it('downloads the figures as CSV, a formula-like name defused', async () => {
    const response = await get('/v1/reports/csv?from=2026-06-01&to=2026-06-30', manager);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="parley-report-dev-2026-06-01-2026-06-30.csv"',
    );
    const lines = response.body.split('\r\n');
    expect(lines[0]).toBe('figure,day,source,target,mode,engine,translator,value');
    expect(lines).toContain('sla_met,,en,es,review,,,1');
    expect(lines).toContain('changed_share,,en,es,,apertium,,0.5');
    expect(lines).toContain(`approved,,,,,,"'=HYPERLINK(""https://evil.example"",""Lucía"")",1`);
  });
});

describe('the OpenAPI document', () => {
  it('publishes both report endpoints with their query', async () => {
    const document = (await get('/openapi.json')).json() as {
      paths: Record<string, { get: { parameters: { name: string }[] } }>;
    };
    for (const path of ['/v1/reports', '/v1/reports/csv'])
      expect(document.paths[path]?.get.parameters.map((p) => p.name)).toEqual([
        'tenant',
        'from',
        'to',
      ]);
  });
});
