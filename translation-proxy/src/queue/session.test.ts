// The session hook in front of the translators' and managers' routes: every route the contract
// lists under /v1/queue and /v1/reports, except signing in and asking who is signed in, refuses a
// request without a valid session with the same 401 `unauthorized`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proxy } from '../compose.js';
import { startTestProxy } from '../../../tests/support/proxy.js';

let proxy: Proxy;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(() => proxy?.close());

/** Routes open without a session. */
const PUBLIC = ['POST /v1/queue/login', 'GET /v1/queue/session'];

const edit = { segments: [{ index: 0, target: 'Gracias.' }] };
/** A request each session route accepts but for the session (the body passes its schema). */
const SAMPLES: Record<string, { url: string; payload?: object }> = {
  'POST /v1/queue/logout': { url: '/v1/queue/logout' },
  'GET /v1/queue/me': { url: '/v1/queue/me' },
  'GET /v1/queue/jobs': { url: '/v1/queue/jobs?source=en' },
  'GET /v1/queue/jobs/{id}': { url: '/v1/queue/jobs/job-1' },
  'POST /v1/queue/jobs/{id}/claim': { url: '/v1/queue/jobs/job-1/claim' },
  'POST /v1/queue/jobs/{id}/renew': { url: '/v1/queue/jobs/job-1/renew' },
  'POST /v1/queue/jobs/{id}/release': { url: '/v1/queue/jobs/job-1/release' },
  'POST /v1/queue/jobs/{id}/reject': {
    url: '/v1/queue/jobs/job-1/reject',
    payload: { reason: 'Wrong language.' },
  },
  'POST /v1/queue/jobs/{id}/check': { url: '/v1/queue/jobs/job-1/check', payload: edit },
  'POST /v1/queue/jobs/{id}/submit': { url: '/v1/queue/jobs/job-1/submit', payload: edit },
  'PUT /v1/queue/jobs/{id}/draft': { url: '/v1/queue/jobs/job-1/draft', payload: edit },
  'GET /v1/queue/jobs/{id}/matches': { url: '/v1/queue/jobs/job-1/matches' },
  'GET /v1/queue/jobs/{id}/concordance': { url: '/v1/queue/jobs/job-1/concordance?q=refund' },
  'GET /v1/reports/tenants': { url: '/v1/reports/tenants' },
  'GET /v1/reports': { url: '/v1/reports' },
  'GET /v1/reports/csv': { url: '/v1/reports/csv' },
};

async function sessionRoutesInContract(): Promise<string[]> {
  const contract = (await proxy.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  return Object.entries(contract.paths)
    .filter(([path]) => path.startsWith('/v1/queue') || path.startsWith('/v1/reports'))
    .flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    )
    .filter((route) => !PUBLIC.includes(route));
}

describe('routes behind the translator session', () => {
  it('has a sample request for every session route the contract lists', async () => {
    expect((await sessionRoutesInContract()).sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it.each([
    ['no cookie', {}],
    ['an unknown session cookie', { cookie: 'parley_session=not-a-session' }],
  ])('answers 401 unauthorized on every one of them with %s', async (_, headers) => {
    for (const [route, { url, payload }] of Object.entries(SAMPLES)) {
      const method = route.split(' ')[0] as 'GET' | 'POST' | 'PUT';
      const response = await proxy.app.inject({
        method,
        url,
        headers: { ...headers, 'x-csrf-token': 'any' },
        ...(payload ? { payload } : {}),
      });
      expect({ route, status: response.statusCode, body: response.json() }).toEqual({
        route,
        status: 401,
        body: {
          error: { code: 'unauthorized', message: 'Sign in to the translators’ workspace first.' },
        },
      });
    }
  });
});
