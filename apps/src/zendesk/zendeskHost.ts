/**
 * The Zendesk `HelpdeskHost`: reads the ticket through the ZAF client, inserts replies into the
 * ticket's comment editor, holds a submitted reply in a `ticket.save` hook while the sidebar checks
 * it, and calls the proxy through `client.request` with the tenant key as a secure setting, which
 * Zendesk's proxy fills in server-side so the key never reaches the browser. Each call also asks
 * Zendesk's proxy to sign the agent's identity (a JWT with the secure `sharedSecret` setting),
 * which the proxy verifies before posting or reading for that agent.
 */
import type { ZafClient, ZafRequestFailure } from 'zendesk_app_framework_sdk';
import {
  knownValues,
  ProxyError,
  type AuthorRole,
  type HelpdeskHost,
  type ProxyRequest,
  type TicketComment,
  type TicketContext,
} from '../host/helpdeskHost.js';

/** The manifest parameters the app reads (see the top-level manifest.json). */
export interface ZendeskSettings {
  proxyUrl?: string;
  defaultMode?: string;
  agentLanguage?: string;
}

/** A comment as ZAF's `ticket.comments` returns it (only the fields used here). */
interface ZafComment {
  id: number | string;
  value: string;
  createdAt?: string;
  author?: { id?: number; name?: string; role?: string };
}

/** How long Zendesk's signed identity is valid: one request, with room for a slow proxy. */
export const IDENTITY_TOKEN_SECONDS = 120;

/** Zendesk roles: `end-user` is the customer; `agent` and `admin` are staff. */
function roleOf(comment: ZafComment): AuthorRole {
  return comment.author?.role === 'end-user' ? 'customer' : 'agent';
}

function toTicketComment(comment: ZafComment): TicketComment {
  return {
    id: String(comment.id),
    authorRole: roleOf(comment),
    authorName: comment.author?.name ?? '',
    html: comment.value,
    ...(comment.createdAt ? { createdAt: comment.createdAt } : {}),
  };
}

function stringAt(result: Record<string, unknown>, path: string): string | undefined {
  const value = result[path];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Turns a failed `client.request` into the proxy's `{error:{code,message}}`, when it has one. */
export function toProxyError(failure: unknown): ProxyError {
  const response = (failure ?? {}) as ZafRequestFailure;
  let body = response.responseJSON;
  if (body === undefined && response.responseText) {
    try {
      body = JSON.parse(response.responseText);
    } catch {
      // not JSON: an HTML error page from a gateway, handled as unreachable below
    }
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'string') {
    return new ProxyError(error.code, String(error.message ?? error.code), response.status ?? 0);
  }
  return new ProxyError(
    'proxy_unreachable',
    `The Parley proxy did not answer (HTTP ${response.status ?? 0}).`,
    response.status ?? 0,
  );
}

/** Zendesk names its colour scheme in the app frame's URL (`colorScheme=dark`) when it loads the app. */
function colorSchemeOf(search: string): 'light' | 'dark' | undefined {
  const scheme = new URLSearchParams(search).get('colorScheme');
  return scheme === 'dark' || scheme === 'light' ? scheme : undefined;
}

export async function connectZendesk(
  client: ZafClient,
  frameSearch = globalThis.location?.search ?? '',
): Promise<HelpdeskHost> {
  // metadata() resolves once Zendesk has answered the handshake (app.registered).
  const metadata = await client.metadata();
  const settings = metadata.settings as ZendeskSettings;
  const proxyUrl = (settings.proxyUrl ?? '').replace(/\/+$/, '');
  const data = await client.get([
    'ticket.id',
    'ticket.subject',
    'ticket.requester.locale',
    'ticket.requester.name',
    'ticket.requester.email',
    'currentUser.id',
    'currentUser.locale',
    'currentAccount.subdomain',
    'currentUser.name',
    'currentUser.email',
  ]);

  const requesterLocale = stringAt(data, 'ticket.requester.locale');
  const subject = stringAt(data, 'ticket.subject');
  const colorScheme = colorSchemeOf(frameSearch);
  const context: TicketContext = {
    helpdesk: 'zendesk',
    ticketId: stringAt(data, 'ticket.id') ?? '',
    ...(subject ? { subject } : {}),
    agentId: stringAt(data, 'currentUser.id') ?? '',
    agentLocale: settings.agentLanguage?.trim() || stringAt(data, 'currentUser.locale') || 'en',
    defaultMode: settings.defaultMode === 'review' ? 'review' : 'machine',
    ...(requesterLocale ? { requesterLocale } : {}),
    personalData: knownValues([
      ['name', stringAt(data, 'ticket.requester.name')],
      ['email', stringAt(data, 'ticket.requester.email')],
      ['name', stringAt(data, 'currentUser.name')],
      ['email', stringAt(data, 'currentUser.email')],
    ]),
    ...(colorScheme ? { colorScheme } : {}),
  };
  // The claims come from this page; what makes them count is the signature, which only Zendesk's
  // proxy can make. The proxy still asks Zendesk whether this user is an agent (see the README).
  const identity = {
    algorithm: 'HS256' as const,
    secret_key: '{{setting.sharedSecret}}',
    expiry: IDENTITY_TOKEN_SECONDS,
    claims: { iss: stringAt(data, 'currentAccount.subdomain') ?? '', sub: context.agentId },
  };

  return {
    context,

    async getComments() {
      const result = await client.get('ticket.comments');
      const comments = (result['ticket.comments'] ?? []) as ZafComment[];
      return comments.map(toTicketComment);
    },

    onCommentsChanged(callback) {
      const handler = () => callback();
      client.on('ticket.comments.changed', handler);
      return () => client.off('ticket.comments.changed', handler);
    },

    async insertReply({ html, text }) {
      const result = await client.get('comment.useRichText');
      if (result['comment.useRichText'] === true) {
        await client.invoke('comment.appendHtml', html);
        return 'html';
      }
      await client.invoke('comment.appendText', text);
      return 'text';
    },

    async request<T>({ method, path, body, idempotencyKey }: ProxyRequest): Promise<T> {
      const headers: Record<string, string> = {
        // Filled in by Zendesk's request proxy from the secure setting; this page never sees it.
        Authorization: 'Bearer {{setting.proxyApiKey}}',
        // Replaced by Zendesk's proxy with the JWT it signs from `jwt` below.
        'X-Parley-Identity': '{{jwt.token}}',
      };
      if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
      try {
        const response = await client.request<T | string>({
          url: `${proxyUrl}${path}`,
          type: method,
          contentType: 'application/json',
          dataType: 'json',
          headers,
          secure: true,
          cors: false,
          jwt: identity,
          ...(body === undefined ? {} : { data: JSON.stringify(body) }),
        });
        return (typeof response === 'string' ? JSON.parse(response) : response) as T;
      } catch (failure) {
        throw toProxyError(failure);
      }
    },

    notify(message, kind = 'notice') {
      void client.invoke('notify', message, kind);
    },

    resize(height) {
      // ZAF's core `resize` action takes CSS lengths; the sidebar keeps its column's width.
      void client.invoke('resize', { width: '100%', height: `${height}px` });
    },

    onReplySending(check) {
      // Zendesk asks every `ticket.save` hook before it submits the ticket. A hook's promise that
      // rejects stops the submission and its reason is shown to the agent; one that resolves
      // (with anything) lets it go.
      const hook = async (): Promise<void> => {
        const result = await client.get(['comment.text', 'comment.type']).catch(() => undefined);
        const html = result?.['comment.text'];
        // A save without a reply (a status change) or an internal note has no customer to read it.
        if (typeof html !== 'string' || result?.['comment.type'] === 'internalNote') return;
        const decision = await check({ html }).catch(() => ({ send: true }) as const);
        if (!decision.send) throw decision.message;
      };
      client.on('ticket.save', hook);
      return () => client.off('ticket.save', hook);
    },
  };
}
