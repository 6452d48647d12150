/**
 * The Zendesk adapter over a small fake ZAF client that answers like Zendesk does (paths and
 * shapes from the ZAF Support API: ticket.comments, currentUser.locale, comment.useRichText…).
 */
import type { ZafClient, ZafRequestOptions } from 'zendesk_app_framework_sdk';
import { describe, expect, it } from 'vitest';
import { ProxyError } from '../host/helpdeskHost.js';
import { connectZendesk } from './zendeskHost.js';

interface FakeZafOptions {
  settings?: Record<string, unknown>;
  data?: Record<string, unknown>;
  respond?: (options: ZafRequestOptions) => Promise<unknown>;
}

function fakeZafClient({ settings = {}, data = {}, respond }: FakeZafOptions = {}) {
  const invoked: unknown[][] = [];
  const requests: ZafRequestOptions[] = [];
  const handlers = new Map<string, Set<(payload: unknown) => unknown>>();
  const values: Record<string, unknown> = {
    'ticket.id': 1001,
    'ticket.requester.locale': 'es-ES',
    'ticket.requester.name': 'María Pérez Gómez',
    'ticket.requester.email': 'maria.perez@correo.example',
    'currentUser.id': 9001,
    'currentUser.locale': 'en-US',
    'currentAccount.subdomain': 'acme',
    'currentUser.name': 'Sam Rivera',
    'currentUser.email': 'sam@acme.example',
    'comment.useRichText': true,
    'ticket.comments': [
      {
        id: 1,
        value: '<p>Hola</p>',
        createdAt: '2026-11-20T09:12:00Z',
        author: { id: 5, name: 'María', role: 'end-user' },
      },
      { id: 2, value: '<p>Hi!</p>', author: { id: 9, name: 'Sam', role: 'agent' } },
      { id: 3, value: '<p>Note</p>', author: { id: 8, name: 'Ada', role: 'admin' } },
    ],
    ...data,
  };
  const client: ZafClient = {
    async get(path) {
      const result: Record<string, unknown> & { errors: Record<string, unknown> } = { errors: {} };
      for (const p of Array.isArray(path) ? path : [path]) result[p] = values[p];
      return result;
    },
    async set() {
      return {};
    },
    async invoke(name, ...args) {
      invoked.push([name, ...args]);
      return {};
    },
    on(name, handler) {
      handlers.set(name, (handlers.get(name) ?? new Set()).add(handler));
    },
    off(name, handler) {
      handlers.get(name)?.delete(handler);
    },
    request<T>(options: ZafRequestOptions) {
      requests.push(options);
      return (respond ?? (async () => ({})))(options) as Promise<T>;
    },
    async metadata() {
      return { appId: 1, installationId: 2, name: 'Parley', version: '0.1.0', settings };
    },
  };
  const fire = (name: string) => handlers.get(name)?.forEach((h) => h(undefined));
  /**
   * Runs a hook as the SDK does for `ticket.save`: each handler's promise settles; a rejection's
   * reason is what Zendesk shows, `go` means the save goes ahead.
   */
  const hook = (name: string) =>
    Promise.all(
      [...(handlers.get(name) ?? [])].map((h) =>
        Promise.resolve(h(undefined)).then(
          () => 'go',
          (reason: unknown) => ({ stopped: reason }),
        ),
      ),
    );
  return { client, invoked, requests, fire, hook, values };
}

describe('connectZendesk', () => {
  it('reads the ticket, requester locale, agent and default mode from ZAF and the app settings', async () => {
    const { client } = fakeZafClient({
      settings: { proxyUrl: 'https://parley.example.com', defaultMode: 'review' },
    });
    const host = await connectZendesk(client);
    expect(host.context).toEqual({
      helpdesk: 'zendesk',
      ticketId: '1001',
      agentId: '9001',
      agentLocale: 'en-US',
      requesterLocale: 'es-ES',
      defaultMode: 'review',
      personalData: [
        { kind: 'name', value: 'María Pérez Gómez' },
        { kind: 'email', value: 'maria.perez@correo.example' },
        { kind: 'name', value: 'Sam Rivera' },
        { kind: 'email', value: 'sam@acme.example' },
      ],
    });
  });

  it('prefers the agent language setting over the agent Zendesk locale', async () => {
    const { client } = fakeZafClient({ settings: { agentLanguage: 'fr' } });
    expect((await connectZendesk(client)).context.agentLocale).toBe('fr');
  });

  it('maps end-users to customers and agents and admins to agents', async () => {
    const host = await connectZendesk(fakeZafClient().client);
    const comments = await host.getComments();
    expect(comments.map((c) => [c.id, c.authorRole, c.html])).toEqual([
      ['1', 'customer', '<p>Hola</p>'],
      ['2', 'agent', '<p>Hi!</p>'],
      ['3', 'agent', '<p>Note</p>'],
    ]);
  });

  it('appends HTML to a rich-text comment and text to a plain one', async () => {
    const rich = fakeZafClient();
    expect(
      await (await connectZendesk(rich.client)).insertReply({ html: '<p>Hola</p>', text: 'Hola' }),
    ).toBe('html');
    expect(rich.invoked).toEqual([['comment.appendHtml', '<p>Hola</p>']]);

    const plain = fakeZafClient({ data: { 'comment.useRichText': false } });
    expect(
      await (await connectZendesk(plain.client)).insertReply({ html: '<p>Hola</p>', text: 'Hola' }),
    ).toBe('text');
    expect(plain.invoked).toEqual([['comment.appendText', 'Hola']]);
  });

  it('takes the colour scheme Zendesk names in the app frame URL', async () => {
    const dark = await connectZendesk(fakeZafClient().client, '?origin=x&colorScheme=dark');
    expect(dark.context.colorScheme).toBe('dark');
    const unnamed = await connectZendesk(fakeZafClient().client, '?origin=x');
    expect(unnamed.context).not.toHaveProperty('colorScheme');
  });

  it("sizes the app's frame with ZAF's resize action, keeping the sidebar's width", async () => {
    const fake = fakeZafClient();
    (await connectZendesk(fake.client)).resize(412);
    expect(fake.invoked).toEqual([['resize', { width: '100%', height: '412px' }]]);
  });

  it('calls the proxy as a secure request whose key placeholder Zendesk fills in', async () => {
    const fake = fakeZafClient({
      settings: { proxyUrl: 'https://parley.example.com/' },
      respond: async () => ({ language: 'es', confidence: 0.9, reliable: true, alternatives: [] }),
    });
    const host = await connectZendesk(fake.client);
    const detection = await host.request({
      method: 'POST',
      path: '/v1/detect',
      body: { text: 'Hola' },
      idempotencyKey: 'k-1',
    });
    expect(detection).toEqual({
      language: 'es',
      confidence: 0.9,
      reliable: true,
      alternatives: [],
    });
    expect(fake.requests).toEqual([
      {
        url: 'https://parley.example.com/v1/detect',
        type: 'POST',
        contentType: 'application/json',
        dataType: 'json',
        headers: {
          Authorization: 'Bearer {{setting.proxyApiKey}}',
          'X-Parley-Identity': '{{jwt.token}}',
          'Idempotency-Key': 'k-1',
        },
        secure: true,
        cors: false,
        jwt: {
          algorithm: 'HS256',
          secret_key: '{{setting.sharedSecret}}',
          expiry: 120,
          claims: { iss: 'acme', sub: '9001' },
        },
        data: '{"text":"Hola"}',
      },
    ]);
  });

  it('turns the proxy error body into a ProxyError with its stable code', async () => {
    const fake = fakeZafClient({
      respond: () =>
        Promise.reject({
          status: 422,
          responseText:
            '{"error":{"code":"unsupported_language_pair","message":"No engine translates de → en."}}',
        }),
    });
    const host = await connectZendesk(fake.client);
    const failure = await host
      .request({ method: 'POST', path: '/v1/translate' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ProxyError);
    expect(failure).toMatchObject({
      code: 'unsupported_language_pair',
      status: 422,
      message: 'No engine translates de → en.',
    });
  });

  it('reports a proxy that gives no answer as unreachable', async () => {
    const fake = fakeZafClient({ respond: () => Promise.reject({ status: 0, responseText: '' }) });
    const host = await connectZendesk(fake.client);
    const failure = await host
      .request({ method: 'GET', path: '/v1/languages' })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'proxy_unreachable', status: 0 });
  });

  it('calls back when the ticket comments change, until unsubscribed', async () => {
    const fake = fakeZafClient();
    const host = await connectZendesk(fake.client);
    let calls = 0;
    const unsubscribe = host.onCommentsChanged(() => calls++);
    fake.fire('ticket.comments.changed');
    unsubscribe();
    fake.fire('ticket.comments.changed');
    expect(calls).toBe(1);
  });

  it('holds a public reply on ticket.save and stops it with the check’s message', async () => {
    const fake = fakeZafClient({
      data: {
        'comment.text': '<p>We have reset your password.</p>',
        'comment.type': 'publicReply',
      },
    });
    const host = await connectZendesk(fake.client);
    const checked: string[] = [];
    host.onReplySending?.(async (reply) => {
      checked.push(reply.html);
      return { send: false, message: 'Translate it with Parley first.' };
    });
    expect(await fake.hook('ticket.save')).toEqual([
      { stopped: 'Translate it with Parley first.' },
    ]);
    expect(checked).toEqual(['<p>We have reset your password.</p>']);
  });

  it('lets a reply the check passes, an internal note and a save without a reply go', async () => {
    const fake = fakeZafClient({
      data: {
        'comment.text': '<p>Hemos restablecido su contraseña.</p>',
        'comment.type': 'publicReply',
      },
    });
    const host = await connectZendesk(fake.client);
    let stop = false;
    host.onReplySending?.(async () =>
      stop ? { send: false, message: 'Translate it first.' } : { send: true },
    );
    expect(await fake.hook('ticket.save')).toEqual(['go']);
    stop = true;
    fake.values['comment.type'] = 'internalNote';
    expect(await fake.hook('ticket.save')).toEqual(['go']);
    fake.values['comment.type'] = 'publicReply';
    fake.values['comment.text'] = undefined;
    expect(await fake.hook('ticket.save')).toEqual(['go']);
  });

  it('lets the reply go when the check fails, and stops holding replies when removed', async () => {
    const fake = fakeZafClient({
      data: { 'comment.text': '<p>Thanks!</p>', 'comment.type': 'publicReply' },
    });
    const host = await connectZendesk(fake.client);
    const remove = host.onReplySending?.(() => Promise.reject(new Error('proxy down')));
    expect(await fake.hook('ticket.save')).toEqual(['go']);
    remove?.();
    expect(await fake.hook('ticket.save')).toEqual([]);
  });
});
