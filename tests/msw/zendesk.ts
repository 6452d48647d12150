/**
 * Zendesk Support API stand-in for reply posting, following Zendesk's documented shapes:
 * - auth: `Authorization: Basic base64(email/token:API_TOKEN)` or `Bearer <oauth token>`;
 *   otherwise 401 `{"error":"Couldn't authenticate you"}`.
 * - `PUT /api/v2/tickets/{id}.json` `{ticket:{comment:{html_body|body, public, author_id}}}` →
 *   200 `{ticket, audit:{id, ticket_id, author_id, created_at, events:[{id, type:"Comment", body,
 *   html_body, public, author_id}]}}`; unknown ticket → 404 `{"error":"RecordNotFound",
 *   "description":"Not found"}`; empty comment → 422 `{"error":"RecordInvalid", "description":
 *   "Record validation errors", "details":{...}}`.
 * - `GET /api/v2/tickets/{id}/comments.json?sort_order=asc|desc` → `{comments:[…], next_page,
 *   previous_page, count}`.
 * - `GET /api/v2/users/{id}.json` → `{user:{id, name, role:"end-user"|"agent"|"admin", active,
 *   suspended}}`; unknown user → 404 `{"error":"RecordNotFound","description":"Not found"}`.
 * - `GET /api/v2/tickets/{id}.json` → `{ticket:{id, status, requester_id, submitter_id}}`; unknown
 *   ticket → the same 404.
 * - rate limit: 429 with `Retry-After` (seconds) and `{"error":"APIRateLimitExceeded"}` (queued
 *   as a fault by tests), and `X-Rate-Limit` / `X-Rate-Limit-Remaining` on every answer.
 */
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { faultQueue, type Outcome, type RecordedRequest } from './helpdesk-standin.js';

export interface ZendeskComment {
  id: number;
  type: 'Comment';
  author_id: number;
  body: string;
  html_body: string;
  plain_body: string;
  public: boolean;
  created_at: string;
}

const RATE_LIMIT = 700;

/** The customer who opened a ticket when a test does not say. */
export const ZENDESK_REQUESTER_ID = 7001;

export interface ZendeskUser {
  role: 'end-user' | 'agent' | 'admin';
  active?: boolean;
  suspended?: boolean;
}

export function zendeskApi(options: {
  subdomain: string;
  email: string;
  apiToken: string;
  /** Accepted as `Authorization: Bearer <token>` too, when given. */
  oauthToken?: string;
  /** Used when the proxy's credentials carry a base URL (a local server). */
  origin?: string;
}) {
  const origin = options.origin ?? `https://${options.subdomain}.zendesk.com`;
  const tickets = new Map<string, ZendeskComment[]>();
  const requesters = new Map<string, number>();
  const users = new Map<string, ZendeskUser>();
  const requests: RecordedRequest[] = [];
  const faults = faultQueue();
  let nextId = 9_000_000_001;
  const basic = `Basic ${Buffer.from(`${options.email}/token:${options.apiToken}`).toString('base64')}`;
  const headers = { 'x-rate-limit': String(RATE_LIMIT), 'x-rate-limit-remaining': '699' };
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

  async function respond(request: Request, text: string): Promise<Response> {
    const url = new URL(request.url);
    const authorization = request.headers.get('authorization');
    const bearer = options.oauthToken ? `Bearer ${options.oauthToken}` : undefined;
    if (authorization !== basic && authorization !== bearer)
      return json({ error: "Couldn't authenticate you" }, 401);

    const notFound = () => json({ error: 'RecordNotFound', description: 'Not found' }, 404);
    const user = /^\/api\/v2\/users\/(\d+)(\.json)?$/.exec(url.pathname);
    if (user && request.method === 'GET') {
      const found = users.get(user[1] ?? '');
      if (!found) return notFound();
      return json({
        user: {
          id: Number(user[1]),
          name: `User ${user[1]}`,
          role: found.role,
          active: found.active ?? true,
          suspended: found.suspended ?? false,
        },
      });
    }
    const show = /^\/api\/v2\/tickets\/(\d+)(\.json)?$/.exec(url.pathname);
    if (show && request.method === 'GET') {
      const requester = requesters.get(show[1] ?? '');
      if (requester === undefined) return notFound();
      return json({
        ticket: {
          id: Number(show[1]),
          status: 'open',
          requester_id: requester,
          submitter_id: requester,
        },
      });
    }
    const update = /^\/api\/v2\/tickets\/(\d+)\.json$/.exec(url.pathname);
    if (update && request.method === 'PUT') {
      const comments = tickets.get(update[1] ?? '');
      if (!comments) return json({ error: 'RecordNotFound', description: 'Not found' }, 404);
      const body = JSON.parse(text) as {
        ticket?: {
          comment?: { html_body?: string; body?: string; public?: boolean; author_id?: number };
        };
      };
      const comment = body.ticket?.comment;
      const html = comment?.html_body ?? comment?.body ?? '';
      if (html.trim() === '')
        return json(
          {
            error: 'RecordInvalid',
            description: 'Record validation errors',
            details: { base: [{ description: 'Comment: cannot be blank', error: 'BlankValue' }] },
          },
          422,
        );
      const created: ZendeskComment = {
        id: nextId++,
        type: 'Comment',
        author_id: comment?.author_id ?? 1,
        body: html.replace(/<[^>]*>/g, ''),
        html_body: html,
        plain_body: html.replace(/<[^>]*>/g, ''),
        public: comment?.public ?? true,
        created_at: new Date().toISOString(),
      };
      comments.push(created);
      return json({
        ticket: { id: Number(update[1]), status: 'open', updated_at: created.created_at },
        audit: {
          id: nextId++,
          ticket_id: Number(update[1]),
          author_id: created.author_id,
          created_at: created.created_at,
          events: [{ ...created }],
        },
      });
    }
    const list = /^\/api\/v2\/tickets\/(\d+)\/comments\.json$/.exec(url.pathname);
    if (list && request.method === 'GET') {
      const comments = tickets.get(list[1] ?? '');
      if (!comments) return json({ error: 'RecordNotFound', description: 'Not found' }, 404);
      const ordered =
        url.searchParams.get('sort_order') === 'desc' ? [...comments].reverse() : comments;
      return json({
        comments: ordered,
        next_page: null,
        previous_page: null,
        count: comments.length,
      });
    }
    return json({ error: 'InvalidEndpoint', description: 'Not found' }, 404);
  }

  return {
    origin,
    tickets,
    requests,
    faults,
    handle,
    users,
    /** Opens a ticket with no comments yet, requested by `requesterId`. */
    addTicket(id: string, requesterId = ZENDESK_REQUESTER_ID) {
      tickets.set(id, []);
      requesters.set(id, requesterId);
    },
    addUser(id: string, user: ZendeskUser) {
      users.set(id, user);
    },
    /** A 429 as Zendesk sends it. */
    rateLimited: (retryAfterSeconds: number) => () =>
      json(
        {
          error: 'APIRateLimitExceeded',
          description: 'Number of allowed API requests per minute exceeded',
        },
        429,
        {
          'retry-after': String(retryAfterSeconds),
        },
      ),
    handlers: [
      http.all(`${origin}/api/v2/*`, async ({ request }) => {
        const response = await handle(request);
        return response === 'network_error' ? HttpResponse.error() : response;
      }),
    ],
  };
}

export type ZendeskApi = ReturnType<typeof zendeskApi>;
