/**
 * The Freshdesk `HelpdeskHost`: reads the ticket through the Freshworks client, loads the thread
 * (the ticket's description plus its conversations) through the proxy, puts replies into
 * Freshdesk's reply editor, and calls the proxy only through the app's request templates
 * (config/requests.json), which Freshworks renders server-side with the secure proxy-key iparam,
 * so the key never reaches the browser.
 */
import {
  knownValues,
  ProxyError,
  type HelpdeskHost,
  type NoticeKind,
  type ProxyRequest,
  type SendCheck,
  type TicketComment,
  type TicketContext,
} from '../host/helpdeskHost.js';
import { createTranslate } from '../i18n/i18n.js';
import { UI_MESSAGES } from '../i18n/uiMessages.js';
import { proxyErrorMessage } from '../i18n/proxyErrorMessage.js';
import type {
  FreshworksClient,
  FreshworksEvent,
  FreshworksRequestFailure,
} from './freshworksClient.js';
import type { FreshdeskConversation } from './freshdeskConversation.js';

/** One request template per proxy endpoint the sidebar calls: the adapter's whole routing table. */
export interface ProxyTemplateRoute {
  template: string;
  method: 'GET' | 'POST';
  /** Matches the `ProxyRequest.path`; its groups become the template's context values. */
  path: RegExp;
  /** Names of the `<%= context.… %>` values the template reads from the path's groups, in order. */
  contextFromPath?: readonly string[];
}

export const PROXY_TEMPLATE_ROUTES: readonly ProxyTemplateRoute[] = [
  { template: 'parleyDetect', method: 'POST', path: /^\/v1\/detect$/ },
  { template: 'parleyTranslate', method: 'POST', path: /^\/v1\/translate$/ },
  { template: 'parleyLanguages', method: 'GET', path: /^\/v1\/languages$/ },
  { template: 'parleyCreateReply', method: 'POST', path: /^\/v1\/replies$/ },
  {
    template: 'parleyGetReply',
    method: 'GET',
    path: /^\/v1\/replies\/([^/]+)$/,
    contextFromPath: ['reply_id'],
  },
  {
    template: 'parleyTicketConversations',
    method: 'GET',
    path: /^\/v1\/freshdesk\/tickets\/(\d+)\/conversations\?agentId=(\d+)$/,
    contextFromPath: ['ticket_id', 'agent_id'],
  },
];

/**
 * The proxy path that returns a Freshdesk ticket's conversations (`GET /api/v2/tickets/{id}/conversations`)
 * to the agent reading them, whom the proxy checks with Freshdesk first.
 */
export const conversationsPath = (ticketId: string, agentId: string) =>
  `/v1/freshdesk/tickets/${encodeURIComponent(ticketId)}/conversations?agentId=${encodeURIComponent(agentId)}`;

interface FreshdeskTicket {
  id?: number | string;
  subject?: string;
  description?: string;
  requester_id?: number | string;
  created_at?: string;
}

interface FreshdeskRequester {
  id?: number | string;
  name?: string;
  email?: string;
  phone?: string;
  mobile?: string;
  language?: string;
}

interface FreshdeskAgent {
  id?: number | string;
  contact?: { name?: string; email?: string; language?: string };
}

/** The iparams the app reads in the browser (config/iparams.json); the proxy key is secure and never here. */
export interface FreshdeskIparams {
  default_mode?: string;
  agent_language?: string;
}

/** How long after a reply or note is sent the thread is read again. */
export const RELOAD_AFTER_SEND_MS = 2_000;

const NOTIFY_TYPES: Record<NoticeKind, string> = {
  notice: 'success',
  alert: 'warning',
  error: 'danger',
};

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/**
 * The reply body in a `ticket.sendReply` event's `helper.getData()`: `{body}` as the reply editor
 * holds it (HTML); undefined when the payload has none, and then the reply is let through unchecked.
 */
export function replyBodyOf(data: unknown): string | undefined {
  const body = (data as { body?: unknown } | null | undefined)?.body;
  return typeof body === 'string' ? body : undefined;
}

/** Turns a failed `invokeTemplate` into the proxy's `{error:{code,message}}`, when it has one. */
export function toProxyError(failure: unknown): ProxyError {
  const { status = 0, response } = (failure ?? {}) as FreshworksRequestFailure;
  let body: unknown;
  try {
    body = response ? JSON.parse(response) : undefined;
  } catch {
    // not JSON: a gateway's error page, handled as unreachable below
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'string') {
    return new ProxyError(error.code, String(error.message ?? error.code), status);
  }
  return new ProxyError(
    'proxy_unreachable',
    `The Parley proxy did not answer (HTTP ${status}).`,
    status,
  );
}

/** The template and its context for a proxy call; throws when the app has no template for it. */
export function templateFor({ method, path, idempotencyKey }: ProxyRequest): {
  template: string;
  context: Record<string, string>;
} {
  for (const route of PROXY_TEMPLATE_ROUTES) {
    const match = route.method === method ? route.path.exec(path) : null;
    if (!match) continue;
    const context: Record<string, string> = {};
    route.contextFromPath?.forEach((name, index) => {
      context[name] = match[index + 1] ?? '';
    });
    if (idempotencyKey) context.idempotency_key = idempotencyKey;
    return { template: route.template, context };
  }
  throw new ProxyError(
    'client_error',
    `The Freshdesk app has no request template for ${method} ${path}.`,
    0,
  );
}

export async function connectFreshdesk(client: FreshworksClient): Promise<HelpdeskHost> {
  const [ticketData, requesterData, agentData, iparams] = await Promise.all([
    client.data.get('ticket'),
    client.data.get('requester'),
    client.data.get('loggedInUser'),
    client.iparams.get() as Promise<FreshdeskIparams>,
  ]);
  const ticket = (ticketData.ticket ?? {}) as FreshdeskTicket;
  const requester = (requesterData.requester ?? {}) as FreshdeskRequester;
  const agent = (agentData.loggedInUser ?? {}) as FreshdeskAgent;
  const ticketId = text(ticket.id) ?? '';
  const requesterId = text(ticket.requester_id) ?? text(requester.id);
  const agentId = text(agent.id) ?? '';
  const requesterLocale = text(requester.language);
  const subject = text(ticket.subject);

  const context: TicketContext = {
    helpdesk: 'freshdesk',
    ticketId,
    ...(subject ? { subject } : {}),
    agentId,
    agentLocale: iparams.agent_language?.trim() || text(agent.contact?.language) || 'en',
    defaultMode: iparams.default_mode === 'review' ? 'review' : 'machine',
    ...(requesterLocale ? { requesterLocale } : {}),
    personalData: knownValues([
      ['name', text(requester.name)],
      ['email', text(requester.email)],
      ['phone', text(requester.phone)],
      ['phone', text(requester.mobile)],
      ['name', text(agent.contact?.name)],
      ['email', text(agent.contact?.email)],
    ]),
  };

  const t = createTranslate(context.agentLocale, UI_MESSAGES);

  // Freshworks has no "off" for events: the intercepting listener is registered once, on the first
  // check, and asks whichever check is current.
  let sendCheck: SendCheck | undefined;
  let intercepting = false;
  const decideSend = (event: FreshworksEvent) => {
    const html = replyBodyOf(event.helper.getData());
    const check = sendCheck;
    if (!check || html === undefined) {
      event.helper.done();
      return;
    }
    check({ html }).then(
      (decision) => (decision.send ? event.helper.done() : event.helper.fail(decision.message)),
      () => event.helper.done(),
    );
  };

  function toTicketComment(conversation: FreshdeskConversation): TicketComment {
    const userId = text(conversation.user_id);
    const fromCustomer =
      conversation.private !== true && (conversation.incoming === true || userId === requesterId);
    const name = fromCustomer
      ? requester.name
      : userId === agentId
        ? agent.contact?.name
        : undefined;
    return {
      id: String(conversation.id),
      authorRole: fromCustomer ? 'customer' : 'agent',
      authorName: name ?? '',
      html: conversation.body,
      ...(conversation.created_at ? { createdAt: conversation.created_at } : {}),
    };
  }

  // Freshdesk keeps the customer's first message as the ticket description, not a conversation.
  const description: TicketComment[] = ticket.description
    ? [
        {
          id: `ticket-${ticketId}`,
          authorRole: 'customer',
          authorName: requester.name ?? '',
          html: ticket.description,
          ...(ticket.created_at ? { createdAt: ticket.created_at } : {}),
        },
      ]
    : [];

  const host: HelpdeskHost = {
    context,

    async getComments() {
      try {
        const { conversations } = await host.request<{ conversations: FreshdeskConversation[] }>({
          method: 'GET',
          path: conversationsPath(ticketId, agentId),
        });
        return [...description, ...conversations.map(toTicketComment)];
      } catch (error) {
        // The first message still gets translated; the agent is told the replies are missing.
        const reason =
          error instanceof ProxyError
            ? proxyErrorMessage(t, context.agentLocale, error)
            : String(error);
        host.notify(t('thread.repliesMissing', { reason }), 'alert');
        return description;
      }
    },

    onCommentsChanged(callback) {
      // Freshworks has no "off": a flag stops the callback once the sidebar no longer listens.
      let listening = true;
      // The event fires as the agent sends, before Freshdesk has stored the conversation.
      const handler = () =>
        setTimeout(() => {
          if (listening) callback();
        }, RELOAD_AFTER_SEND_MS);
      client.events.on('ticket.sendReply', handler);
      client.events.on('ticket.addNote', handler);
      return () => {
        listening = false;
      };
    },

    async insertReply({ html }) {
      // From the sidebar, "click reply" opens Freshdesk's reply editor with the text in it.
      await client.interface.trigger('click', { id: 'reply', text: html });
      return 'html';
    },

    async request<T>(request: ProxyRequest): Promise<T> {
      const { template, context: templateContext } = templateFor(request);
      try {
        const { response } = await client.request.invokeTemplate(template, {
          context: templateContext,
          ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        });
        return JSON.parse(response) as T;
      } catch (failure) {
        throw failure instanceof ProxyError ? failure : toProxyError(failure);
      }
    },

    notify(message, kind = 'notice') {
      void client.interface.trigger('showNotify', { type: NOTIFY_TYPES[kind], message });
    },

    resize(height) {
      // A refused resize leaves the frame at Freshdesk's default height; nothing else depends on it.
      client.instance.resize({ height: `${height}px` }).catch(() => undefined);
    },

    onReplySending(check) {
      sendCheck = check;
      if (!intercepting) {
        intercepting = true;
        client.events.on('ticket.sendReply', decideSend, { intercept: true });
      }
      return () => {
        if (sendCheck === check) sendCheck = undefined;
      };
    },
  };
  return host;
}
