/**
 * Zendesk Support API: a comment is added by updating the ticket (`PUT /api/v2/tickets/{id}.json`
 * with `ticket.comment {html_body, public, author_id}`); the new comment's id is the `Comment`
 * event of the returned audit. Zendesk has no idempotency key for ticket updates, so a possibly
 * posted comment is looked up in `GET /api/v2/tickets/{id}/comments.json` (newest first). Who a
 * user is comes from `GET /api/v2/users/{id}.json` (`role`: end-user, agent or admin; `active`
 * false once deleted; `suspended`), whose a ticket is from `GET /api/v2/tickets/{id}.json`.
 */
import axios from 'axios';
import { classify, comparableText, lookUp, type HelpdeskClient } from './client.js';
import type { HelpdeskCredentials } from './credentials.js';

type ZendeskCredentials = Extract<HelpdeskCredentials, { helpdesk: 'zendesk' }>;

interface ZendeskComment {
  id: number;
  author_id?: number;
  public?: boolean;
  body?: string;
  html_body?: string;
  plain_body?: string;
  created_at?: string;
}

const describe = (body: unknown): string | undefined => {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? body : undefined;
  const { error, description, details } = body as {
    error?: string | { title?: string; message?: string };
    description?: string;
    details?: unknown;
  };
  const title = typeof error === 'string' ? error : (error?.message ?? error?.title);
  return [title, description, details ? JSON.stringify(details) : undefined]
    .filter(Boolean)
    .join(': ');
};

export function zendeskClient(
  credentials: ZendeskCredentials,
  origin: string,
  timeoutMs = 15_000,
): HelpdeskClient {
  const http = axios.create({
    baseURL: `${origin}/api/v2`,
    timeout: timeoutMs,
    headers: {
      'content-type': 'application/json',
      authorization: credentials.oauthToken
        ? `Bearer ${credentials.oauthToken}`
        : `Basic ${Buffer.from(`${credentials.email}/token:${credentials.apiToken}`).toString('base64')}`,
    },
  });
  return {
    person: (userId) =>
      lookUp(
        async () => {
          const { data } = await http.get<{
            user?: { role?: string; active?: boolean; suspended?: boolean };
          }>(`/users/${encodeURIComponent(userId)}.json`);
          const user = data.user;
          if (!user) return undefined;
          if (user.active === false || user.suspended === true) return 'inactive';
          return user.role === 'agent' || user.role === 'admin' ? 'agent' : 'end-user';
        },
        'Zendesk',
        describe,
      ),

    ticket: (ticketId) =>
      lookUp(
        async () => {
          const { data } = await http.get<{ ticket?: { requester_id?: number | null } }>(
            `/tickets/${encodeURIComponent(ticketId)}.json`,
          );
          return data.ticket ? { requesterId: String(data.ticket.requester_id ?? '') } : undefined;
        },
        'Zendesk',
        describe,
      ),

    async post(ticketId, comment) {
      try {
        const { data } = await http.put<{
          audit?: { events?: { id: number; type: string }[] };
        }>(`/tickets/${encodeURIComponent(ticketId)}.json`, {
          ticket: {
            comment: {
              html_body: comment.html,
              public: comment.public,
              ...(comment.authorId ? { author_id: Number(comment.authorId) } : {}),
            },
          },
        });
        const event = data.audit?.events?.find((candidate) => candidate.type === 'Comment');
        if (!event) throw new Error('Zendesk answered without a Comment event in the audit');
        return String(event.id);
      } catch (error) {
        throw classify(error, 'Zendesk', describe);
      }
    },

    async findPosted(ticketId, comment, since) {
      try {
        const { data } = await http.get<{ comments: ZendeskComment[] }>(
          `/tickets/${encodeURIComponent(ticketId)}/comments.json`,
          { params: { sort_order: 'desc', per_page: 100 } },
        );
        const wanted = comparableText(comment.html);
        // Clocks differ: accept comments from a minute before the attempt was recorded.
        const found = data.comments.find(
          (candidate) =>
            (candidate.public ?? true) === comment.public &&
            (!comment.authorId || String(candidate.author_id) === comment.authorId) &&
            (!candidate.created_at || Date.parse(candidate.created_at) >= since - 60_000) &&
            comparableText(candidate.html_body ?? candidate.body ?? '') === wanted,
        );
        return found ? String(found.id) : undefined;
      } catch (error) {
        throw classify(error, 'Zendesk', describe);
      }
    },
  };
}
