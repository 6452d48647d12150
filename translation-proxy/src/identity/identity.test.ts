// Who is posting, end to end through the HTTP API: Zendesk's signed identity, agents and tickets
// checked with Zendesk and Freshdesk (msw stand-ins of their documented APIs), the tenant's
// settings in SQLite, the embedded Apertium engine.
import { SignJWT } from 'jose';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Proxy } from '../compose.js';
import { createSecretBox } from '../secrets.js';
import { freshdeskApi } from '../../../tests/msw/freshdesk.js';
import { zendeskApi } from '../../../tests/msw/zendesk.js';
import { authorized } from '../../../tests/support/proxy.js';
import {
  reviewRequest,
  startReplyProxy,
  TEST_SECRET_KEY,
  ZENDESK,
} from '../../../tests/fault/replies-support.js';

const FRESHDESK = { helpdesk: 'freshdesk' as const, domain: 'acme', apiKey: 'Ab12Cd34Ef56Gh78' };
const SHARED_SECRET = 'zendesk-app-secret-4f9c2e7a1b8d3f6e0a5c';
const AGENT = '3721';
const zendesk = zendeskApi(ZENDESK);
const freshdesk = freshdeskApi(FRESHDESK);
const server = setupServer(...zendesk.handlers, ...freshdesk.handlers);
const box = createSecretBox(Buffer.from(TEST_SECRET_KEY, 'hex'));
let proxy: Proxy;
let ticket = 6000;

/** A tenant as `npm run tenant -- create` makes one, with both helpdesks' credentials. */
async function createTenant(name: string) {
  const tenant = await proxy.store.tenants.create({ name });
  const { key } = await proxy.store.apiKeys.issue(tenant.id, 'sidebar');
  for (const credentials of [ZENDESK, FRESHDESK])
    await proxy.store.helpdeskConnections.setSealedCredentials(
      tenant.id,
      credentials.helpdesk,
      box.seal(JSON.stringify(credentials)),
    );
  return { id: tenant.id, authorization: `Bearer ${key}` };
}

let signedOnly: Awaited<ReturnType<typeof createTenant>>;
let verified: Awaited<ReturnType<typeof createTenant>>;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'bypass' });
  proxy = await startReplyProxy();
  signedOnly = await createTenant('Acme (signed only)');
  await proxy.store.identity.setZendeskSecret(signedOnly.id, box.seal(SHARED_SECRET));
  verified = await createTenant('Acme (unsigned verified)');
  await proxy.store.identity.setUnsigned(verified.id, 'verify');
  zendesk.addUser(AGENT, { role: 'agent' });
  freshdesk.addAgent('80012');
});
afterEach(() => {
  zendesk.faults.clear();
  freshdesk.faults.clear();
});
afterAll(async () => {
  await proxy.close();
  server.close();
});

/** A new Zendesk ticket, so no answer about it is cached yet. */
function newTicket(requesterId?: number): string {
  const id = String(++ticket);
  zendesk.addTicket(id, requesterId);
  freshdesk.addTicket(id, requesterId);
  return id;
}

/** A token as Zendesk's request proxy signs it for the app (`jwt` option of `client.request`). */
async function zendeskToken(
  claims: { sub?: string; iss?: string; expiresIn?: string | number } = {},
  secret = SHARED_SECRET,
  alg = 'HS256',
) {
  return new SignJWT({})
    .setProtectedHeader({ alg, typ: 'JWT' })
    .setSubject(claims.sub ?? AGENT)
    .setIssuer(claims.iss ?? ZENDESK.subdomain)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '2m')
    .sign(new TextEncoder().encode(secret));
}

async function postReply(
  tenant: { authorization: string },
  payload: object,
  headers: Record<string, string> = {},
) {
  return proxy.app.inject({
    method: 'POST',
    url: '/v1/replies',
    headers: { authorization: tenant.authorization, ...headers },
    payload,
  });
}

/** A review request without an author: the signed identity names it. */
const signedRequest = (ticketId: string) => {
  const { authorId: _unsigned, ...request } = reviewRequest(ticketId, '<p>We are on it.</p>');
  return request;
};

const refusal = (response: { statusCode: number; json(): unknown }) => ({
  status: response.statusCode,
  code: (response.json() as { error?: { code?: string } }).error?.code,
});

describe("Zendesk's signed identity", () => {
  it("queues the reply as the agent the token names, checked with Zendesk's API", async () => {
    const ticketId = newTicket();
    const response = await postReply(signedOnly, signedRequest(ticketId), {
      'x-parley-identity': await zendeskToken(),
    });
    expect(response.statusCode).toBe(201);
    const job = await proxy.store.replyJobs.get(response.json().id, signedOnly.id);
    expect(job?.authorId).toBe(AGENT);
  });

  it('matches the issuer to credentials whose subdomain an admin typed in capitals', async () => {
    const tenant = await createTenant('Acme (capitals)');
    await proxy.store.helpdeskConnections.setSealedCredentials(
      tenant.id,
      'zendesk',
      box.seal(JSON.stringify({ ...ZENDESK, subdomain: 'ACME' })),
    );
    await proxy.store.identity.setZendeskSecret(tenant.id, box.seal(SHARED_SECRET));
    const response = await postReply(tenant, signedRequest(newTicket()), {
      'x-parley-identity': await zendeskToken(),
    });
    expect(response.statusCode).toBe(201);
  });

  it('refuses a token signed with another secret', async () => {
    const token = await zendeskToken({}, 'a-forged-secret-that-is-long-enough-0000');
    const response = await postReply(signedOnly, signedRequest(newTicket()), {
      'x-parley-identity': token,
    });
    expect(refusal(response)).toEqual({ status: 403, code: 'agent_unverified' });
    expect(response.json().error.message).toContain('signature');
  });

  it('refuses an expired token, beyond the minute of clock skew', async () => {
    const token = await zendeskToken({ expiresIn: Math.floor(Date.now() / 1000) - 90 });
    const response = await postReply(signedOnly, signedRequest(newTicket()), {
      'x-parley-identity': token,
    });
    expect(refusal(response)).toEqual({ status: 403, code: 'agent_unverified' });
    expect(response.json().error.message).toContain('expired');
  });

  it("refuses a token issued for another Zendesk account than the tenant's", async () => {
    const token = await zendeskToken({ iss: 'globex' });
    const response = await postReply(signedOnly, signedRequest(newTicket()), {
      'x-parley-identity': token,
    });
    expect(refusal(response)).toEqual({ status: 403, code: 'agent_unverified' });
    expect(response.json().error.message).toContain('another Zendesk account');
  });

  it('refuses a token signed with another algorithm than HS256', async () => {
    const token = await zendeskToken({}, SHARED_SECRET, 'HS512');
    const response = await postReply(signedOnly, signedRequest(newTicket()), {
      'x-parley-identity': token,
    });
    expect(refusal(response)).toEqual({ status: 403, code: 'agent_unverified' });
  });

  it('refuses an unsigned token (alg none) that names an agent', async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + 60;
    const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({ iss: 'acme', sub: AGENT, exp })}.`;
    const response = await postReply(signedOnly, signedRequest(newTicket()), {
      'x-parley-identity': token,
    });
    expect(refusal(response)).toEqual({ status: 403, code: 'agent_unverified' });
  });

  it('refuses a token valid for hours: Zendesk signs each request for minutes', async () => {
    const token = await zendeskToken({ expiresIn: '6h' });
    const response = await postReply(signedOnly, signedRequest(newTicket()), {
      'x-parley-identity': token,
    });
    expect(refusal(response)).toEqual({ status: 403, code: 'agent_unverified' });
  });

  it('refuses a token whose subject is not a Zendesk user id', async () => {
    const token = await zendeskToken({ sub: 'admin@acme.example' });
    const response = await postReply(signedOnly, signedRequest(newTicket()), {
      'x-parley-identity': token,
    });
    expect(refusal(response)).toEqual({ status: 403, code: 'agent_unverified' });
    expect(response.json().error.message).toContain('user id');
  });

  it('refuses a body authorId that is not the agent the token names', async () => {
    const response = await postReply(
      signedOnly,
      { ...signedRequest(newTicket()), authorId: '3999' },
      { 'x-parley-identity': await zendeskToken() },
    );
    expect(refusal(response)).toEqual({ status: 403, code: 'agent_unverified' });
  });

  it('refuses an unsigned request when the tenant requires the signed identity', async () => {
    const response = await postReply(
      signedOnly,
      reviewRequest(newTicket(), '<p>We are on it.</p>'),
    );
    expect(refusal(response)).toEqual({ status: 403, code: 'agent_unverified' });
    expect(response.json().error.message).toContain('signed identity');
  });

  it("refuses a signed request as the ticket's requester, even an agent", async () => {
    zendesk.addUser('3730', { role: 'agent' });
    const ticketId = newTicket(3730);
    const response = await postReply(signedOnly, signedRequest(ticketId), {
      'x-parley-identity': await zendeskToken({ sub: '3730' }),
    });
    expect(refusal(response)).toEqual({ status: 403, code: 'agent_unverified' });
    expect(response.json().error.message).toContain('requester');
  });
});

describe('unsigned requests checked with the helpdesk', () => {
  it('queues a reply by an agent on an existing ticket', async () => {
    const response = await postReply(verified, reviewRequest(newTicket(), '<p>We are on it.</p>'));
    expect(response.statusCode).toBe(201);
  });

  it("refuses an end user's id as the author", async () => {
    zendesk.addUser('7020', { role: 'end-user' });
    const response = await postReply(
      verified,
      reviewRequest(newTicket(), '<p>We are on it.</p>', { authorId: '7020' }),
    );
    expect(refusal(response)).toEqual({ status: 403, code: 'agent_unverified' });
    expect(response.json().error.message).toContain('end user');
  });

  it("refuses posting as the ticket's requester", async () => {
    const ticketId = newTicket(7021);
    zendesk.addUser('7021', { role: 'end-user' });
    const response = await postReply(
      verified,
      reviewRequest(ticketId, '<p>I solved it myself.</p>', { authorId: '7021' }),
    );
    expect(refusal(response)).toEqual({ status: 403, code: 'agent_unverified' });
  });

  it('refuses a ticket Zendesk does not have', async () => {
    const response = await postReply(verified, reviewRequest('404404', '<p>We are on it.</p>'));
    expect(refusal(response)).toEqual({ status: 404, code: 'ticket_not_found' });
  });

  it("counts a token as unsigned where the tenant set no secret to check it, the app's default", async () => {
    const response = await postReply(verified, reviewRequest(newTicket(), '<p>We are on it.</p>'), {
      'x-parley-identity': await zendeskToken({}, 'a-secret-parley-was-never-given-0000000'),
    });
    expect(response.statusCode).toBe(201);
  });

  it('refuses every Zendesk request of a tenant that requires signatures but has no secret', async () => {
    const tenant = await createTenant('Acme (no secret yet)');
    const response = await postReply(tenant, signedRequest(newTicket()), {
      'x-parley-identity': await zendeskToken(),
    });
    expect(refusal(response)).toEqual({ status: 403, code: 'agent_unverified' });
    expect(response.json().error.message).toContain('no shared secret');
  });

  it('refuses a request that names no author', async () => {
    const { authorId: _none, ...request } = reviewRequest(newTicket(), '<p>We are on it.</p>');
    const response = await postReply(verified, request);
    expect(refusal(response)).toEqual({ status: 403, code: 'agent_unverified' });
  });

  it('asks Zendesk once about an agent and a ticket, then reuses the answers for minutes', async () => {
    const ticketId = newTicket();
    zendesk.addUser('3740', { role: 'agent' });
    zendesk.requests.length = 0;
    for (const draft of ['<p>One.</p>', '<p>Two.</p>', '<p>Three.</p>']) {
      const response = await postReply(
        verified,
        reviewRequest(ticketId, draft, { authorId: '3740' }),
      );
      expect(response.statusCode).toBe(201);
    }
    expect(zendesk.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /api/v2/users/3740.json',
      `GET /api/v2/tickets/${ticketId}.json`,
    ]);
  });

  it('answers 503 and queues nothing when Zendesk cannot be reached for the check', async () => {
    const ticketId = newTicket();
    zendesk.faults.add(() => 'network_error', 2);
    const response = await postReply(verified, reviewRequest(ticketId, '<p>We are on it.</p>'));
    expect(refusal(response)).toEqual({ status: 503, code: 'identity_check_unavailable' });
    const jobs = await proxy.store.db.query('SELECT id FROM reply_jobs WHERE ticket_id = ?', [
      ticketId,
    ]);
    expect(jobs).toEqual([]);
  });
});

describe('the dev tenant', () => {
  it('trusts the author a request names: it has no helpdesk to ask', async () => {
    const response = await postReply(
      { authorization: authorized.authorization },
      reviewRequest('777777', '<p>We are on it.</p>'),
    );
    expect(response.statusCode).toBe(201);
  });
});

describe('Freshdesk', () => {
  const conversations = (ticketId: string, query = '') =>
    proxy.app.inject({
      method: 'GET',
      url: `/v1/freshdesk/tickets/${ticketId}/conversations${query}`,
      headers: { authorization: signedOnly.authorization },
    });

  it("reads a ticket's conversations for an agent of the account", async () => {
    const ticketId = newTicket();
    const response = await conversations(ticketId, '?agentId=80012');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ conversations: [] });
  });

  it('reads nothing for an id that is no agent of the account', async () => {
    const ticketId = newTicket();
    freshdesk.requests.length = 0;
    const response = await conversations(ticketId, '?agentId=601');
    expect(refusal(response)).toEqual({ status: 403, code: 'agent_unverified' });
    expect(freshdesk.requests.map((request) => request.path)).not.toContain(
      `/api/v2/tickets/${ticketId}/conversations`,
    );
  });

  it('reads nothing without an agent', async () => {
    const response = await conversations(newTicket());
    expect(refusal(response)).toEqual({ status: 403, code: 'agent_unverified' });
  });

  it('refuses a ticket Freshdesk does not have', async () => {
    const response = await conversations('404404', '?agentId=80012');
    expect(refusal(response)).toEqual({ status: 404, code: 'ticket_not_found' });
  });

  it("refuses a reply posted as the ticket's requester", async () => {
    freshdesk.addAgent('80020');
    const ticketId = newTicket(80020);
    const response = await postReply(
      signedOnly,
      reviewRequest(ticketId, '<p>We are on it.</p>', { helpdesk: 'freshdesk', authorId: '80020' }),
    );
    expect(refusal(response)).toEqual({ status: 403, code: 'agent_unverified' });
  });

  it('queues a reply by an agent without a signed identity, even where Zendesk needs one', async () => {
    const response = await postReply(
      signedOnly,
      reviewRequest(newTicket(), '<p>We are on it.</p>', {
        helpdesk: 'freshdesk',
        authorId: '80012',
      }),
    );
    expect(response.statusCode).toBe(201);
  });
});
