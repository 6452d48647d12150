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
    /** Opens a ticket with no comments yet. */
    addTicket(id: string) {
      tickets.set(id, []);
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
