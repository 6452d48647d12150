/**
 * A `HelpdeskHost` for unit tests: a ticket held in memory, a proxy stand-in given as a function
 * of the request, and a record of what the app inserted, notified and requested.
 */
import {
  ProxyError,
  type HelpdeskHost,
  type InsertedFormat,
  type ProxyRequest,
  type TicketComment,
  type TicketContext,
} from '../host/helpdeskHost.js';

export type FakeProxy = (request: ProxyRequest) => unknown;

export interface FakeHostOptions {
  comments: TicketComment[];
  proxy: FakeProxy;
  context?: Partial<TicketContext>;
  richText?: boolean;
}

export function createFakeHost({ comments, proxy, context, richText = true }: FakeHostOptions) {
  let current = comments;
  const listeners = new Set<() => void>();
  const inserted: { format: InsertedFormat; html: string; text: string }[] = [];
  const notices: string[] = [];
  const requests: ProxyRequest[] = [];

  const host: HelpdeskHost = {
    context: {
      helpdesk: 'zendesk',
      ticketId: '1001',
      requesterLocale: 'es-ES',
      agentLocale: 'en-US',
      agentId: '9001',
      defaultMode: 'machine',
      ...context,
    },
    getComments: async () => current,
    onCommentsChanged(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async insertReply({ html, text }) {
      const format: InsertedFormat = richText ? 'html' : 'text';
      inserted.push({ format, html, text });
      return format;
    },
    async request<T>(request: ProxyRequest): Promise<T> {
      requests.push(request);
      const answer = await proxy(request);
      if (answer instanceof ProxyError) throw answer;
      return answer as T;
    },
    notify(message) {
      notices.push(message);
    },
  };

  return {
    host,
    inserted,
    notices,
    requests,
    /** Replaces the ticket's comments and fires "comments changed", as the helpdesk would. */
    changeComments(next: TicketComment[]) {
      current = next;
      listeners.forEach((listener) => listener());
    },
  };
}
