// The translators' editor through the queue API: drafts saved under the lease, the ticket's
// context masked, glossary terms the translator inflects, and the job's status after approval.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proxy } from '../compose.js';
import { DEV_TENANT_ID } from '../plugins/auth.js';
import { zendeskApi } from '../../../tests/msw/zendesk.js';
import {
  createReply,
  reviewRequest,
  signIn,
  startReplyProxy,
  ZENDESK,
  type SignedIn,
} from '../../../tests/fault/replies-support.js';

const zendesk = zendeskApi(ZENDESK);
const server = setupServer(...zendesk.handlers);
let proxy: Proxy;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'bypass' });
  proxy = await startReplyProxy();
  await proxy.store.glossary.upsert(DEV_TENANT_ID, {
    sourceLang: 'en',
    targetLang: 'es',
    source: 'order',
    target: 'pedido',
  });
});
afterAll(async () => {
  await proxy.close();
  server.close();
});

const call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  translator: SignedIn,
  payload?: object,
) =>
  proxy.app.inject({
    method,
    url,
    headers: translator.headers,
    ...(payload ? { payload } : {}),
  });

async function queuedJob(ticketId: string, draft: string, extra: object = {}) {
  const created = await createReply(proxy, reviewRequest(ticketId, draft, extra));
  expect(created.statusCode).toBe(201);
  return created.json<{ id: string }>().id;
}

const claim = async (id: string, translator: SignedIn) => {
  const response = await call('POST', `/v1/queue/jobs/${id}/claim`, translator);
  expect(response.statusCode).toBe(200);
  return response.json<{ job: Record<string, unknown> & { segments: { target: string }[] } }>().job;
};

describe('drafts', () => {
  it('gives the translator their saved edit back when they claim the job again (a reload)', async () => {
    const translator = await signIn(proxy, 'reload@translators.example');
    const id = await queuedJob('7101', '<p>Thank you for waiting.</p>');
    await claim(id, translator);
    const edit = [{ index: 0, target: 'Muchas gracias por su paciencia.' }];
    const saved = await call('PUT', `/v1/queue/jobs/${id}/draft`, translator, { segments: edit });
    expect(saved.statusCode).toBe(200);
    expect(Date.parse(saved.json<{ savedAt: string }>().savedAt)).not.toBeNaN();
    expect((await claim(id, translator)).draft).toMatchObject({ segments: edit });
  });

  it('refuses a draft from a translator who does not hold the job, with lease_expired', async () => {
    const holder = await signIn(proxy, 'holder@translators.example');
    const other = await signIn(proxy, 'other@translators.example');
    const id = await queuedJob('7102', '<p>We have refunded you.</p>');
    await claim(id, holder);
    const response = await call('PUT', `/v1/queue/jobs/${id}/draft`, other, {
      segments: [{ index: 0, target: 'Le hemos devuelto el dinero.' }],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: 'lease_expired' } });
  });

  it('refuses a draft for a job never claimed', async () => {
    const translator = await signIn(proxy, 'unclaimed@translators.example');
    const id = await queuedJob('7103', '<p>Your parcel left the warehouse.</p>');
    const response = await call('PUT', `/v1/queue/jobs/${id}/draft`, translator, {
      segments: [{ index: 0, target: 'Su paquete salió del almacén.' }],
    });
    expect(response.json()).toMatchObject({ error: { code: 'lease_expired' } });
  });

  it('refuses a segment the reply does not have, and one given twice', async () => {
    const translator = await signIn(proxy, 'index@translators.example');
    const id = await queuedJob('7104', '<p>See you soon.</p>');
    await claim(id, translator);
    for (const segments of [
      [{ index: 9, target: 'Hasta pronto.' }],
      [
        { index: 0, target: 'Hasta pronto.' },
        { index: 0, target: 'Hasta luego.' },
      ],
    ]) {
      const response = await call('PUT', `/v1/queue/jobs/${id}/draft`, translator, { segments });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'invalid_request' } });
    }
  });

  it('refuses a target longer than its source allows, with text_too_long', async () => {
    const translator = await signIn(proxy, 'long@translators.example');
    const id = await queuedJob('7105', '<p>Thanks!</p>');
    await claim(id, translator);
    const response = await call('PUT', `/v1/queue/jobs/${id}/draft`, translator, {
      segments: [{ index: 0, target: '¡Gracias! '.repeat(40) }],
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'text_too_long' } });
  });

  it('refuses a draft without the CSRF token', async () => {
    const translator = await signIn(proxy, 'csrf-draft@translators.example');
    const id = await queuedJob('7106', '<p>All set.</p>');
    await claim(id, translator);
    const response = await proxy.app.inject({
      method: 'PUT',
      url: `/v1/queue/jobs/${id}/draft`,
      headers: { cookie: translator.cookie },
      payload: { segments: [{ index: 0, target: 'Todo listo.' }] },
    });
    expect(response.json()).toMatchObject({ error: { code: 'csrf_failed' } });
  });

  it('forgets the draft when the translator gives the job back', async () => {
    const translator = await signIn(proxy, 'release@translators.example');
    const id = await queuedJob('7107', '<p>Your invoice is attached.</p>');
    await claim(id, translator);
    await call('PUT', `/v1/queue/jobs/${id}/draft`, translator, {
      segments: [{ index: 0, target: 'Adjuntamos su factura.' }],
    });
    expect((await call('POST', `/v1/queue/jobs/${id}/release`, translator)).statusCode).toBe(204);
    expect((await claim(id, translator)).draft).toBeUndefined();
  });
});

describe('ticket context', () => {
  it('shows the customer’s last message with an e-mail address and a phone number as tokens', async () => {
    const translator = await signIn(proxy, 'context@translators.example');
    const id = await queuedJob('7201', '<p>We are on it.</p>', {
      context: {
        subject: 'Pedido 48213 no ha llegado',
        lastMessage:
          'Hola, escribo a lucia.fernandez@correo.example o llamen al +34 612 345 678, por favor.',
      },
    });
    const job = await claim(id, translator);
    expect(job.ticket).toEqual({
      id: '7201',
      subject: 'Pedido 48213 no ha llegado',
      lastMessage: 'Hola, escribo a [e-mail] o llamen al [phone], por favor.',
    });
    const stored = await proxy.store.db.query<{ last_message: string }>(
      'SELECT last_message FROM reply_contexts WHERE job_id = ?',
      [id],
    );
    expect(stored[0]?.last_message).not.toContain('lucia.fernandez');
  });

  it('refuses a subject longer than 250 characters', async () => {
    const response = await createReply(
      proxy,
      reviewRequest('7202', '<p>Hello.</p>', { context: { subject: 'x'.repeat(251) } }),
    );
    expect(response.statusCode).toBe(400);
  });
});

describe('glossary terms in the translator’s edit', () => {
  it('passes QA with the glossary target inflected and recased', async () => {
    const translator = await signIn(proxy, 'inflect@translators.example');
    const id = await queuedJob('7301', '<p>Your order has shipped.</p>');
    await claim(id, translator);
    const response = await call('POST', `/v1/queue/jobs/${id}/check`, translator, {
      segments: [{ index: 0, target: 'Sus Pedidos se han enviado.' }],
    });
    expect(response.json()).toEqual({ qa: [] });
  });

  it('warns when the glossary target is missing', async () => {
    const translator = await signIn(proxy, 'missing-term@translators.example');
    const id = await queuedJob('7302', '<p>Your order has shipped.</p>');
    await claim(id, translator);
    const response = await call('POST', `/v1/queue/jobs/${id}/check`, translator, {
      segments: [{ index: 0, target: 'Su paquete se ha enviado.' }],
    });
    expect(response.json<{ qa: { code: string; severity: string }[] }>().qa).toEqual([
      expect.objectContaining({ code: 'term_missing', severity: 'warning' }),
    ]);
  });
});

describe('after approval', () => {
  it('lets the translator follow the job until it is posted', async () => {
    zendesk.addTicket('7401');
    const translator = await signIn(proxy, 'follow@translators.example');
    const id = await queuedJob('7401', '<p>Thank you!</p>');
    const job = await claim(id, translator);
    const submitted = await call('POST', `/v1/queue/jobs/${id}/submit`, translator, {
      segments: [{ index: 0, target: job.segments[0]?.target ?? '' }],
    });
    expect(submitted.statusCode).toBe(200);
    let status = '';
    for (let attempt = 0; attempt < 200 && status !== 'posted'; attempt++) {
      status = (await call('GET', `/v1/queue/jobs/${id}`, translator)).json<{ status: string }>()
        .status;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe('posted');
  });
});

describe('the OpenAPI document', () => {
  it('publishes the draft and job-status endpoints and the reply context', async () => {
    const { paths } = (await proxy.app.inject({ url: '/openapi.json' })).json();
    expect(paths['/v1/queue/jobs/{id}/draft'].put.requestBody).toBeDefined();
    expect(paths['/v1/queue/jobs/{id}/draft'].put.responses['200']).toBeDefined();
    expect(paths['/v1/queue/jobs/{id}'].get.responses['200']).toBeDefined();
    const reply = paths['/v1/replies'].post.requestBody.content['application/json'].schema;
    expect(reply.properties.context.properties.lastMessage.maxLength).toBe(4000);
  });
});
