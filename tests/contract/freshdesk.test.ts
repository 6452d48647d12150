// The Freshdesk client of the outbox against a stand-in that follows Freshdesk's documented API.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HelpdeskError } from '@parley/translation-proxy/helpdesks/client';
import {
  freshdeskClient,
  MAX_PAGES,
  PER_PAGE,
} from '@parley/translation-proxy/helpdesks/freshdesk';
import { freshdeskApi, type FreshdeskConversation } from '../msw/freshdesk.js';

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

const CUSTOMER_LINES = [
  'Mi pedido no ha llegado todavía.',
  'Le colis est arrivé abîmé.',
  'Die Rechnung stimmt nicht.',
  '注文した商品がまだ届きません。',
];

/** A long thread: the customer (incoming) and agent 80012 taking turns, oldest first. */
function longThread(ticketId: number, count: number): FreshdeskConversation[] {
  return Array.from({ length: count }, (_, i) => {
    const incoming = i % 2 === 0;
    const body = incoming
      ? `<div>${CUSTOMER_LINES[i % CUSTOMER_LINES.length]} (#${i + 1})</div>`
      : `<div>We are looking into it (#${i + 1}).</div>`;
    const at = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
    return {
      id: 47_100_000_000 + i,
      body,
      body_text: body.replace(/<[^>]*>/g, ''),
      ticket_id: ticketId,
      user_id: incoming ? 601 : 80012,
      private: false,
      incoming,
      created_at: at,
      updated_at: at,
    };
  });
}

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

  it('reads every conversation of a ticket with more than 100, page by page, oldest first', async () => {
    api.tickets.set('130', longThread(130, 250));
    const conversations = await client.conversations('130');
    expect(conversations.map((c) => c.id)).toEqual(api.tickets.get('130')?.map((c) => c.id));
    expect(conversations).toHaveLength(250);
    expect(api.requests.map((r) => `${r.path}${r.query}`)).toEqual([
      `/api/v2/tickets/130/conversations?per_page=${PER_PAGE}&page=1`,
      `/api/v2/tickets/130/conversations?per_page=${PER_PAGE}&page=2`,
      `/api/v2/tickets/130/conversations?per_page=${PER_PAGE}&page=3`,
    ]);
  });

  it('reads a ticket of exactly one full page with a single call', async () => {
    api.tickets.set('131', longThread(131, 100));
    expect(await client.conversations('131')).toHaveLength(100);
    expect(api.requests).toHaveLength(1);
  });

  it(`stops after ${MAX_PAGES} pages of a ticket that has even more`, async () => {
    api.tickets.set('132', longThread(132, MAX_PAGES * PER_PAGE + 40));
    const conversations = await client.conversations('132');
    expect(conversations).toHaveLength(MAX_PAGES * PER_PAGE);
    expect(api.requests).toHaveLength(MAX_PAGES);
  });

  it('does not call a reply unposted when it cannot read the whole thread', async () => {
    api.tickets.set('135', longThread(135, MAX_PAGES * PER_PAGE + 40));
    // Whether this reply went out can only be told from the pages past the last one read.
    const lookup = client.findPosted('135', reply, Date.now() - 1_000);
    await expect(lookup).rejects.toMatchObject({ name: 'HelpdeskError', failure: 'unavailable' });
  });

  it('gives all pages of one read the time of a single call', async () => {
    api.tickets.set('134', longThread(134, 250));
    const slowPage = async (_request: Request, commit: () => Promise<Response>) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return commit();
    };
    api.faults.add(slowPage, 3);
    // Each page alone answers within the 300 ms timeout; the three together do not.
    const read = freshdeskClient(credentials, api.origin, 300).conversations('134');
    await expect(read).rejects.toMatchObject({ name: 'HelpdeskError', failure: 'unavailable' });
  });

  it('finds a reply it already posted after the first 100 conversations', async () => {
    api.tickets.set('133', longThread(133, 150));
    const posted = await client.post('133', reply);
    const since = Date.now() - 1_000;
    expect(await client.findPosted('133', reply, since)).toBe(posted);
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

describe('Freshdesk client: who a user is and whose a ticket is', () => {
  it('calls an agent an agent, and a deactivated one inactive', async () => {
    api.addAgent('80012');
    api.addAgent('80013', false);
    expect(await client.person('80012')).toBe('agent');
    expect(await client.person('80013')).toBe('inactive');
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/api/v2/agents/80012' });
  });

  it("answers undefined for a contact's id, which /agents does not know (404)", async () => {
    expect(await client.person('601')).toBeUndefined();
  });

  it("reads the ticket's requester, and undefined for an unknown ticket", async () => {
    api.addTicket('120', 601);
    expect(await client.ticket('120')).toEqual({ requesterId: '601' });
    expect(await client.ticket('121')).toBeUndefined();
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/api/v2/tickets/120' });
  });

  it('classifies an unreachable Freshdesk as unavailable, never as "no such agent"', async () => {
    api.faults.add(() => 'network_error');
    const error = await failure(() => client.person('80012'));
    expect(error.failure).toBe('unavailable');
  });
});
