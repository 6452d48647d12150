// Reply jobs end to end in one process: the agent's endpoints, the translators' queue, the outbox
// posting to a Zendesk stand-in (msw), the embedded Apertium engine and SQLite.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Proxy } from '../compose.js';
import { DEV_TENANT_ID } from '../plugins/auth.js';
import { createSecretBox } from '../secrets.js';
import { freshdeskApi } from '../../../tests/msw/freshdesk.js';
import { zendeskApi } from '../../../tests/msw/zendesk.js';
import {
  createReply,
  replyStatus,
  reviewRequest,
  signIn,
  startReplyProxy,
  TEST_SECRET_KEY,
  waitForStatus,
  ZENDESK,
} from '../../../tests/fault/replies-support.js';

const zendesk = zendeskApi(ZENDESK);
const FRESHDESK = { helpdesk: 'freshdesk' as const, domain: 'acme', apiKey: 'Ab12Cd34Ef56Gh78' };
const freshdesk = freshdeskApi(FRESHDESK);
const server = setupServer(...zendesk.handlers, ...freshdesk.handlers);
let proxy: Proxy;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'bypass' });
  proxy = await startReplyProxy();
});
afterEach(() => {
  zendesk.faults.clear();
});
afterAll(async () => {
  await proxy.close();
  server.close();
});

const queue = (method: 'GET' | 'POST', url: string, headers: object, payload?: object) =>
  proxy.app.inject({ method, url, headers: { ...headers }, ...(payload ? { payload } : {}) });

describe('machine replies', () => {
  it('translates and posts a public reply and an internal note with the original, once', async () => {
    zendesk.addTicket('5001');
    const created = await createReply(proxy, {
      ...reviewRequest('5001', '<p>Thank you for your patience.</p>'),
      mode: 'machine',
    });
    expect(created.statusCode).toBe(201);
    const job = await waitForStatus(proxy, created.json().id, ['posted', 'failed']);
    const comments = zendesk.tickets.get('5001') ?? [];
    expect(job).toMatchObject({ status: 'posted', postedCommentId: String(comments[0]?.id) });
    expect(comments.map((comment) => comment.public)).toEqual([true, false]);
    expect(comments[0]?.html_body).toMatch(/gracias/i);
    expect(comments[1]?.html_body).toContain('Thank you for your patience.');
    expect(comments[1]?.html_body).toContain('apertium');
  });

  it('posts to Freshdesk as a reply and a private note', async () => {
    await proxy.store.helpdeskConnections.setSealedCredentials(
      DEV_TENANT_ID,
      'freshdesk',
      createSecretBox(Buffer.from(TEST_SECRET_KEY, 'hex')).seal(JSON.stringify(FRESHDESK)),
    );
    freshdesk.addTicket('120');
    const created = await createReply(proxy, {
      ...reviewRequest('120', 'Thank you for your patience.\nWe will write again tomorrow.'),
      helpdesk: 'freshdesk',
      format: 'text',
      mode: 'machine',
    });
    const job = await waitForStatus(proxy, created.json().id, ['posted', 'failed']);
    const conversations = freshdesk.tickets.get('120') ?? [];
    expect(job).toMatchObject({ status: 'posted', postedCommentId: String(conversations[0]?.id) });
    expect(conversations.map((conversation) => conversation.private)).toEqual([false, true]);
    expect(conversations[0]?.body).toMatch(/^<p>.*gracias.*<br>.*<\/p>$/i);
  });

  it('answers a repeated request with the same Idempotency-Key with the same job', async () => {
    zendesk.addTicket('5002');
    const payload = { ...reviewRequest('5002', '<p>Your order has shipped.</p>'), mode: 'machine' };
    const first = await createReply(proxy, payload, { 'idempotency-key': 'reply-5002-a' });
    const second = await createReply(proxy, payload, { 'idempotency-key': 'reply-5002-a' });
    expect([first.statusCode, second.statusCode]).toEqual([201, 200]);
    expect(second.json().id).toBe(first.json().id);
    await waitForStatus(proxy, first.json().id, ['posted']);
    expect(zendesk.tickets.get('5002')?.filter((comment) => comment.public)).toHaveLength(1);
  });

  it('fails the job visibly with Zendesk’s message when Zendesk refuses the reply', async () => {
    const created = await createReply(proxy, {
      ...reviewRequest('404404', '<p>Thanks!</p>'),
      mode: 'machine',
    });
    const job = await waitForStatus(proxy, created.json().id, ['posted', 'failed']);
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ code: 'helpdesk_rejected' });
    expect(String((job.error as { message: string }).message)).toContain('RecordNotFound');
  });
});

describe('reviewed replies', () => {
  it('queues a reviewed reply with a due time and returns at once', async () => {
    const created = await createReply(
      proxy,
      reviewRequest('5010', '<p>Your refund is on its way.</p>'),
      {
        'idempotency-key': 'review-5010',
      },
    );
    expect(created.statusCode).toBe(201);
    expect(created.json().status).toBe('queued');
    expect(Date.parse(created.json().dueAt)).toBeGreaterThan(Date.now());
  });

  it('refuses a translator POST without the CSRF token', async () => {
    const translator = await signIn(proxy, 'csrf@translators.example');
    const created = await createReply(proxy, reviewRequest('5011', '<p>We are on it.</p>'));
    const response = await queue('POST', `/v1/queue/jobs/${created.json().id}/claim`, {
      cookie: translator.cookie,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
  });

  it('hides jobs of a pair the translator is not assigned to', async () => {
    const french = await signIn(proxy, 'fr@translators.example', [{ source: 'en', target: 'fr' }]);
    const created = await createReply(proxy, reviewRequest('5012', '<p>We are on it.</p>'));
    const list = await queue('GET', '/v1/queue/jobs', french.headers);
    expect(list.json().jobs.map((job: { id: string }) => job.id)).not.toContain(created.json().id);
    const claim = await queue('POST', `/v1/queue/jobs/${created.json().id}/claim`, french.headers);
    expect(claim.statusCode).toBe(404);
  });

  it('lets only one of two translators claim a job', async () => {
    const ana = await signIn(proxy, 'ana@translators.example');
    const ben = await signIn(proxy, 'ben@translators.example');
    const created = await createReply(proxy, reviewRequest('5013', '<p>We are on it.</p>'));
    const url = `/v1/queue/jobs/${created.json().id}/claim`;
    const [first, second] = await Promise.all([
      queue('POST', url, ana.headers),
      queue('POST', url, ben.headers),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    expect([first, second].find((r) => r.statusCode === 409)?.json().error.code).toBe(
      'already_claimed',
    );
  });

  it('names the translator who holds the claim while the reply is in review', async () => {
    zendesk.addTicket('5030');
    const translator = await signIn(proxy, 'nadia@translators.example');
    const created = await createReply(
      proxy,
      reviewRequest('5030', '<p>Your refund is on its way.</p>'),
    );
    const id = created.json().id as string;
    expect(await replyStatus(proxy, id)).not.toHaveProperty('editor');
    await queue('POST', `/v1/queue/jobs/${id}/claim`, translator.headers);
    expect(await replyStatus(proxy, id)).toMatchObject({
      status: 'in_review',
      editor: { id: translator.id, name: 'nadia' },
    });
  });

  it('gives the translator the words the engine did not know in the machine translation', async () => {
    zendesk.addTicket('5017');
    const una = await signIn(proxy, 'una@translators.example');
    const created = await createReply(
      proxy,
      reviewRequest('5017', '<p>The zorblax is ready. We are here.</p>'),
    );
    const claimed = await queue('POST', `/v1/queue/jobs/${created.json().id}/claim`, una.headers);
    const [marked, plain] = claimed.json().job.segments as {
      target: string;
      unknown?: { start: number; end: number }[];
    }[];
    const [word] = marked!.unknown!;
    expect(marked!.target.slice(word!.start, word!.end)).toBe('zorblax');
    expect(plain!.unknown).toBeUndefined();
  });

  it('queues the engine’s translation of each sentence even when the memory cannot store it', async () => {
    const translator = await signIn(proxy, 'ines@translators.example');
    // A real write failure from the database, on translation-memory inserts only.
    await proxy.store.db.execute(
      `CREATE TRIGGER memory_write_fails BEFORE INSERT ON translation_memory
       BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`,
    );
    try {
      const created = await createReply(
        proxy,
        reviewRequest('5018', '<p>Your parcel left our warehouse today.</p>'),
      );
      const claimed = await queue(
        'POST',
        `/v1/queue/jobs/${created.json().id}/claim`,
        translator.headers,
      );
      const [segment] = claimed.json().job.segments;
      expect(segment).toMatchObject({
        source: 'Your parcel left our warehouse today.',
        origin: 'machine',
      });
      expect(segment.target).toMatch(/paquete.*almacén.*hoy/i);
    } finally {
      await proxy.translation.drain();
      await proxy.store.db.execute('DROP TRIGGER memory_write_fails');
    }
  });

  it('labels a sentence the memory has from an approved edit as memory, beside machine ones', async () => {
    const translator = await signIn(proxy, 'olga@translators.example');
    await proxy.store.memory.save(DEV_TENANT_ID, 'en', 'es', [
      {
        source: 'We are sorry for the wait.',
        target: 'Sentimos mucho la espera.',
        origin: 'human',
        engine: null,
      },
    ]);
    const created = await createReply(
      proxy,
      reviewRequest('5019', '<p>We are sorry for the wait. Your order ships on Monday.</p>'),
    );
    const claimed = await queue(
      'POST',
      `/v1/queue/jobs/${created.json().id}/claim`,
      translator.headers,
    );
    const [remembered, machine] = claimed.json().job.segments;
    expect(remembered).toMatchObject({
      target: 'Sentimos mucho la espera.',
      origin: 'memory',
      match: 100,
    });
    expect(machine).toMatchObject({ source: 'Your order ships on Monday.', origin: 'machine' });
    expect(machine).not.toHaveProperty('match');
    expect(machine.target).toMatch(/lunes/i);
  });

  it('blocks a submission that drops a placeholder, then posts the fixed one once', async () => {
    zendesk.addTicket('5020');
    const translator = await signIn(proxy, 'carla@translators.example');
    const created = await createReply(
      proxy,
      reviewRequest('5020', '<p>Hi {{ticket.requester.first_name}}, your order has shipped.</p>'),
    );
    const id = created.json().id as string;
    const claim = await queue('POST', `/v1/queue/jobs/${id}/claim`, translator.headers);
    expect(claim.statusCode).toBe(200);
    const [segment] = claim.json().job.segments;
    expect(segment.placeholders).toEqual([
      { id: 1, kind: 'span', display: '{{ticket.requester.first_name}}' },
    ]);

    const dropped = await queue('POST', `/v1/queue/jobs/${id}/submit`, translator.headers, {
      segments: [{ index: 0, target: 'Hola, tu pedido ha sido enviado.' }],
    });
    expect(dropped.statusCode).toBe(422);
    expect(dropped.json().qa).toContainEqual(
      expect.objectContaining({ code: 'placeholder_missing', severity: 'error', segment: 0 }),
    );

    const fixed = await queue('POST', `/v1/queue/jobs/${id}/submit`, translator.headers, {
      segments: [{ index: 0, target: 'Hola <x id="1"/>, tu pedido ya ha sido enviado.' }],
    });
    expect(fixed.statusCode).toBe(200);
    const job = await waitForStatus(proxy, id, ['posted', 'failed']);
    expect(job).toMatchObject({ status: 'posted', editor: { id: translator.id, name: 'carla' } });
    expect(job.editDistance).toBeGreaterThan(0);
    const comments = zendesk.tickets.get('5020') ?? [];
    expect(comments.map((comment) => comment.public)).toEqual([true, false]);
    expect(comments[0]?.html_body).toBe(
      '<p>Hola {{ticket.requester.first_name}}, tu pedido ya ha sido enviado.</p>',
    );
    expect(comments[1]?.html_body).toContain('carla');
  });

  it('checks an edit without approving it, finding what submit refuses it for', async () => {
    const translator = await signIn(proxy, 'chet@translators.example');
    const created = await createReply(
      proxy,
      reviewRequest('5023', '<p>Hi {{ticket.requester.first_name}}, thanks for writing.</p>'),
    );
    const id = created.json().id as string;
    await queue('POST', `/v1/queue/jobs/${id}/claim`, translator.headers);
    const edit = { segments: [{ index: 0, target: 'Hola, gracias por escribirnos.' }] };

    const check = await queue('POST', `/v1/queue/jobs/${id}/check`, translator.headers, edit);
    expect(check.statusCode).toBe(200);
    expect(check.json().qa).toContainEqual(
      expect.objectContaining({ code: 'placeholder_missing', severity: 'error', segment: 0 }),
    );
    expect((await replyStatus(proxy, id)).status).toBe('in_review');
    const submit = await queue('POST', `/v1/queue/jobs/${id}/submit`, translator.headers, edit);
    expect(submit.statusCode).toBe(422);
    expect(submit.json().qa).toEqual(check.json().qa);
  });

  it('checks an edit with only dismissed warnings as passing, and an undismissed one as not', async () => {
    const translator = await signIn(proxy, 'dina@translators.example');
    const created = await createReply(
      proxy,
      reviewRequest('5024', '<p>Your order 48213 ships on Friday.</p>'),
    );
    const id = created.json().id as string;
    await queue('POST', `/v1/queue/jobs/${id}/claim`, translator.headers);
    const segments = [{ index: 0, target: 'Tu pedido sale el viernes.' }];
    const url = `/v1/queue/jobs/${id}/check`;

    const warned = await queue('POST', url, translator.headers, { segments });
    expect(warned.json().qa).toEqual([
      expect.objectContaining({ code: 'number_mismatch', severity: 'warning' }),
    ]);
    const dismissed = await queue('POST', url, translator.headers, {
      segments,
      dismissed: ['number_mismatch'],
    });
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.json()).toEqual({ qa: [] });
  });

  it('refuses a check without the session’s CSRF token', async () => {
    const translator = await signIn(proxy, 'ezra@translators.example');
    const created = await createReply(proxy, reviewRequest('5025', '<p>Thanks for waiting.</p>'));
    const id = created.json().id as string;
    await queue('POST', `/v1/queue/jobs/${id}/claim`, translator.headers);
    const check = await queue(
      'POST',
      `/v1/queue/jobs/${id}/check`,
      { cookie: translator.cookie },
      { segments: [] },
    );
    expect(check.statusCode).toBe(403);
    expect(check.json().error.code).toBe('csrf_failed');
  });

  it('refuses a check of a job whose lease the translator no longer holds', async () => {
    const translator = await signIn(proxy, 'fern@translators.example');
    const created = await createReply(proxy, reviewRequest('5026', '<p>Thanks for waiting.</p>'));
    const id = created.json().id as string;
    await queue('POST', `/v1/queue/jobs/${id}/claim`, translator.headers);
    await queue('POST', `/v1/queue/jobs/${id}/release`, translator.headers);
    const check = await queue('POST', `/v1/queue/jobs/${id}/check`, translator.headers, {
      segments: [],
    });
    expect(check.statusCode).toBe(409);
    expect(check.json().error.code).toBe('lease_expired');
  });

  it('refuses a submitted segment far longer than its source, naming the segment', async () => {
    const translator = await signIn(proxy, 'erik@translators.example');
    const created = await createReply(proxy, reviewRequest('5022', '<p>Thanks for waiting.</p>'));
    const id = created.json().id as string;
    await queue('POST', `/v1/queue/jobs/${id}/claim`, translator.headers);
    const padded = await queue('POST', `/v1/queue/jobs/${id}/submit`, translator.headers, {
      segments: [{ index: 0, target: `Gracias por esperar. ${'¡Muchas gracias! '.repeat(20)}` }],
    });
    expect(padded.statusCode).toBe(413);
    expect(padded.json().error).toMatchObject({ code: 'text_too_long' });
    expect(padded.json().error.message).toContain('Segment 0');
    const fitting = await queue('POST', `/v1/queue/jobs/${id}/submit`, translator.headers, {
      segments: [{ index: 0, target: 'Gracias por esperar, de verdad.' }],
    });
    expect(fitting.statusCode).toBe(200);
  });

  it('feeds the approved edit to the translation memory as a human translation', async () => {
    const translator = await signIn(proxy, 'dora@translators.example');
    const created = await createReply(proxy, reviewRequest('5021', '<p>Sorry for the delay.</p>'));
    const id = created.json().id as string;
    await queue('POST', `/v1/queue/jobs/${id}/claim`, translator.headers);
    await queue('POST', `/v1/queue/jobs/${id}/submit`, translator.headers, {
      segments: [{ index: 0, target: 'Perdona el retraso.' }],
    });
    const match = await proxy.store.memory.lookup(DEV_TENANT_ID, 'en', 'es', [
      'Sorry for the delay.',
    ]);
    expect(match.get('Sorry for the delay.')).toEqual({
      target: 'Perdona el retraso.',
      origin: 'human',
      engine: null,
      unknown: [],
    });
  });

  it('refuses a submission after the lease expired mid-edit, and lets another translator claim', async () => {
    const slow = await signIn(proxy, 'slow@translators.example');
    const other = await signIn(proxy, 'other@translators.example');
    const created = await createReply(
      proxy,
      reviewRequest('5022', '<p>We will call you today.</p>'),
    );
    const id = created.json().id as string;
    await queue('POST', `/v1/queue/jobs/${id}/claim`, slow.headers);
    await proxy.store.db.execute('UPDATE reply_jobs SET lease_expires_at = ? WHERE id = ?', [
      Date.now() - 1,
      id,
    ]);
    expect((await replyStatus(proxy, id)).status).toBe('queued');
    const submit = await queue('POST', `/v1/queue/jobs/${id}/submit`, slow.headers, {
      segments: [{ index: 0, target: 'Te llamaremos hoy.' }],
    });
    expect(submit.statusCode).toBe(409);
    expect(submit.json().error.code).toBe('lease_expired');
    expect((await queue('POST', `/v1/queue/jobs/${id}/claim`, other.headers)).statusCode).toBe(200);
  });

  it('shows a rejection and its reason to the agent', async () => {
    const translator = await signIn(proxy, 'eve@translators.example');
    const created = await createReply(proxy, reviewRequest('5023', '<p>See attachment.</p>'));
    const id = created.json().id as string;
    await queue('POST', `/v1/queue/jobs/${id}/claim`, translator.headers);
    const reject = await queue('POST', `/v1/queue/jobs/${id}/reject`, translator.headers, {
      reason: 'The draft mentions an attachment that is not there.',
    });
    expect(reject.statusCode).toBe(204);
    expect(await replyStatus(proxy, id)).toMatchObject({
      status: 'failed',
      error: { code: 'rejected', message: 'The draft mentions an attachment that is not there.' },
    });
  });
});

describe('review deadline', () => {
  it('flags an overdue job for the agent under the alert policy and keeps it queued', async () => {
    await proxy.store.replySettings.set(DEV_TENANT_ID, { slaMinutes: 60, fallbackPolicy: 'alert' });
    const created = await createReply(proxy, reviewRequest('5030', '<p>We are checking.</p>'));
    const id = created.json().id as string;
    await proxy.store.db.execute('UPDATE reply_jobs SET due_at = ? WHERE id = ?', [
      Date.now() - 1,
      id,
    ]);
    await expect
      .poll(async () => (await replyStatus(proxy, id)).flagged, { timeout: 5_000 })
      .toBe(true);
    expect((await replyStatus(proxy, id)).status).toBe('queued');
  });

  it('posts the machine translation as a fallback under the post_machine policy', async () => {
    zendesk.addTicket('5031');
    await proxy.store.replySettings.set(DEV_TENANT_ID, {
      slaMinutes: 60,
      fallbackPolicy: 'post_machine',
    });
    const created = await createReply(
      proxy,
      reviewRequest('5031', '<p>Thank you for your patience.</p>'),
    );
    const id = created.json().id as string;
    await proxy.store.db.execute('UPDATE reply_jobs SET due_at = ? WHERE id = ?', [
      Date.now() - 1,
      id,
    ]);
    await expect
      .poll(async () => (await replyStatus(proxy, id)).postedCommentId, { timeout: 5_000 })
      .toBeDefined();
    expect((await replyStatus(proxy, id)).status).toBe('fallback');
    const comments = zendesk.tickets.get('5031') ?? [];
    expect(comments).toHaveLength(2);
    expect(comments[1]?.html_body).toContain('review deadline passed');
    await proxy.store.replySettings.set(DEV_TENANT_ID, { slaMinutes: 60, fallbackPolicy: 'alert' });
  });
});

describe('tenant isolation', () => {
  it('does not show one tenant’s reply job to another tenant', async () => {
    const created = await createReply(proxy, reviewRequest('5040', '<p>We are on it.</p>'));
    const other = await proxy.store.tenants.create({ name: 'Other Shop' });
    const { key } = await proxy.store.apiKeys.issue(other.id);
    const response = await proxy.app.inject({
      method: 'GET',
      url: `/v1/replies/${created.json().id}`,
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('translator sign-in', () => {
  it('returns the signed-in translator with assignments, and nothing after logout', async () => {
    const translator = await signIn(proxy, 'gus@translators.example', [
      { source: 'es', target: 'en' },
    ]);
    const me = await queue('GET', '/v1/queue/me', { cookie: translator.cookie });
    expect(me.json()).toMatchObject({
      translator: {
        email: 'gus@translators.example',
        pairs: [{ source: 'es', target: 'en' }],
        tenants: [{ id: DEV_TENANT_ID, name: 'Development' }],
      },
      csrfToken: translator.csrf,
    });
    expect((await queue('POST', '/v1/queue/logout', translator.headers)).statusCode).toBe(204);
    const after = await queue('GET', '/v1/queue/me', { cookie: translator.cookie });
    expect(after.statusCode).toBe(401);
  });

  it('answers the session with the signed-in translator and the CSRF token', async () => {
    const translator = await signIn(proxy, 'hal@translators.example');
    const session = await queue('GET', '/v1/queue/session', { cookie: translator.cookie });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({
      translator: { id: translator.id, email: 'hal@translators.example' },
      csrfToken: translator.csrf,
    });
  });

  it('answers the session with no translator, not 401, without a valid session', async () => {
    const translator = await signIn(proxy, 'ida@translators.example');
    await queue('POST', '/v1/queue/logout', translator.headers);
    for (const headers of [{}, { cookie: translator.cookie }]) {
      const session = await queue('GET', '/v1/queue/session', headers);
      expect(session.statusCode).toBe(200);
      expect(session.json()).toEqual({ translator: null });
    }
  });

  it('publishes the session and check endpoints in the OpenAPI document', async () => {
    const { paths } = (await proxy.app.inject({ url: '/openapi.json' })).json();
    expect(paths['/v1/queue/session'].get.responses['200']).toBeDefined();
    expect(paths['/v1/queue/jobs/{id}/check'].post.requestBody).toBeDefined();
    expect(paths['/v1/queue/jobs/{id}/check'].post.responses['200']).toBeDefined();
  });

  it('says each queue action’s error codes in the OpenAPI document, the contract’s one home', async () => {
    const { paths } = (await proxy.app.inject({ url: '/openapi.json' })).json();
    expect(paths['/v1/queue/jobs/{id}/claim'].post.description).toContain('already_claimed');
    expect(paths['/v1/queue/jobs/{id}/renew'].post.description).toContain('lease_expired');
    expect(paths['/v1/queue/jobs/{id}/submit'].post.description).toContain('qa_failed');
    expect(paths['/v1/queue/login'].post.description).toContain('x-csrf-token');
  });

  it('refuses a wrong password with invalid_credentials', async () => {
    await signIn(proxy, 'fay@translators.example');
    const response = await proxy.app.inject({
      method: 'POST',
      url: '/v1/queue/login',
      payload: { email: 'fay@translators.example', password: 'not-her-password' },
      remoteAddress: '198.51.100.7',
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('invalid_credentials');
  });

  it('slows down password guessing from one address', async () => {
    const attempts = [];
    for (let i = 0; i < 11; i++)
      attempts.push(
        await proxy.app.inject({
          method: 'POST',
          url: '/v1/queue/login',
          payload: { email: 'nobody@translators.example', password: `guess-${i}` },
          remoteAddress: '203.0.113.9',
        }),
      );
    expect(attempts.slice(0, 10).every((attempt) => attempt.statusCode === 401)).toBe(true);
    expect(attempts[10]?.statusCode).toBe(429);
    expect(attempts[10]?.headers['retry-after']).toBeDefined();
  });
});
