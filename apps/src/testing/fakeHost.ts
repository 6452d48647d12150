/**
 * A `HelpdeskHost` for unit tests: a ticket held in memory, a proxy stand-in given as a function
 * of the request, a record of what the app inserted, notified, requested and resized to, and a reply editor
 * whose sends the app may check.
 */
import {
  ProxyError,
  type HelpdeskHost,
  type InsertedFormat,
  type ProxyRequest,
  type SendCheck,
  type SendDecision,
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
  const heights: number[] = [];
  let sendCheck: SendCheck | undefined;

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
    resize(height) {
      heights.push(height);
    },
    onReplySending(check) {
      sendCheck = check;
      return () => {
        if (sendCheck === check) sendCheck = undefined;
      };
    },
  };

  return {
    host,
    inserted,
    notices,
    requests,
    /** Every height the app asked its frame to be, in order. */
    heights,
    /** The agent sends `html` from the helpdesk's own editor: what the app's check decides. */
    sendFromEditor(html: string): Promise<SendDecision> {
      return sendCheck ? sendCheck({ html }) : Promise.resolve({ send: true });
    },
    /** Replaces the ticket's comments and fires "comments changed", as the helpdesk would. */
    changeComments(next: TicketComment[]) {
      current = next;
      listeners.forEach((listener) => listener());
    },
  };
}
