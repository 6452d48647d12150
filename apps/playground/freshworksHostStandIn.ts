/**
 * A stand-in for Freshdesk's side of a Freshworks app: answers the stand-in client in the app's
 * iframe with the ticket fixture (`data.get`), the non-secure iparams (`iparams.get`), records what
 * the app triggers (reply editor, notices), fires ticket events (with intercept decisions), and
 * renders the app's request templates the way Freshworks does server-side — iparams, including
 * the secure proxy key, and context values filled in — then sends them to the real proxy. The
 * ticket's replies are the one exception by default: the proxy would read them from Freshdesk's
 * API with the tenant's Freshdesk key, and the playground has neither, so the stand-in answers
 * that template with the fixture's conversations, as the proxy would pass them on.
 */
import {
  CHANNEL,
  isStandInMessage,
  type CallMessage,
  type EventMessage,
  type ReplyMessage,
} from './freshworksProtocol.js';
import type { FreshdeskTicketFixture } from './freshdeskFixtures.js';

interface RequestTemplate {
  schema: {
    protocol?: string;
    method: string;
    host: string;
    path?: string;
    headers?: Record<string, string>;
    query?: Record<string, string>;
  };
}

export interface FreshworksHostStandInOptions {
  iframe: HTMLIFrameElement;
  fixture: FreshdeskTicketFixture;
  loggedInUser: unknown;
  /** config/iparams.json: says which iparams are secure (never handed to the app). */
  iparamDefinitions: Record<string, { secure?: boolean; display_name?: string }>;
  /** The installed values of every iparam. */
  iparams: Record<string, string>;
  /** config/requests.json. */
  templates: Record<string, RequestTemplate>;
  /** manifest.json's `modules.common.requests`: only declared templates may be invoked. */
  declaredTemplates: string[];
  /**
   * Freshworks only calls HTTPS hosts; a proxy on this machine speaks HTTP, so the stand-in may
   * be told to use it instead.
   */
  protocol?: 'https' | 'http';
  /**
   * Read the ticket's replies through the proxy's Freshdesk route instead of the fixture: for a
   * proxy whose tenant has Freshdesk credentials (the browser tests give it a Freshdesk stand-in).
   */
  repliesFromProxy?: boolean;
  onInsert: (text: string, how: string) => void;
  onNotify: (type: string, message: string) => void;
  /** Freshworks' `client.instance.resize({height: '400px'})`: the app asks for its iframe's height. */
  onResize?: (height: string) => void;
}

/** The template that reads a ticket's replies through the proxy (config/requests.json). */
const REPLIES_TEMPLATE = 'parleyTicketConversations';

export class FreshworksHostStandIn {
  private readonly listener = (event: MessageEvent) => void this.receive(event);
  private readonly subscriptions = new Map<string, boolean>();
  private readonly decisions = new Map<
    number,
    (outcome: { ok: boolean; message?: string }) => void
  >();
  private nextEventId = 1;

  constructor(private readonly options: FreshworksHostStandInOptions) {}

  start(): void {
    window.addEventListener('message', this.listener);
  }

  stop(): void {
    window.removeEventListener('message', this.listener);
  }

  /**
   * Fires a ticket event at the app, as Freshdesk does when the agent acts (e.g. `ticket.sendReply`
   * with the reply's body); resolves with whether the action may go on (no interceptor failed it).
   */
  fire(event: string, data: unknown): Promise<{ ok: boolean; message?: string }> {
    if (!this.subscriptions.has(event)) return Promise.resolve({ ok: true });
    const eventId = this.nextEventId++;
    const message: EventMessage = { channel: CHANNEL, event, eventId, data };
    return new Promise((resolve) => {
      this.decisions.set(eventId, resolve);
      this.post(message);
    });
  }

  private post(message: unknown): void {
    this.options.iframe.contentWindow?.postMessage(message, '*');
  }

  private async receive(event: MessageEvent): Promise<void> {
    if (event.source !== this.options.iframe.contentWindow || !isStandInMessage(event.data)) return;
    const message = event.data;
    if ('outcome' in message) {
      const decide = this.decisions.get(message.eventId);
      this.decisions.delete(message.eventId);
      decide?.({
        ok: message.outcome === 'done',
        ...(message.message === undefined ? {} : { message: message.message }),
      });
      return;
    }
    if (!('method' in message)) return;
    let reply: ReplyMessage;
    try {
      reply = { channel: CHANNEL, id: message.id, ok: true, value: await this.answer(message) };
    } catch (failure) {
      reply = { channel: CHANNEL, id: message.id, ok: false, value: failure };
    }
    this.post(reply);
  }

  private async answer({ method, args }: CallMessage): Promise<unknown> {
    const { fixture, loggedInUser, iparams, iparamDefinitions } = this.options;
    switch (method) {
      case 'data.get': {
        const name = String(args[0]);
        const data: Record<string, unknown> = {
          ticket: fixture.ticket,
          requester: fixture.requester,
          loggedInUser,
        };
        if (!(name in data)) throw { message: `data "${name}" is not available in this location` };
        return { [name]: data[name] };
      }
      case 'iparams.get':
        return Object.fromEntries(
          Object.entries(iparams).filter(([name]) => iparamDefinitions[name]?.secure !== true),
        );
      case 'interface.trigger': {
        const [action, options = {}] = args as [string, Record<string, unknown>];
        if (action === 'showNotify') {
          this.options.onNotify(String(options.type), String(options.message));
        } else if (
          (action === 'click' && options.id === 'reply') ||
          (action === 'setValue' && options.id === 'editor')
        ) {
          this.options.onInsert(String(options.text ?? ''), `${action}:${String(options.id)}`);
        } else {
          throw { message: `interface action ${action} is not supported here` };
        }
        return {};
      }
      case 'request.invokeTemplate': {
        const [name, options = {}] = args as [
          string,
          { context?: Record<string, string>; body?: string },
        ];
        return this.invoke(name, options.context ?? {}, options.body);
      }
      case 'instance.resize': {
        const height = String((args[0] as { height?: unknown } | undefined)?.height ?? '');
        if (!/^\d+px$/.test(height))
          throw { message: `resize needs a height in px, not "${height}"` };
        this.options.onResize?.(height);
        return {};
      }
      case 'events.on':
        this.subscriptions.set(String(args[0]), args[1] === true);
        return {};
      default:
        throw { message: `${method} is not supported by the stand-in host` };
    }
  }

  /** Fills `<%= iparam.x %>`, `<%= encode(iparam.x) %>` and `<%= context.x %>` as Freshworks does. */
  private render(text: string, context: Record<string, string>): string {
    return text.replace(/<%=\s*(.*?)\s*%>/g, (_placeholder, expression: string) => {
      const iparam = /^(encode\()?iparam\.(\w+)\)?$/.exec(expression);
      if (iparam) {
        const value = this.options.iparams[iparam[2] ?? ''] ?? '';
        return iparam[1] ? btoa(value) : value;
      }
      const contextValue = /^context\.(\w+)$/.exec(expression);
      if (contextValue) return context[contextValue[1] ?? ''] ?? '';
      return '';
    });
  }

  private async invoke(name: string, context: Record<string, string>, body?: string) {
    const template = this.options.templates[name];
    if (!template || !this.options.declaredTemplates.includes(name)) {
      throw {
        status: 400,
        response: '',
        errorSource: 'APP',
        message: `template ${name} is not declared`,
      };
    }
    if (name === REPLIES_TEMPLATE && !this.options.repliesFromProxy) {
      const conversations = this.options.fixture.conversations;
      return { status: 200, headers: {}, response: JSON.stringify({ conversations }) };
    }
    const { schema } = template;
    const protocol = this.options.protocol ?? schema.protocol ?? 'https';
    const url = new URL(
      `${protocol}://${this.render(schema.host, context)}${this.render(schema.path ?? '/', context)}`,
    );
    for (const [key, value] of Object.entries(schema.query ?? {}))
      url.searchParams.set(key, this.render(value, context));
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(schema.headers ?? {}))
      headers[key] = this.render(value, context);
    let response: Response;
    try {
      response = await fetch(url, {
        method: schema.method,
        headers,
        ...(body !== undefined && schema.method !== 'GET' ? { body } : {}),
      });
    } catch {
      throw { status: 502, response: '', errorSource: 'PLATFORM', attempts: 1 };
    }
    const result = {
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      response: await response.text(),
    };
    if (!response.ok) throw { ...result, errorSource: 'APP', attempts: 1 };
    return result;
  }
}
