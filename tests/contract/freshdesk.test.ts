// The Freshdesk client of the outbox against a stand-in that follows Freshdesk's documented API.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HelpdeskError } from '@parley/translation-proxy/helpdesks/client';
import { freshdeskClient } from '@parley/translation-proxy/helpdesks/freshdesk';
import { freshdeskApi } from '../msw/freshdesk.js';

const credentials = { helpdesk: 'freshdesk' as const, domain: 'acme', apiKey: 'Ab12Cd34Ef56Gh78' };
const api = freshdeskApi(credentials);
const server = setupServer(...api.handlers);
const client = freshdeskClient(credentials, api.origin);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  api.faults.clear();
  api.requests.length = 0;
  api.tickets.clear();
});
afterAll(() => server.close());

const reply = {
  html: '<p>Bonjour Léa, votre remboursement de 19,99 € est en route.</p>',
  public: true,
  authorId: '80012',
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

describe('Freshdesk client', () => {
  it('posts the public reply to /reply with the API key as basic auth user', async () => {
    api.addTicket('120');
    const id = await client.post('120', reply);
    expect(id).toBe(String(api.tickets.get('120')?.[0]?.id));
    expect(api.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/v2/tickets/120/reply',
      body: { body: reply.html, user_id: 80012 },
    });
    expect(Buffer.from((api.requests[0]?.authorization ?? '').slice(6), 'base64').toString()).toBe(
      'Ab12Cd34Ef56Gh78:X',
    );
  });

  it('posts the internal note to /notes as private', async () => {
    api.addTicket('120');
    await client.post('120', { ...reply, public: false });
    expect(api.requests[0]?.path).toBe('/api/v2/tickets/120/notes');
    expect(api.tickets.get('120')?.[0]?.private).toBe(true);
  });

  it('finds a reply it already posted among the conversations', async () => {
    api.addTicket('120');
    const since = Date.now();
    const id = await client.post('120', reply);
    expect(await client.findPosted('120', reply, since)).toBe(id);
    expect(await client.findPosted('120', { ...reply, public: false }, since)).toBeUndefined();
  });

  it('reports a 429 as rate limited with the Retry-After delay', async () => {
    api.addTicket('120');
    api.faults.add(api.rateLimited(30));
    expect(await failure(() => client.post('120', reply))).toMatchObject({
      failure: 'rate_limited',
      retryAfterSeconds: 30,
    });
  });

  it('reports a validation error as rejected with the field Freshdesk names', async () => {
    api.addTicket('120');
    const error = await failure(() => client.post('120', { ...reply, html: ' ' }));
    expect(error).toMatchObject({ failure: 'rejected', status: 400 });
    expect(error.message).toContain('Validation failed: body It should be a/an String');
  });

  it('reports refused credentials as rejected with Freshdesk’s message', async () => {
    api.addTicket('120');
    const error = await failure(() =>
      freshdeskClient({ ...credentials, apiKey: 'wrong' }, api.origin).post('120', reply),
    );
    expect(error.message).toContain('You have to be logged in');
  });
});
