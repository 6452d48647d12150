/**
 * `GET /v1/freshdesk/tickets/:id/conversations` against the Freshdesk API stand-in: the proxy reads
 * the thread with the tenant's sealed Freshdesk key and answers Freshdesk's failures in the API's
 * own error shape.
 */
import { randomBytes } from 'node:crypto';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freshdeskApi } from '../../../tests/msw/freshdesk.js';
import { authorized, startTestProxy } from '../../../tests/support/proxy.js';
import type { Proxy } from '../compose.js';
import { DEV_TENANT_ID } from '../plugins/auth.js';
import { createSecretBox } from '../secrets.js';

const SECRET_KEY = randomBytes(32);
const FRESHDESK = { helpdesk: 'freshdesk', domain: 'acme-support', apiKey: 'fd-key-5mN2pQ8rT4vW' };
const freshdesk = freshdeskApi(FRESHDESK);
const server = setupServer(...freshdesk.handlers);
let proxy: Proxy;

const read = (ticketId: string, headers: object = authorized) =>
  proxy.app.inject({
    method: 'GET',
    url: `/v1/freshdesk/tickets/${ticketId}/conversations`,
    headers: { ...headers },
  });

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'bypass' });
  proxy = await startTestProxy({ PARLEY_SECRET_KEY: SECRET_KEY.toString('hex') });
  await proxy.store.helpdeskConnections.setSealedCredentials(
    DEV_TENANT_ID,
    'freshdesk',
    createSecretBox(SECRET_KEY).seal(JSON.stringify(FRESHDESK)),
  );
  freshdesk.addTicket('2001');
  freshdesk.tickets.get('2001')?.push(
    {
      id: 9100001,
      body: '<div>Hi Lucía, which browser are you using?</div>',
      body_text: 'Hi Lucía, which browser are you using?',
      ticket_id: 2001,
      user_id: 77001,
      private: false,
      incoming: false,
      created_at: '2026-11-21T09:02:00Z',
      updated_at: '2026-11-21T09:02:00Z',
    },
    {
      id: 9100002,
      body: '<div>Uso Firefox en un ordenador portátil.</div>',
      body_text: 'Uso Firefox en un ordenador portátil.',
      ticket_id: 2001,
      user_id: 601,
      private: false,
      incoming: true,
      created_at: '2026-11-21T09:30:00Z',
      updated_at: '2026-11-21T09:30:00Z',
    },
  );
});
afterEach(() => {
  freshdesk.faults.clear();
});
afterAll(async () => {
  await proxy.close();
  server.close();
});

describe('GET /v1/freshdesk/tickets/:ticketId/conversations', () => {
  it("answers the ticket's conversations, read from Freshdesk with the tenant's API key", async () => {
    const response = await read('2001');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      conversations: [
        {
          id: 9100001,
          body: '<div>Hi Lucía, which browser are you using?</div>',
          incoming: false,
          private: false,
          user_id: 77001,
          created_at: '2026-11-21T09:02:00Z',
        },
        {
          id: 9100002,
          body: '<div>Uso Firefox en un ordenador portátil.</div>',
          incoming: true,
          private: false,
          user_id: 601,
          created_at: '2026-11-21T09:30:00Z',
        },
      ],
    });
    const last = freshdesk.requests.at(-1);
    expect(last?.path).toBe('/api/v2/tickets/2001/conversations');
    expect(last?.authorization).toBe(
      `Basic ${Buffer.from(`${FRESHDESK.apiKey}:X`).toString('base64')}`,
    );
  });

  it('answers every conversation of a ticket with more than 100 of them, oldest first', async () => {
    const thread = Array.from({ length: 130 }, (_, i) => ({
      id: 9_200_000 + i,
      body:
        i % 2 === 0
          ? `<div>¿Alguna novedad? (${i + 1})</div>`
          : `<div>Still checking (${i + 1}).</div>`,
      body_text: '',
      ticket_id: 2003,
      user_id: i % 2 === 0 ? 601 : 77001,
      private: false,
      incoming: i % 2 === 0,
      created_at: new Date(Date.UTC(2026, 10, 21) + i * 60_000).toISOString(),
      updated_at: new Date(Date.UTC(2026, 10, 21) + i * 60_000).toISOString(),
    }));
    freshdesk.tickets.set('2003', thread);
    const response = await read('2003');
    expect(response.statusCode).toBe(200);
    const { conversations } = response.json() as { conversations: { id: number; body: string }[] };
    expect(conversations.map((c) => c.id)).toEqual(thread.map((c) => c.id));
    expect(conversations.at(-1)?.body).toBe('<div>Still checking (130).</div>');
    expect(
      freshdesk.requests.filter((r) => r.path === '/api/v2/tickets/2003/conversations'),
    ).toHaveLength(2);
  });

  it('says not found when Freshdesk has no such ticket', async () => {
    const response = await read('404404');
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toEqual({
      code: 'ticket_not_found',
      message: 'Freshdesk has no ticket 404404 this API key can read.',
    });
  });

  it("passes on Freshdesk's rate limit with its Retry-After", async () => {
    freshdesk.faults.add(freshdesk.rateLimited(42));
    const response = await read('2001');
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('42');
    expect(response.json().error.code).toBe('rate_limited');
  });

  it('says the helpdesk is unavailable when Freshdesk cannot be reached', async () => {
    freshdesk.faults.add(() => 'network_error');
    const response = await read('2001');
    expect(response.statusCode).toBe(502);
    expect(response.json().error.code).toBe('helpdesk_unavailable');
  });

  it('rejects a ticket id that is not a number without calling Freshdesk', async () => {
    const before = freshdesk.requests.length;
    const response = await read('..%2F..%2Fagents');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_request');
    expect(freshdesk.requests.length).toBe(before);
  });

  it('needs the tenant key', async () => {
    const response = await read('2001', {});
    expect(response.statusCode).toBe(401);
  });

  it('says Freshdesk is not configured for a tenant without stored credentials', async () => {
    const tenant = await proxy.store.tenants.create({ name: 'No helpdesk yet' });
    const key = await proxy.store.apiKeys.issue(tenant.id, 'sidebar');
    const response = await read('2001', { authorization: `Bearer ${key.key}` });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('helpdesk_not_configured');
  });
});
