// Personal data end to end: the tenant's engine is a real HTTP server on 127.0.0.1 that records
// every text it receives; replies post to the Zendesk stand-in (msw). No value the proxy masks may
// reach the engine, and every value must come back unchanged in the translation and the reply.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Proxy } from '@parley/translation-proxy/compose';
import { DEV_TENANT_ID } from '@parley/translation-proxy/plugins/auth';
import { DEFAULT_PERSONAL_DATA_POLICY } from '@parley/translation-proxy/store/personal-data-policy';
import { zendeskApi } from '../msw/zendesk.js';
import {
  createReply,
  reviewRequest,
  signIn,
  startReplyProxy,
  waitForStatus,
  ZENDESK,
} from '../fault/replies-support.js';
import { authorized } from '../support/proxy.js';
import { startRecordingEngine, type RecordingEngine } from '../support/recording-engine.js';

const zendesk = zendeskApi(ZENDESK);
const server = setupServer(...zendesk.handlers);
let proxy: Proxy;
let engine: RecordingEngine;

const VALUES = {
  card: '4111 1111 1111 1111',
  iban: 'DE89 3704 0044 0532 0130 00',
  phone: '+49 30 901820',
  email: 'rosa.verde@correo.example',
  name: 'Rosa Verde',
};
const HINTS = {
  pii: [
    { kind: 'name', value: 'Rosa Verde' },
    { kind: 'email', value: 'rosa.verde@correo.example' },
  ],
};
const DRAFT =
  `<p>Hello ${VALUES.name},</p><p>We refunded card ${VALUES.card} to IBAN ${VALUES.iban}; ` +
  `call ${VALUES.phone} or write to <a href="mailto:${VALUES.email}">${VALUES.email}</a>.</p>`;

/** A value as the engine might see it: digits and letters only, so spacing cannot hide it. */
const bare = (value: string) => value.replace(/[^\p{L}\p{N}@.]/gu, '').toLowerCase();

function expectNoValueSent(values: readonly string[] = Object.values(VALUES)) {
  const sent = engine.received.map(bare);
  for (const value of values)
    for (const text of sent) expect(text, `engine saw ${value}`).not.toContain(bare(value));
}

const translate = (payload: object) =>
  proxy.app.inject({ method: 'POST', url: '/v1/translate', headers: authorized, payload });

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'bypass' });
  engine = await startRecordingEngine();
  // The recording engine speaks plain http on 127.0.0.1, as only a local test engine may.
  proxy = await startReplyProxy({ PARLEY_ALLOW_HTTP_ENGINES: '1' });
  await proxy.tenantEngines.saveSettings(DEV_TENANT_ID, {
    engines: [{ kind: 'libretranslate', url: engine.url, charLimit: 5000 }],
  });
});
beforeEach(async () => {
  engine.received.length = 0;
  engine.dropPlaceholders = false;
  await proxy.store.personalData.set(DEV_TENANT_ID, DEFAULT_PERSONAL_DATA_POLICY);
});
afterAll(async () => {
  await proxy.close();
  await engine.stop();
  server.close();
});

describe('personal data with an external engine', () => {
  it('translates without sending any value, and gives every value back unchanged', async () => {
    const response = await translate({ html: DRAFT, source: 'en', target: 'es', hints: HINTS });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.engine).toBe('libretranslate');
    expect(engine.received.length).toBeGreaterThan(0);
    expectNoValueSent();
    for (const value of Object.values(VALUES)) expect(body.html).toContain(value);
    expect(body.html).toContain('WE REFUNDED CARD');
    expect(body.redactions).toEqual(
      expect.arrayContaining([
        { kind: 'name', count: 1 },
        { kind: 'card', count: 1 },
        { kind: 'iban', count: 1 },
        { kind: 'phone', count: 1 },
        { kind: 'email', count: 1 },
      ]),
    );
  });

  it('counts masked values by kind in /metrics', async () => {
    await translate({ text: `Card ${VALUES.card} was refunded.`, source: 'en', target: 'es' });
    const metrics = await proxy.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/parley_personal_data_masked_total\{kind="card"\} [1-9]/);
    // The card number in any spacing; a bare '4111' also turns up in memory gauges by chance.
    expect(metrics.body).not.toMatch(/4111\D?1111\D?1111\D?1111/);
  });

  it('keeps only masked text in the translation memory, and restores a hit with this request’s values', async () => {
    await translate({ text: `Please call ${VALUES.phone} today.`, source: 'en', target: 'es' });
    await proxy.translation.drain();
    const again = await translate({
      text: 'Please call +33 1 42 68 53 00 today.',
      source: 'en',
      target: 'es',
    });
    expect(again.json()).toMatchObject({ cached: true, engine: 'memory' });
    expect(again.json().translation).toContain('+33 1 42 68 53 00');
    const rows = await proxy.store.db.query<{ source_key: string; target_text: string }>(
      'SELECT source_key, target_text FROM translation_memory WHERE tenant_id = ?',
      [DEV_TENANT_ID],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(bare(row.source_key + row.target_text)).not.toContain(bare(VALUES.phone));
      expect(bare(row.source_key + row.target_text)).not.toContain(bare(VALUES.card));
    }
  });

  it('masks a known name whole-word in any case, so it is never translated', async () => {
    const response = await translate({
      text: 'ROSA VERDE asked about rosa verde tea, and the Verdes replied.',
      source: 'en',
      target: 'es',
      hints: HINTS,
    });
    expect(engine.received.join(' ')).not.toMatch(/rosa verde\b/i);
    expect(response.json().translation).toContain('ROSA VERDE');
    expect(response.json().translation).toContain('rosa verde');
    expect(response.json().translation).toContain('THE VERDES REPLIED');
  });

  it('round-trips a text that is nothing but personal data without calling the engine', async () => {
    const response = await translate({
      text: VALUES.name,
      source: 'en',
      target: 'es',
      hints: HINTS,
    });
    expect(response.json()).toMatchObject({ translation: VALUES.name, qa: [] });
    expect(engine.received).toEqual([]);
  });

  it('reports a value the engine dropped by its token, and puts the value back', async () => {
    engine.dropPlaceholders = true;
    const response = await translate({
      text: `We refunded card ${VALUES.card} yesterday.`,
      source: 'en',
      target: 'es',
    });
    const body = response.json();
    expect(body.qa).toContainEqual(
      expect.objectContaining({
        code: 'placeholder_missing',
        severity: 'error',
        detail: 'card ••••1111',
      }),
    );
    expect(JSON.stringify(body.qa)).not.toContain('4111');
    expect(body.translation).toContain(VALUES.card);
  });

  it('masks for the engines the tenant’s policy names, and sends values to one it exempts', async () => {
    const text = `Card ${VALUES.card}, please.`;
    await proxy.store.personalData.set(DEV_TENANT_ID, {
      ...DEFAULT_PERSONAL_DATA_POLICY,
      engines: ['deepl', 'libretranslate'],
    });
    const named = await translate({ text, source: 'en', target: 'es' });
    expect(named.json().redactions).toEqual([{ kind: 'card', count: 1 }]);
    expectNoValueSent();

    await proxy.store.personalData.set(DEV_TENANT_ID, {
      ...DEFAULT_PERSONAL_DATA_POLICY,
      engines: ['deepl'],
    });
    const exempt = await translate({
      text: `Another card: ${VALUES.card}.`,
      source: 'en',
      target: 'es',
    });
    expect(exempt.json().redactions).toEqual([]);
    expect(engine.received.join(' ')).toContain(VALUES.card);
  });

  it('detects the language without the known names swaying it', async () => {
    const response = await proxy.app.inject({
      method: 'POST',
      url: '/v1/detect',
      headers: authorized,
      payload: {
        // Read as Italian when the names count.
        text: 'Francesca Esposito and Giuseppe Rossi: ok thanks',
        hints: {
          pii: [
            { kind: 'name', value: 'Francesca Esposito' },
            { kind: 'name', value: 'Giuseppe Rossi' },
          ],
        },
      },
    });
    expect(response.json().language).toBe('en');
  });

  it('refuses more than 20 known values, or one over 200 characters', async () => {
    const many = Array.from({ length: 21 }, (_, index) => ({
      kind: 'name',
      value: `Name ${index}`,
    }));
    for (const pii of [many, [{ kind: 'name', value: 'x'.repeat(201) }]]) {
      const response = await translate({ text: 'Hi', source: 'en', target: 'es', hints: { pii } });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('invalid_request');
    }
  });
});

describe('personal data in replies', () => {
  it('posts a machine reply with every value unchanged, none sent to the engine, and records the counts', async () => {
    zendesk.addTicket('7001');
    const created = await createReply(proxy, {
      ...reviewRequest('7001', DRAFT),
      mode: 'machine',
      hints: HINTS,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().redactions).toContainEqual({ kind: 'card', count: 1 });
    const job = await waitForStatus(proxy, created.json().id, ['posted', 'failed']);
    expect(job.status).toBe('posted');
    expect(job.redactions).toContainEqual({ kind: 'iban', count: 1 });
    expectNoValueSent();
    const [reply] = zendesk.tickets.get('7001') ?? [];
    for (const value of Object.values(VALUES)) expect(reply?.html_body).toContain(value);
  });

  it('shows a translator typed tokens, never the values, and posts the values on approval', async () => {
    zendesk.addTicket('7002');
    const translator = await signIn(proxy, 'pia@translators.example');
    const created = await createReply(proxy, { ...reviewRequest('7002', DRAFT), hints: HINTS });
    const id = created.json().id as string;
    const list = await proxy.app.inject({
      method: 'GET',
      url: '/v1/queue/jobs',
      headers: translator.headers,
    });
    const claim = await proxy.app.inject({
      method: 'POST',
      url: `/v1/queue/jobs/${id}/claim`,
      headers: translator.headers,
    });
    const seen = list.body + claim.body;
    for (const value of Object.values(VALUES)) expect(bare(seen)).not.toContain(bare(value));
    const displays = claim
      .json()
      .job.segments.flatMap((segment: { placeholders: { display: string }[] }) =>
        segment.placeholders.map((placeholder) => placeholder.display),
      );
    expect(displays).toEqual(
      expect.arrayContaining(['name', 'card ••••1111', 'IBAN ••••3000', 'phone', 'e-mail']),
    );

    const submitted = await proxy.app.inject({
      method: 'POST',
      url: `/v1/queue/jobs/${id}/submit`,
      headers: translator.headers,
      payload: { segments: [], dismissed: ['number_mismatch'] },
    });
    expect(submitted.statusCode).toBe(200);
    await waitForStatus(proxy, id, ['posted', 'failed']);
    const [reply] = zendesk.tickets.get('7002') ?? [];
    for (const value of Object.values(VALUES)) expect(reply?.html_body).toContain(value);
    expectNoValueSent();
    expect((await proxy.store.replyJobs.get(id))?.masking).toBeNull();
  });

  it('shows the values to translators of a tenant that allows it', async () => {
    await proxy.store.personalData.set(DEV_TENANT_ID, {
      ...DEFAULT_PERSONAL_DATA_POLICY,
      translatorsSeeValues: true,
    });
    const translator = await signIn(proxy, 'teo@translators.example');
    const created = await createReply(proxy, { ...reviewRequest('7003', DRAFT), hints: HINTS });
    const claim = await proxy.app.inject({
      method: 'POST',
      url: `/v1/queue/jobs/${created.json().id}/claim`,
      headers: translator.headers,
    });
    expect(claim.body).toContain(VALUES.card);
    expect(claim.body).toContain(VALUES.name);
    expectNoValueSent();
  });
});
