/**
 * A stand-in for Zendesk's side of the ZAF postMessage protocol, spoken exactly as the real
 * `zendesk_app_framework_sdk` expects it (see its lib/client.js): it answers the iframe's
 * `iframe.handshake` with `zaf.app.registered`, `get`/`set`/`invoke` by message id, `request:N`
 * with `zaf.request:N.done|fail`, and pushes `zaf.<event>` messages. Requests are sent to the real
 * proxy, with `{{setting.…}}` placeholders filled in here (Zendesk does that server-side) so the
 * app itself never holds the secure key.
 */
import type { FixtureComment, TicketFixture } from './fixtures.js';

export interface StandInUser {
  id: number;
  name: string;
  locale: string;
}

export interface ZafHostStandInOptions {
  iframe: HTMLIFrameElement;
  ticket: TicketFixture;
  currentUser: StandInUser;
  /** Non-secure settings: visible to the app through `client.metadata()`. */
  settings: Record<string, string>;
  /** Secure settings: only ever substituted into outgoing requests, never sent to the app. */
  secureSettings: Record<string, string>;
  useRichText: boolean;
  /** What the reply editor holds (`comment.text`): HTML in a rich-text editor, else plain text. */
  commentText: () => string;
  onInsert: (format: 'html' | 'text', content: string) => void;
  onNotify: (message: string, kind: string) => void;
  /** ZAF's `resize` action: the app asks for its frame's height (a CSS length, `'400px'`). */
  onResize: (height: string) => void;
  /** Called for every message exchanged, for the playground's protocol log. */
  onTraffic?: (direction: 'in' | 'out', message: unknown) => void;
}

interface RequestOptions {
  url: string;
  type?: string;
  contentType?: string;
  data?: string;
  headers?: Record<string, string>;
  secure?: boolean;
}

type Incoming = {
  id?: number;
  request?: 'get' | 'set' | 'invoke';
  params?: unknown;
  key?: string;
  message?: unknown;
};

const APP_GUID = 'parley-playground';
/** The playground does not wait for an app that never answers a hook. */
const HOOK_TIMEOUT_MS = 30_000;

/** The app's answer to a hook: go ahead, or stop with the message the SDK sent back. */
export type HookAnswer = { ok: true } | { ok: false; message: string };

export class ZafHostStandIn {
  private readonly comments: FixtureComment[];
  private readonly listener = (event: MessageEvent) => this.receive(event);
  private readonly appOrigin: string;
  private readonly hookReplies = new Map<string, (answer: HookAnswer) => void>();

  constructor(private readonly options: ZafHostStandInOptions) {
    this.comments = [...options.ticket.comments];
    this.appOrigin = new URL(options.iframe.src, location.href).origin;
  }

  /**
   * The URL the app iframe must be loaded from: ZAF passes the host origin and app guid in it, and
   * Zendesk its colour scheme.
   */
  static appUrl(assetsUrl: string, colorScheme: 'light' | 'dark' = 'light'): string {
    const url = new URL(assetsUrl, location.href);
    url.searchParams.set('origin', location.origin);
    url.searchParams.set('app_guid', APP_GUID);
    url.searchParams.set('colorScheme', colorScheme);
    return url.toString();
  }

  start(): void {
    window.addEventListener('message', this.listener);
  }

  stop(): void {
    window.removeEventListener('message', this.listener);
  }

  /** Adds a comment to the ticket and tells the app, as Zendesk does when a comment arrives. */
  addComment(comment: FixtureComment): void {
    this.comments.push(comment);
    this.emit('ticket.comments.changed', this.comments);
  }

  /**
   * Asks the app's `ticket.save` hook whether the ticket may be submitted. The SDK answers every
   * hook message, with `error.msg` when a handler said no (`false`, a string, a rejection).
   */
  save(): Promise<HookAnswer> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ ok: true }), HOOK_TIMEOUT_MS);
      this.hookReplies.set('ticket.save', (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.post({ key: 'zaf.ticket.save', needsReply: true });
    });
  }

  private post(message: Record<string, unknown>): void {
    this.options.onTraffic?.('out', message);
    this.options.iframe.contentWindow?.postMessage(JSON.stringify(message), this.appOrigin);
  }

  private emit(event: string, message: unknown): void {
    this.post({ key: `zaf.${event}`, message });
  }

  private receive(event: MessageEvent): void {
    if (event.source !== this.options.iframe.contentWindow || event.origin !== this.appOrigin)
      return;
    let data: Incoming;
    try {
      data =
        typeof event.data === 'string'
          ? (JSON.parse(event.data) as Incoming)
          : (event.data as Incoming);
    } catch {
      return;
    }
    this.options.onTraffic?.('in', data);
    if (data.request && typeof data.id === 'number') {
      this.post({ id: data.id, result: this.answer(data.request, data.params) });
    } else if (data.key === 'iframe.handshake') {
      this.post({ key: 'zaf.app.registered', message: this.registration() });
    } else if (data.key && /^request:\d+$/.test(data.key)) {
      void this.forward(data.key, data.message as RequestOptions);
    } else if (data.key?.startsWith('iframe.reply:')) {
      const hook = data.key.slice('iframe.reply:'.length);
      const error = (data as { error?: { msg?: unknown } }).error;
      this.hookReplies.get(hook)?.(
        error
          ? { ok: false, message: typeof error.msg === 'string' ? error.msg : '' }
          : { ok: true },
      );
      this.hookReplies.delete(hook);
    }
    // iframe.on:/iframe.off: subscriptions need no answer: every event is sent to the one app.
  }

  private registration() {
    return {
      metadata: {
        appId: 0,
        installationId: 0,
        name: 'Parley',
        version: 'playground',
        settings: this.options.settings,
      },
      context: {
        product: 'support',
        location: 'ticket_sidebar',
        ticketId: this.options.ticket.id,
        instanceGuid: APP_GUID,
        account: { subdomain: 'playground' },
      },
    };
  }

  private data(): Record<string, unknown> {
    const { ticket, currentUser, useRichText } = this.options;
    return {
      ticket: {
        id: ticket.id,
        subject: ticket.subject,
        requester: ticket.requester,
        comments: this.comments,
      },
      currentUser,
      comment: {
        useRichText,
        text: this.options.commentText(),
        type: 'publicReply',
      },
    };
  }

  private answer(request: 'get' | 'set' | 'invoke', params: unknown): Record<string, unknown> {
    const result: Record<string, unknown> = { errors: {} };
    const errors = result.errors as Record<string, unknown>;
    if (request === 'get') {
      const data = this.data();
      for (const path of params as string[]) {
        const value = path
          .split('.')
          .reduce<unknown>(
            (node, key) =>
              node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
            data,
          );
        if (value === undefined)
          errors[path] = { name: 'APIUnavailable', message: `"${path}" Could not find handler` };
        else result[path] = value;
      }
    } else if (request === 'invoke') {
      for (const [name, args] of Object.entries(params as Record<string, unknown[]>)) {
        const first = String(args[0] ?? '');
        if (name === 'comment.appendHtml' || name === 'ticket.editor.insert')
          this.options.onInsert('html', first);
        else if (name === 'comment.appendText') this.options.onInsert('text', first);
        else if (name === 'notify') this.options.onNotify(first, String(args[1] ?? 'notice'));
        else if (name === 'resize')
          this.options.onResize(String((args[0] as { height?: unknown } | undefined)?.height));
        else errors[name] = { name: 'APIUnavailable', message: `"${name}" Could not find handler` };
        result[name] = null;
      }
    } else {
      for (const name of Object.keys(params as Record<string, unknown>)) {
        errors[name] = {
          name: 'APIUnavailable',
          message: `"${name}" is read-only in the playground`,
        };
      }
    }
    return result;
  }

  /** Fills `{{setting.name}}` from the settings, as Zendesk's proxy does for secure requests only. */
  private fill(text: string, secure: boolean): string {
    if (!secure) return text;
    const all = { ...this.options.settings, ...this.options.secureSettings };
    return text.replace(
      /\{\{setting\.(\w+)\}\}/g,
      (placeholder, name: string) => all[name] ?? placeholder,
    );
  }

  private async forward(key: string, options: RequestOptions): Promise<void> {
    const secure = options.secure === true;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(options.headers ?? {}))
      headers[name] = this.fill(value, secure);
    if (options.contentType) headers['Content-Type'] = options.contentType;
    const method = (options.type ?? 'GET').toUpperCase();
    try {
      const response = await fetch(this.fill(options.url, secure), {
        method,
        headers,
        ...(method !== 'GET' && options.data !== undefined ? { body: options.data } : {}),
      });
      const responseText = await response.text();
      let responseJSON: unknown;
      try {
        responseJSON = JSON.parse(responseText);
      } catch {
        responseJSON = undefined;
      }
      const xhr = {
        status: response.status,
        statusText: response.statusText,
        responseText,
        responseJSON,
      };
      if (response.ok) {
        this.emit(`${key}.done`, { responseArgs: [responseJSON ?? responseText, 'success', xhr] });
      } else {
        this.emit(`${key}.fail`, { responseArgs: [xhr] });
      }
    } catch {
      this.emit(`${key}.fail`, {
        responseArgs: [{ status: 0, statusText: 'error', responseText: '' }],
      });
    }
  }
}
