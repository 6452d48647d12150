/**
 * Freshdesk API v2 stand-in for reply posting, following Freshdesk's documented shapes:
 * - auth: `Authorization: Basic base64(API_KEY:X)`; otherwise 401 `{"code":"invalid_credentials",
 *   "message":"You have to be logged in to perform this action."}`.
 * - `POST /api/v2/tickets/{id}/reply {body, user_id?}` → 201 conversation `{id, body, body_text,
 *   ticket_id, user_id, private:false, incoming:false, created_at, updated_at}`.
 * - `POST /api/v2/tickets/{id}/notes {body, private, user_id?}` → 201 the note.
 * - `GET /api/v2/tickets/{id}/conversations?per_page&page` → one page of the conversations, oldest
 *   first (`per_page` 30 by default, at most 100, else 400; `page` from 1), with a
 *   `link: <…&page=N+1>; rel="next"` header while more pages follow.
 * - `GET /api/v2/agents/{id}` → the agent `{id, available, occasional, ticket_scope, type,
 *   contact:{active, email, name}}`; an id that is no agent's (a contact's) → 404.
 * - `GET /api/v2/tickets/{id}` → the ticket `{id, requester_id, responder_id, status, subject}`.
 * - errors: 400 `{"description":"Validation failed","errors":[{field, message, code}]}`, 404 for an
 *   unknown ticket, 429 with `Retry-After` (seconds); `X-RateLimit-Total`, `X-RateLimit-Remaining`
 *   and `X-RateLimit-Used-CurrentRequest` on every answer.
 */
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { faultQueue, type Outcome, type RecordedRequest } from './helpdesk-standin.js';

export interface FreshdeskConversation {
  id: number;
  body: string;
  body_text: string;
  ticket_id: number;
  user_id: number;
  private: boolean;
  incoming: boolean;
  created_at: string;
  updated_at: string;
}

/** The contact who opened a ticket when a test does not say. */
export const FRESHDESK_REQUESTER_ID = 43_000_000_001;

export function freshdeskApi(options: { domain: string; apiKey: string; origin?: string }) {
  const origin = options.origin ?? `https://${options.domain}.freshdesk.com`;
  const tickets = new Map<string, FreshdeskConversation[]>();
  const requesters = new Map<string, number>();
  /** Agent id → whether the agent's account is active. */
  const agents = new Map<string, boolean>();
  const requests: RecordedRequest[] = [];
  const faults = faultQueue();
  let nextId = 47_000_000_001;
  const basic = `Basic ${Buffer.from(`${options.apiKey}:X`).toString('base64')}`;
  const headers = {
    'x-ratelimit-total': '200',
    'x-ratelimit-remaining': '199',
    'x-ratelimit-used-currentrequest': '1',
  };
  const json = (body: JsonBodyType, status = 200, extra: Record<string, string> = {}) =>
    HttpResponse.json(body, { status, headers: { ...headers, ...extra } });

  async function handle(request: Request): Promise<Outcome> {
    const text = request.method === 'GET' ? '' : await request.text();
    requests.push({
      at: Date.now(),
      method: request.method,
      path: new URL(request.url).pathname,
      query: new URL(request.url).search,
      authorization: request.headers.get('authorization'),
      body: text ? (JSON.parse(text) as unknown) : undefined,
    });
    const fault = faults.take(request);
    if (fault) return fault(request, () => respond(request, text));
    return respond(request, text);
  }

  function pageOf(conversations: FreshdeskConversation[], url: URL): Response {
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const positive = (n: number) => Number.isInteger(n) && n >= 1;
    const errors = [
      ...(positive(perPage) && perPage <= 100
        ? []
        : [
            {
              field: 'per_page',
              message: 'It should be a/an Positive Integer less than or equal to 100',
            },
          ]),
      ...(positive(page) ? [] : [{ field: 'page', message: 'It should be a/an Positive Integer' }]),
    ];
    if (errors.length > 0)
      return json(
        {
          description: 'Validation failed',
          errors: errors.map((error) => ({ ...error, code: 'invalid_value' })),
        },
        400,
      );
    const start = (page - 1) * perPage;
    const next = new URL(url);
    next.searchParams.set('page', String(page + 1));
    return json(
      conversations.slice(start, start + perPage),
      200,
      start + perPage < conversations.length ? { link: `<${next.href}>; rel="next"` } : {},
    );
  }

  async function respond(request: Request, text: string): Promise<Response> {
    const url = new URL(request.url);
    if (request.headers.get('authorization') !== basic)
      return json(
        {
          code: 'invalid_credentials',
          message: 'You have to be logged in to perform this action.',
        },
        401,
      );
    const agent = /^\/api\/v2\/agents\/(\d+)$/.exec(url.pathname);
    if (agent && request.method === 'GET') {
      const active = agents.get(agent[1] ?? '');
      if (active === undefined) return new HttpResponse(null, { status: 404, headers });
      return json({
        id: Number(agent[1]),
        available: true,
        occasional: false,
        ticket_scope: 1,
        type: 'support_agent',
        contact: { active, email: `agent${agent[1]}@acme.example`, name: `Agent ${agent[1]}` },
      });
    }
    const show = /^\/api\/v2\/tickets\/(\d+)$/.exec(url.pathname);
    if (show && request.method === 'GET') {
      const requester = requesters.get(show[1] ?? '');
      if (requester === undefined) return new HttpResponse(null, { status: 404, headers });
      return json({
        id: Number(show[1]),
        requester_id: requester,
        responder_id: null,
        status: 2,
        subject: `Ticket ${show[1]}`,
      });
    }
    const match = /^\/api\/v2\/tickets\/(\d+)\/(reply|notes|conversations)$/.exec(url.pathname);
    const conversations = match && tickets.get(match[1] ?? '');
    if (!match || !conversations) return new HttpResponse(null, { status: 404, headers });
    if (match[2] === 'conversations' && request.method === 'GET') return pageOf(conversations, url);
    if (request.method !== 'POST') return new HttpResponse(null, { status: 405, headers });
    const body = JSON.parse(text) as { body?: unknown; private?: boolean; user_id?: number };
    if (typeof body.body !== 'string' || body.body.trim() === '')
      return json(
        {
          description: 'Validation failed',
          errors: [{ field: 'body', message: 'It should be a/an String', code: 'missing_field' }],
        },
        400,
      );
    const now = new Date().toISOString();
    const created: FreshdeskConversation = {
      id: nextId++,
      body: body.body,
      body_text: body.body.replace(/<[^>]*>/g, ''),
      ticket_id: Number(match[1]),
      user_id: body.user_id ?? 1,
      private: match[2] === 'notes' ? body.private !== false : false,
      incoming: false,
      created_at: now,
      updated_at: now,
    };
    conversations.push(created);
    return json(created, 201);
  }

  return {
    origin,
    tickets,
    requests,
    faults,
    handle,
    /** Opens a ticket with no conversations yet, requested by `requesterId`. */
    addTicket(id: string, requesterId = FRESHDESK_REQUESTER_ID) {
      tickets.set(id, []);
      requesters.set(id, requesterId);
    },
    addAgent(id: string, active = true) {
      agents.set(id, active);
    },
    rateLimited: (retryAfterSeconds: number) => () =>
      json({ description: 'You have exceeded the limit of requests per minute' }, 429, {
        'retry-after': String(retryAfterSeconds),
      }),
    handlers: [
      http.all(`${origin}/api/v2/*`, async ({ request }) => {
        const response = await handle(request);
        return response === 'network_error' ? HttpResponse.error() : response;
      }),
    ],
  };
}

export type FreshdeskApi = ReturnType<typeof freshdeskApi>;
