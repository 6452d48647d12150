// The translation memory as the translators' workspace asks for it, over HTTP (inject) against a
// real proxy (SQLite, the embedded Apertium engine): fuzzy matches when a job is opened and
// concordance search, under the queue's session and lease rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proxy } from '../compose.js';
import { DEV_TENANT_ID } from '../plugins/auth.js';
import {
  createReply,
  reviewRequest,
  signIn,
  startReplyProxy,
  type SignedIn,
} from '../../../tests/fault/replies-support.js';

let proxy: Proxy;
beforeAll(async () => {
  proxy = await startReplyProxy();
});
afterAll(() => proxy.close());

const get = (url: string, headers: object = {}) =>
  proxy.app.inject({ method: 'GET', url, headers: { ...headers } });

/** A review job for the draft, claimed by the translator. */
async function claimedJob(translator: SignedIn, ticketId: string, draft: string) {
  const created = await createReply(proxy, reviewRequest(ticketId, draft));
  const id = (created.json() as { id: string }).id;
  const claim = await proxy.app.inject({
    method: 'POST',
    url: `/v1/queue/jobs/${id}/claim`,
    headers: translator.headers,
  });
  expect(claim.statusCode).toBe(200);
  return id;
}

const approved = (source: string, target: string) => ({
  source,
  target,
  origin: 'human' as const,
  engine: null,
});

describe('fuzzy matches of a job', () => {
  it('finds a translation approved after the job was queued, with its match %', async () => {
    const translator = await signIn(proxy, 'marta@translators.example');
    const id = await claimedJob(translator, '7001', '<p>You can track your parcel here.</p>');
    await proxy.store.memory.save(DEV_TENANT_ID, 'en', 'es', [
      approved('You can track your order here.', 'Puede seguir su pedido aquí.'),
    ]);
    const response = await get(`/v1/queue/jobs/${id}/matches`, translator.headers);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      segments: [
        {
          index: 0,
          matches: [
            {
              source: 'You can track your order here.',
              target: 'Puede seguir su pedido aquí.',
              score: 87,
              origin: 'human',
            },
          ],
        },
      ],
    });
  });

  it('asks for a session', async () => {
    const translator = await signIn(proxy, 'nils@translators.example');
    const id = await claimedJob(translator, '7002', '<p>Your refund is on its way.</p>');
    const response = await get(`/v1/queue/jobs/${id}/matches`);
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthorized');
  });

  it('hides a job of a pair the translator does not review', async () => {
    const holder = await signIn(proxy, 'olga@translators.example');
    const id = await claimedJob(holder, '7003', '<p>Your refund is on its way.</p>');
    const french = await signIn(proxy, 'pierre@translators.example', [
      { source: 'en', target: 'fr' },
    ]);
    const response = await get(`/v1/queue/jobs/${id}/matches`, french.headers);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });

  it('refuses a translator who does not hold the job', async () => {
    const holder = await signIn(proxy, 'quim@translators.example');
    const id = await claimedJob(holder, '7004', '<p>Your refund is on its way.</p>');
    const other = await signIn(proxy, 'rosa@translators.example');
    const response = await get(`/v1/queue/jobs/${id}/matches`, other.headers);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('lease_expired');
  });
});

describe('concordance search', () => {
  it('finds a word in the sources and targets of the memory and the glossary', async () => {
    const translator = await signIn(proxy, 'sara@translators.example');
    const id = await claimedJob(translator, '7010', '<p>Thanks for your patience.</p>');
    await proxy.store.memory.save(DEV_TENANT_ID, 'en', 'es', [
      approved('Your invoice is attached.', 'Adjuntamos su factura.'),
      approved('The factory is closed today.', 'La fábrica cierra hoy.'),
      approved('We shipped your parcel.', 'Enviamos su paquete.'),
    ]);
    await proxy.store.glossary.upsert(DEV_TENANT_ID, {
      sourceLang: 'en',
      targetLang: 'es',
      source: 'invoice',
      target: 'factura',
    });
    const response = await get(`/v1/queue/jobs/${id}/concordance?q=FACTUR`, translator.headers);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      memory: [
        { source: 'Your invoice is attached.', target: 'Adjuntamos su factura.', origin: 'human' },
      ],
      glossary: [{ source: 'invoice', target: 'factura' }],
    });
  });

  it('takes a percent sign literally, and an ampersand as the masked memory writes it', async () => {
    const translator = await signIn(proxy, 'teo@translators.example');
    const id = await claimedJob(translator, '7011', '<p>Thanks for waiting.</p>');
    await proxy.store.memory.save(DEV_TENANT_ID, 'en', 'es', [
      approved('You get 10% off &amp; free shipping.', 'Obtiene un 10 % de descuento.'),
      approved('You get 100 points.', 'Obtiene 100 puntos.'),
    ]);
    const response = await get(
      `/v1/queue/jobs/${id}/concordance?q=${encodeURIComponent('10% off &')}`,
      translator.headers,
    );
    expect(response.json().memory.map((hit: { source: string }) => hit.source)).toEqual([
      'You get 10% off &amp; free shipping.',
    ]);
  });

  it.each([
    ['one character', 'a'],
    ['only spaces', '     '],
    ['more than 200 characters', 'order '.repeat(34)],
  ])('refuses a phrase of %s with invalid_request', async (_, q) => {
    const translator = await signIn(proxy, `uma-${q.length}@translators.example`);
    const id = await claimedJob(translator, `702${q.length}`, '<p>Where is my invoice?</p>');
    const response = await get(
      `/v1/queue/jobs/${id}/concordance?q=${encodeURIComponent(q)}`,
      translator.headers,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_request');
  });

  it('refuses a translator who does not hold the job', async () => {
    const holder = await signIn(proxy, 'vera@translators.example');
    const id = await claimedJob(holder, '7030', '<p>Where is my invoice?</p>');
    const other = await signIn(proxy, 'wim@translators.example');
    const response = await get(`/v1/queue/jobs/${id}/concordance?q=invoice`, other.headers);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('lease_expired');
  });
});

it('publishes both endpoints in the OpenAPI document', async () => {
  const paths = Object.keys((await get('/openapi.json')).json().paths);
  expect(paths).toEqual(
    expect.arrayContaining(['/v1/queue/jobs/{id}/matches', '/v1/queue/jobs/{id}/concordance']),
  );
});
