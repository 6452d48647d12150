/**
 * Freshdesk API v2: `POST /api/v2/tickets/{id}/reply {body}` for the public reply and
 * `POST /api/v2/tickets/{id}/notes {body, private:true}` for the internal note, basic auth
 * `API_KEY:X`. A possibly posted comment is looked up in `GET /api/v2/tickets/{id}/conversations`.
 */
import axios from 'axios';
import { classify, comparableText, type HelpdeskClient } from './client.js';
import type { HelpdeskCredentials } from './credentials.js';

type FreshdeskCredentials = Extract<HelpdeskCredentials, { helpdesk: 'freshdesk' }>;

interface Conversation {
  id: number;
  body?: string;
  body_text?: string;
  private?: boolean;
  user_id?: number;
  created_at?: string;
}

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
): HelpdeskClient {
  const http = axios.create({
    baseURL: `${origin}/api/v2`,
    timeout: timeoutMs,
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${credentials.apiKey}:X`).toString('base64')}`,
    },
  });
  return {
    async post(ticketId, comment) {
      const ticket = encodeURIComponent(ticketId);
      const user = comment.authorId ? { user_id: Number(comment.authorId) } : {};
      try {
        const { data } = comment.public
          ? await http.post<Conversation>(`/tickets/${ticket}/reply`, {
              body: comment.html,
              ...user,
            })
          : await http.post<Conversation>(`/tickets/${ticket}/notes`, {
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
      try {
        const { data } = await http.get<Conversation[]>(
          `/tickets/${encodeURIComponent(ticketId)}/conversations`,
          { params: { per_page: 100 } },
        );
        const wanted = comparableText(comment.html);
        const found = data.find(
          (candidate) =>
            Boolean(candidate.private) === !comment.public &&
            (!candidate.created_at || Date.parse(candidate.created_at) >= since - 60_000) &&
            comparableText(candidate.body ?? '') === wanted,
        );
        return found ? String(found.id) : undefined;
      } catch (error) {
        throw classify(error, 'Freshdesk', describe);
      }
    },
  };
}
