/**
 * The Freshdesk adapter over a small fake Freshworks client that answers like Freshdesk does
 * (`data.get` shapes, iparams without the secure ones, `invokeTemplate` results and failures).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProxyError } from '../host/helpdeskHost.js';
import type { FreshdeskConversation } from './freshdeskConversation.js';
import { connectFreshdesk, RELOAD_AFTER_SEND_MS } from './freshdeskHost.js';
import type {
  FreshworksClient,
  FreshworksEvent,
  FreshworksResponse,
  InvokeTemplateOptions,
} from './freshworksClient.js';

interface FakeOptions {
  iparams?: Record<string, unknown>;
  requester?: Record<string, unknown>;
  respond?: (name: string, options: InvokeTemplateOptions) => Promise<FreshworksResponse>;
}

const CONVERSATIONS: FreshdeskConversation[] = [
  {
    id: 11,
    body: '<div>Which browser are you using?</div>',
    incoming: false,
    private: false,
    user_id: 77,
    created_at: '2026-11-21T09:02:00Z',
  },
  { id: 12, body: '<div>Uso Firefox.</div>', incoming: true, private: false, user_id: 601 },
  { id: 13, body: '<div>Checked the logs.</div>', incoming: false, private: true, user_id: 78 },
];

const ok = (body: unknown): FreshworksResponse => ({ status: 200, response: JSON.stringify(body) });

function fakeFreshworksClient({ iparams = {}, requester, respond }: FakeOptions = {}) {
  const triggered: [string, Record<string, unknown>][] = [];
  const resized: { height: string }[] = [];
  const invoked: [string, InvokeTemplateOptions][] = [];
  const listeners: {
    name: string;
    callback: (event: FreshworksEvent) => void;
    intercept: boolean;
  }[] = [];
  const data: Record<string, unknown> = {
    ticket: {
      id: 2001,
      description: '<div>Hola, no puedo acceder a mi cuenta.</div>',
      requester_id: 601,
      created_at: '2026-11-21T08:15:00Z',
    },
    requester: requester ?? {
      id: 601,
      name: 'Lucía Fernández',
      email: 'lucia.fernandez@correo.example',
      mobile: '+34 612 345 678',
      language: 'es',
    },
    loggedInUser: {
      id: 77,
      contact: { name: 'Sam Rivera', email: 'sam@acme.example', language: 'de' },
    },
  };
  const client: FreshworksClient = {
    data: { get: async (name) => ({ [name]: data[name] }) },
    iparams: { get: async () => iparams },
    instance: {
      async resize(size) {
        resized.push(size);
        return {};
      },
    },
    interface: {
      async trigger(action, options) {
        triggered.push([action, options]);
        return {};
      },
    },
    request: {
      invokeTemplate(name, options) {
        invoked.push([name, options]);
        return (respond ?? (async () => ok({ conversations: CONVERSATIONS })))(name, options);
      },
    },
    events: {
      on(name, callback, options) {
        listeners.push({ name, callback, intercept: options?.intercept === true });
      },
    },
  };
  /**
   * Fires an event at every listener, as Freshdesk does; resolves with the intercepting
   * listeners' decision (`done`, or the `fail` message), or `done` when none intercepts.
   */
  const fire = (name: string, data: unknown = {}) =>
    new Promise<string>((resolve) => {
      const subscribed = listeners.filter((listener) => listener.name === name);
      if (!subscribed.some((listener) => listener.intercept)) resolve('done');
      for (const { callback, intercept } of subscribed)
        callback({
          type: name,
          helper: {
            getData: () => data,
            done: () => intercept && resolve('done'),
            fail: (message) => intercept && resolve(`fail: ${message}`),
          },
        });
    });
  const interceptors = (name: string) =>
    listeners.filter((listener) => listener.name === name && listener.intercept).length;
  return { client, triggered, invoked, resized, fire, interceptors };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('connectFreshdesk', () => {
  it('reads the ticket, the requester language, the agent and the default mode from Freshdesk and the iparams', async () => {
    const { client } = fakeFreshworksClient({ iparams: { default_mode: 'review' } });
    const host = await connectFreshdesk(client);
    expect(host.context).toEqual({
      helpdesk: 'freshdesk',
      ticketId: '2001',
      agentId: '77',
      agentLocale: 'de',
      requesterLocale: 'es',
      defaultMode: 'review',
      personalData: [
        { kind: 'name', value: 'Lucía Fernández' },
        { kind: 'email', value: 'lucia.fernandez@correo.example' },
        { kind: 'phone', value: '+34 612 345 678' },
        { kind: 'name', value: 'Sam Rivera' },
        { kind: 'email', value: 'sam@acme.example' },
      ],
    });
  });

  it('prefers the agent-language iparam over the agent profile and omits an unset requester language', async () => {
    const { client } = fakeFreshworksClient({
      iparams: { agent_language: ' pt-BR ' },
      requester: { id: 601, name: 'Lucía' },
    });
    const host = await connectFreshdesk(client);
    expect(host.context.agentLocale).toBe('pt-BR');
    expect(host.context.defaultMode).toBe('machine');
    expect(host.context).not.toHaveProperty('requesterLocale');
  });

  it("sizes the app's frame with the Freshworks instance's resize", async () => {
    const { client, resized } = fakeFreshworksClient();
    (await connectFreshdesk(client)).resize(412);
    expect(resized).toEqual([{ height: '412px' }]);
  });

  it('reads the thread as the ticket description followed by its conversations, customers by incoming or requester id', async () => {
    const { client, invoked } = fakeFreshworksClient();
    const host = await connectFreshdesk(client);
    const comments = await host.getComments();
    // The agent reading goes with the ticket: the proxy checks both with Freshdesk first.
    expect(invoked).toEqual([
      ['parleyTicketConversations', { context: { ticket_id: '2001', agent_id: '77' } }],
    ]);
    expect(comments).toEqual([
      {
        id: 'ticket-2001',
        authorRole: 'customer',
        authorName: 'Lucía Fernández',
        html: '<div>Hola, no puedo acceder a mi cuenta.</div>',
        createdAt: '2026-11-21T08:15:00Z',
      },
      {
        id: '11',
        authorRole: 'agent',
        authorName: 'Sam Rivera',
        html: '<div>Which browser are you using?</div>',
        createdAt: '2026-11-21T09:02:00Z',
      },
      {
        id: '12',
        authorRole: 'customer',
        authorName: 'Lucía Fernández',
        html: '<div>Uso Firefox.</div>',
      },
      { id: '13', authorRole: 'agent', authorName: '', html: '<div>Checked the logs.</div>' },
    ]);
  });

  it('keeps the description and warns the agent in Freshdesk when the conversations cannot be loaded', async () => {
    const { client, triggered } = fakeFreshworksClient({
      respond: async () => {
        throw {
          status: 404,
          response: JSON.stringify({
            error: {
              code: 'not_found',
              message: 'No route GET /v1/freshdesk/tickets/2001/conversations',
            },
          }),
          errorSource: 'APP',
        };
      },
    });
    const host = await connectFreshdesk(client);
    const comments = await host.getComments();
    expect(comments.map((c) => c.id)).toEqual(['ticket-2001']);
    expect(triggered).toEqual([
      [
        'showNotify',
        {
          type: 'warning',
          // In the agent's Freshdesk language (German here).
          message:
            'Parley konnte die Antworten dieses Tickets nicht laden, daher wird nur die erste Nachricht übersetzt. Etwas ist schiefgelaufen: No route GET /v1/freshdesk/tickets/2001/conversations',
        },
      ],
    ]);
  });

  it('calls the proxy through the request template of the endpoint, with the body as JSON and the path values as context', async () => {
    const { client, invoked } = fakeFreshworksClient({
      respond: async (name) =>
        ok(name === 'parleyCreateReply' ? { id: 'job-1', status: 'queued' } : {}),
    });
    const host = await connectFreshdesk(client);
    const job = await host.request({
      method: 'POST',
      path: '/v1/replies',
      body: { draft: '<p>Hola</p>' },
      idempotencyKey: 'key-123',
    });
    await host.request({ method: 'GET', path: '/v1/replies/job-1' });
    await host.request({
      method: 'POST',
      path: '/v1/translate',
      body: { text: 'Hi', target: 'es' },
    });
    expect(job).toEqual({ id: 'job-1', status: 'queued' });
    expect(invoked).toEqual([
      [
        'parleyCreateReply',
        { context: { idempotency_key: 'key-123' }, body: '{"draft":"<p>Hola</p>"}' },
      ],
      ['parleyGetReply', { context: { reply_id: 'job-1' } }],
      ['parleyTranslate', { context: {}, body: '{"text":"Hi","target":"es"}' }],
    ]);
  });

  it("turns a proxy error answer into a ProxyError with the proxy's code and status", async () => {
    const { client } = fakeFreshworksClient({
      respond: async () => {
        throw {
          status: 422,
          response: JSON.stringify({
            error: { code: 'unsupported_language_pair', message: 'No engine serves de→ja.' },
          }),
          errorSource: 'APP',
        };
      },
    });
    const host = await connectFreshdesk(client);
    const failure = await host
      .request({ method: 'POST', path: '/v1/translate', body: {} })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProxyError);
    expect(failure).toMatchObject({
      code: 'unsupported_language_pair',
      status: 422,
      message: 'No engine serves de→ja.',
    });
  });

  it('reports an unreachable proxy when Freshworks itself fails the request', async () => {
    const { client } = fakeFreshworksClient({
      respond: async () => {
        throw { status: 502, response: '<html>Bad gateway</html>', errorSource: 'PLATFORM' };
      },
    });
    const host = await connectFreshdesk(client);
    await expect(host.request({ method: 'GET', path: '/v1/languages' })).rejects.toMatchObject({
      code: 'proxy_unreachable',
      status: 502,
    });
  });

  it('refuses a proxy call the app has no request template for, without calling Freshworks', async () => {
    const { client, invoked } = fakeFreshworksClient();
    const host = await connectFreshdesk(client);
    await expect(host.request({ method: 'GET', path: '/v1/usage' })).rejects.toMatchObject({
      code: 'client_error',
    });
    expect(invoked).toEqual([]);
  });

  it("opens Freshdesk's reply editor with the translated reply as HTML", async () => {
    const { client, triggered } = fakeFreshworksClient();
    const host = await connectFreshdesk(client);
    const format = await host.insertReply({ html: '<p>Hola Lucía</p>', text: 'Hola Lucía' });
    expect(format).toBe('html');
    expect(triggered).toEqual([['click', { id: 'reply', text: '<p>Hola Lucía</p>' }]]);
  });

  it('shows notices with the Freshdesk notification type for their kind', async () => {
    const { client, triggered } = fakeFreshworksClient();
    const host = await connectFreshdesk(client);
    host.notify('Inserted.');
    host.notify('Proxy down.', 'error');
    expect(triggered).toEqual([
      ['showNotify', { type: 'success', message: 'Inserted.' }],
      ['showNotify', { type: 'danger', message: 'Proxy down.' }],
    ]);
  });

  it('reloads the thread a moment after a reply or note is sent, until unsubscribed', async () => {
    vi.useFakeTimers();
    const { client, fire } = fakeFreshworksClient();
    const host = await connectFreshdesk(client);
    const changed = vi.fn();
    const unsubscribe = host.onCommentsChanged(changed);
    void fire('ticket.sendReply');
    expect(changed).not.toHaveBeenCalled();
    vi.advanceTimersByTime(RELOAD_AFTER_SEND_MS);
    expect(changed).toHaveBeenCalledTimes(1);
    void fire('ticket.addNote');
    vi.advanceTimersByTime(RELOAD_AFTER_SEND_MS);
    expect(changed).toHaveBeenCalledTimes(2);
    unsubscribe();
    void fire('ticket.sendReply');
    vi.advanceTimersByTime(RELOAD_AFTER_SEND_MS);
    expect(changed).toHaveBeenCalledTimes(2);
  });

  describe('holding a reply the agent sends from the Freshdesk editor', () => {
    const reply = { body: '<div>Thank you for your patience.</div>' };

    it('intercepts ticket.sendReply and stops the reply with the check’s message', async () => {
      const { client, fire } = fakeFreshworksClient();
      const host = await connectFreshdesk(client);
      const check = vi.fn(async () => ({ send: false as const, message: 'Translate it first.' }));
      host.onReplySending?.(check);
      expect(await fire('ticket.sendReply', reply)).toBe('fail: Translate it first.');
      expect(check).toHaveBeenCalledWith({ html: '<div>Thank you for your patience.</div>' });
    });

    it('lets the reply go when the check allows it', async () => {
      const { client, fire } = fakeFreshworksClient();
      const host = await connectFreshdesk(client);
      host.onReplySending?.(async () => ({ send: true }));
      expect(await fire('ticket.sendReply', reply)).toBe('done');
    });

    it('lets the reply go when the check fails', async () => {
      const { client, fire } = fakeFreshworksClient();
      const host = await connectFreshdesk(client);
      host.onReplySending?.(() => Promise.reject(new Error('proxy down')));
      expect(await fire('ticket.sendReply', reply)).toBe('done');
    });

    it('lets the reply go unchecked when the event carries no reply body', async () => {
      const { client, fire } = fakeFreshworksClient();
      const host = await connectFreshdesk(client);
      const check = vi.fn(async () => ({ send: false as const, message: 'Stop.' }));
      host.onReplySending?.(check);
      expect(await fire('ticket.sendReply', {})).toBe('done');
      expect(check).not.toHaveBeenCalled();
    });

    it('intercepts once, asks the latest check, and lets replies go once it is removed', async () => {
      const { client, fire, interceptors } = fakeFreshworksClient();
      const host = await connectFreshdesk(client);
      const removeFirst = host.onReplySending?.(async () => ({ send: false, message: 'first' }));
      const removeSecond = host.onReplySending?.(async () => ({ send: false, message: 'second' }));
      expect(interceptors('ticket.sendReply')).toBe(1);
      removeFirst?.();
      expect(await fire('ticket.sendReply', reply)).toBe('fail: second');
      removeSecond?.();
      expect(await fire('ticket.sendReply', reply)).toBe('done');
    });
  });
});
