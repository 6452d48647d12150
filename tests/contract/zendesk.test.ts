// The Zendesk client of the outbox against a stand-in that follows Zendesk's documented API.
import { setupServer } from 'msw/node';
import { HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HelpdeskError } from '@parley/translation-proxy/helpdesks/client';
import { zendeskClient } from '@parley/translation-proxy/helpdesks/zendesk';
import { zendeskApi } from '../msw/zendesk.js';

const credentials = {
  helpdesk: 'zendesk' as const,
  subdomain: 'acme',
  email: 'agent@acme.example',
  apiToken: 'wb7Qx2ZUoH3s9mEarnEVgh1jZ',
};
const OAUTH_TOKEN = 'zd-oauth-6b1f0e7c2a9d';
const api = zendeskApi({ ...credentials, oauthToken: OAUTH_TOKEN });
const server = setupServer(...api.handlers);
const client = zendeskClient(credentials, api.origin);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  api.faults.clear();
  api.requests.length = 0;
  api.tickets.clear();
  api.users.clear();
});
afterAll(() => server.close());

const reply = {
  html: '<p>Hola Ana, tu pedido ORD-77812-B ya salió.</p>',
  public: true,
  authorId: '3721',
};

async function failure(action: () => Promise<unknown>): Promise<HelpdeskError> {
  const error = await action().then(
    () => {
      throw new Error('expected a failure');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HelpdeskError);
  return error as HelpdeskError;
}

describe('Zendesk client', () => {
  it('adds a public comment by updating the ticket and returns the comment id from the audit', async () => {
    api.addTicket('4711');
    const id = await client.post('4711', reply);
    const [stored] = api.tickets.get('4711') ?? [];
    expect(id).toBe(String(stored?.id));
    expect(api.requests[0]).toMatchObject({
      method: 'PUT',
      path: '/api/v2/tickets/4711.json',
      body: { ticket: { comment: { html_body: reply.html, public: true, author_id: 3721 } } },
    });
  });

  it('authenticates with email/token and the API token', async () => {
    api.addTicket('4711');
    await client.post('4711', reply);
    const decoded = Buffer.from(
      (api.requests[0]?.authorization ?? '').replace(/^Basic /, ''),
      'base64',
    ).toString();
    expect(decoded).toBe('agent@acme.example/token:wb7Qx2ZUoH3s9mEarnEVgh1jZ');
  });

  it('authenticates with an OAuth token as a Bearer token', async () => {
    api.addTicket('4711');
    const oauth = zendeskClient(
      { helpdesk: 'zendesk', subdomain: 'acme', oauthToken: OAUTH_TOKEN },
      api.origin,
    );
    await oauth.post('4711', reply);
    expect(api.requests[0]?.authorization).toBe(`Bearer ${OAUTH_TOKEN}`);
    expect(api.tickets.get('4711')).toHaveLength(1);
  });

  it('posts an internal note as a private comment', async () => {
    api.addTicket('4711');
    await client.post('4711', { ...reply, public: false });
    expect(api.tickets.get('4711')?.[0]?.public).toBe(false);
  });

  it('finds a comment it already posted by its content, and not a different one', async () => {
    api.addTicket('4711');
    const since = Date.now();
    const id = await client.post('4711', reply);
    expect(await client.findPosted('4711', reply, since)).toBe(id);
    expect(
      await client.findPosted('4711', { ...reply, html: '<p>Gracias por esperar.</p>' }, since),
    ).toBeUndefined();
  });

  it('reports a 429 as rate limited with the Retry-After delay', async () => {
    api.addTicket('4711');
    api.faults.add(api.rateLimited(7));
    const error = await failure(() => client.post('4711', reply));
    expect(error).toMatchObject({ failure: 'rate_limited', status: 429, retryAfterSeconds: 7 });
    expect(api.tickets.get('4711')).toEqual([]);
  });

  it('reports an unknown ticket as rejected with Zendesk’s message', async () => {
    const error = await failure(() => client.post('999', reply));
    expect(error.failure).toBe('rejected');
    expect(error.message).toContain('RecordNotFound');
  });

  it('reports refused credentials as rejected', async () => {
    api.addTicket('4711');
    const wrong = zendeskClient({ ...credentials, apiToken: 'revoked-token' }, api.origin);
    const error = await failure(() => wrong.post('4711', reply));
    expect(error).toMatchObject({ failure: 'rejected', status: 401 });
    expect(error.message).toContain("Couldn't authenticate you");
  });

  it('reports a 503 and a dropped connection as unavailable (the outcome is unknown)', async () => {
    api.addTicket('4711');
    api.faults.add(() => HttpResponse.json({ error: 'ServiceUnavailable' }, { status: 503 }));
    api.faults.add(() => 'network_error');
    expect((await failure(() => client.post('4711', reply))).failure).toBe('unavailable');
    expect((await failure(() => client.post('4711', reply))).failure).toBe('unavailable');
  });
});

describe('Zendesk client: who a user is and whose a ticket is', () => {
  it('calls admins and agents agents, and end users end users', async () => {
    api.addUser('3721', { role: 'agent' });
    api.addUser('3722', { role: 'admin' });
    api.addUser('7001', { role: 'end-user' });
    expect(await client.person('3721')).toBe('agent');
    expect(await client.person('3722')).toBe('agent');
    expect(await client.person('7001')).toBe('end-user');
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/api/v2/users/3721.json' });
  });

  it('calls a suspended or deleted agent inactive', async () => {
    api.addUser('3723', { role: 'agent', suspended: true });
    api.addUser('3724', { role: 'agent', active: false });
    expect(await client.person('3723')).toBe('inactive');
    expect(await client.person('3724')).toBe('inactive');
  });

  it('answers undefined for a user or ticket Zendesk does not have (404 RecordNotFound)', async () => {
    expect(await client.person('999')).toBeUndefined();
    expect(await client.ticket('999')).toBeUndefined();
  });

  it("reads the ticket's requester", async () => {
    api.addTicket('4711', 7005);
    expect(await client.ticket('4711')).toEqual({ requesterId: '7005' });
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/api/v2/tickets/4711.json' });
  });

  it('classifies a rate-limited look-up so the caller can wait', async () => {
    api.faults.add(api.rateLimited(12));
    const error = await failure(() => client.person('3721'));
    expect(error).toMatchObject({ failure: 'rate_limited', retryAfterSeconds: 12 });
  });
});
