/**
 * Freshdesk API v2, basic auth `API_KEY:X`: `POST /api/v2/tickets/{id}/reply {body}` for the public
 * reply, `POST /api/v2/tickets/{id}/notes {body, private:true}` for the internal note, and
 * `GET /api/v2/tickets/{id}/conversations` for the ticket's replies and notes, oldest first — read
 * for the Freshdesk app's thread and to find a possibly posted comment. That list is paged:
 * `per_page` at most 100, `page` from 1, and a `link` header with `rel="next"` while more follow.
 * `GET /api/v2/agents/{id}` answers for agents only (a customer's id is a 404), with
 * `contact.active`; `GET /api/v2/tickets/{id}` gives the ticket's `requester_id`.
 */
import axios from 'axios';
import { classify, comparableText, HelpdeskError, lookUp, type HelpdeskClient } from './client.js';
import type { HelpdeskCredentials } from './credentials.js';

type FreshdeskCredentials = Extract<HelpdeskCredentials, { helpdesk: 'freshdesk' }>;

/** A conversation as Freshdesk lists it (the fields Parley reads). */
export interface FreshdeskConversation {
  id: number;
  body: string;
  body_text?: string;
  incoming: boolean;
  private: boolean;
  user_id: number;
  created_at: string;
}

export interface FreshdeskClient extends HelpdeskClient {
  /** The ticket's conversations, oldest first, read page by page (at most `MAX_PAGES`). */
  conversations(ticketId: string): Promise<FreshdeskConversation[]>;
}

/** Freshdesk's largest page. */
export const PER_PAGE = 100;
/** Bounds the calls one read makes: 1,000 conversations is more than any thread an agent reads. */
export const MAX_PAGES = 10;

/** Whether a `link` header names a next page (`<…>; rel="next"`). */
const hasNextPage = (link: unknown): boolean =>
  typeof link === 'string' && /;\s*rel="?next"?/i.test(link);

const describe = (body: unknown): string | undefined => {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? body : undefined;
  const { description, message, errors } = body as {
    description?: string;
    message?: string;
    errors?: { field?: string; message?: string; code?: string }[];
  };
  const fields = errors
    ?.map((error) => `${error.field ?? ''} ${error.message ?? error.code ?? ''}`.trim())
    .join('; ');
  return [description ?? message, fields].filter(Boolean).join(': ');
};

export function freshdeskClient(
  credentials: FreshdeskCredentials,
  origin: string,
  timeoutMs = 15_000,
): FreshdeskClient {
  const http = axios.create({
    baseURL: `${origin}/api/v2`,
    timeout: timeoutMs,
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${credentials.apiKey}:X`).toString('base64')}`,
    },
  });
  /** The first `MAX_PAGES` pages, and whether they are all the ticket has. */
  async function readConversations(
    ticketId: string,
  ): Promise<{ conversations: FreshdeskConversation[]; complete: boolean }> {
    const all: FreshdeskConversation[] = [];
    // All pages together get the time of one call: the outbox locks an entry for a fixed number
    // of calls, and a lookup that overran it could let a second worker post the same reply.
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      // The next page is asked of the same origin by number rather than by following the link's
      // URL, so a link can never point the API key at another host.
      for (let page = 1; page <= MAX_PAGES; page++) {
        const { data, headers } = await http.get<FreshdeskConversation[]>(
          `/tickets/${encodeURIComponent(ticketId)}/conversations`,
          { params: { per_page: PER_PAGE, page }, signal },
        );
        all.push(...data);
        if (!hasNextPage(headers.link)) return { conversations: all, complete: true };
      }
    } catch (error) {
      throw classify(error, 'Freshdesk', describe);
    }
    return { conversations: all, complete: false };
  }

  return {
    person: (userId) =>
      lookUp(
        async () => {
          const { data } = await http.get<{ contact?: { active?: boolean } }>(
            `/agents/${encodeURIComponent(userId)}`,
          );
          return data.contact?.active === false ? 'inactive' : 'agent';
        },
        'Freshdesk',
        describe,
      ),

    ticket: (ticketId) =>
      lookUp(
        async () => {
          const { data } = await http.get<{ requester_id?: number | null; deleted?: boolean }>(
            `/tickets/${encodeURIComponent(ticketId)}`,
          );
          return data.deleted === true
            ? undefined
            : { requesterId: String(data.requester_id ?? '') };
        },
        'Freshdesk',
        describe,
      ),

    conversations: async (ticketId) => (await readConversations(ticketId)).conversations,

    async post(ticketId, comment) {
      const ticket = encodeURIComponent(ticketId);
      const user = comment.authorId ? { user_id: Number(comment.authorId) } : {};
      try {
        const { data } = comment.public
          ? await http.post<FreshdeskConversation>(`/tickets/${ticket}/reply`, {
              body: comment.html,
              ...user,
            })
          : await http.post<FreshdeskConversation>(`/tickets/${ticket}/notes`, {
              body: comment.html,
              private: true,
              ...user,
            });
        return String(data.id);
      } catch (error) {
        throw classify(error, 'Freshdesk', describe);
      }
    },

    async findPosted(ticketId, comment, since) {
      const wanted = comparableText(comment.html);
      // Oldest first: a comment posted moments ago is on the last page.
      const { conversations, complete } = await readConversations(ticketId);
      const found = conversations.find(
        (candidate) =>
          Boolean(candidate.private) === !comment.public &&
          (!candidate.created_at || Date.parse(candidate.created_at) >= since - 60_000) &&
          comparableText(candidate.body) === wanted,
      );
      if (found) return String(found.id);
      // Not among the pages read is not "not posted": posting again could post twice. The outbox
      // retries, and after its last attempt fails the reply visibly.
      if (!complete)
        throw new HelpdeskError(
          'unavailable',
          `Freshdesk ticket ${ticketId} has more than ${MAX_PAGES * PER_PAGE} conversations: cannot check whether the reply was already posted`,
        );
      return undefined;
    },
  };
}
