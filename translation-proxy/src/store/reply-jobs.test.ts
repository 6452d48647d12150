// Claims and outbox locks under concurrency, on SQLite and on PostgreSQL (two stores on one
// database stand for two proxy instances).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBackends } from '../../../tests/support/stores.js';
import { openStore, type Store } from './index.js';
import type { NewReplyJob } from './reply-jobs.js';

const job = (tenantId: string, ticketId: string): NewReplyJob => ({
  tenantId,
  idempotencyKey: null,
  helpdesk: 'zendesk',
  ticketId,
  authorId: null,
  mode: 'review',
  format: 'text',
  priority: 'normal',
  source: 'en',
  target: 'es',
  draft: 'Your parcel is on its way.',
  terms: [],
  segments: [],
  machine: 'Su paquete está en camino.',
  engine: 'apertium',
  status: 'queued',
  dueAt: Date.now() + 3_600_000,
  masking: null,
  redactions: [],
});

describe.each(storeBackends)('reply jobs on $name', (backend) => {
  let first: Store;
  let second: Store;
  let tenantId: string;

  beforeAll(async () => {
    const location = await backend.location();
    first = await openStore(location);
    second = await openStore(location);
    tenantId = (await first.tenants.create({ name: 'Claims Ltd' })).id;
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  const insert = (store: Store, ticketId: string) =>
    store.db.transaction(
      async (tx) => (await store.replyJobs.insert(tx, job(tenantId, ticketId))).job,
    );

  it('gives each job to exactly one of many translators claiming at once', async () => {
    const jobs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => insert(first, `${100 + i}`)),
    );
    const translators = Array.from({ length: 10 }, (_, i) => `translator-${i}`);
    const now = Date.now();
    const attempts = translators.flatMap((translator, t) =>
      jobs.map(async (candidate) => ({
        job: candidate.id,
        translator,
        won: await (t % 2 === 0 ? first : second).replyJobs.claim(
          candidate.id,
          translator,
          now,
          60_000,
        ),
      })),
    );
    const wins = (await Promise.all(attempts)).filter((attempt) => attempt.won);
    expect(wins).toHaveLength(jobs.length);
    expect(new Set(wins.map((win) => win.job)).size).toBe(jobs.length);
    for (const win of wins)
      expect((await first.replyJobs.get(win.job))?.claimedBy).toBe(win.translator);
  });

  it('keeps a job’s masking until its edit is approved, and its redaction counts after', async () => {
    const queued = await first.db.transaction(
      async (tx) =>
        (
          await first.replyJobs.insert(tx, {
            ...job(tenantId, '250'),
            masking: { kinds: ['card', 'name'], known: [{ kind: 'name', value: 'Rosa Verde' }] },
            redactions: [{ kind: 'card', count: 2 }],
          })
        ).job,
    );
    expect(await second.replyJobs.get(queued.id)).toMatchObject({
      masking: { kinds: ['card', 'name'], known: [{ kind: 'name', value: 'Rosa Verde' }] },
      redactions: [{ kind: 'card', count: 2 }],
    });
    const now = Date.now();
    await first.replyJobs.claim(queued.id, 'ana', now, 60_000);
    const approval = { approved: 'Hola', editorId: 'ana', editDistance: 1, editRatio: 0.1 };
    expect(
      await first.db.transaction((tx) => first.replyJobs.approve(tx, queued.id, approval, now)),
    ).toBe(true);
    expect(await second.replyJobs.get(queued.id)).toMatchObject({
      masking: null,
      redactions: [{ kind: 'card', count: 2 }],
    });
  });

  it('drops a job’s masking when the SLA posts its machine translation instead', async () => {
    const queued = await first.db.transaction(
      async (tx) =>
        (
          await first.replyJobs.insert(tx, {
            ...job(tenantId, '251'),
            masking: { kinds: ['phone'], known: [{ kind: 'phone', value: '+34 612 345 678' }] },
          })
        ).job,
    );
    expect(
      await first.db.transaction((tx) => first.replyJobs.fallBack(tx, queued.id, Date.now())),
    ).toBe(true);
    expect((await second.replyJobs.get(queued.id))?.masking).toBeNull();
  });

  it('returns a job whose lease expired to the queue and lets another translator claim it', async () => {
    const queued = await insert(first, '200');
    const start = Date.now();
    expect(await first.replyJobs.claim(queued.id, 'ana', start, 1_000)).toBe(true);
    expect(await second.replyJobs.claim(queued.id, 'ben', start + 500, 1_000)).toBe(false);
    expect(await second.replyJobs.claim(queued.id, 'ben', start + 1_001, 1_000)).toBe(true);
    expect(await first.replyJobs.renew(queued.id, 'ana', start + 1_002, 1_000)).toBe(false);
  });

  it('never hands the same outbox entry to two workers', async () => {
    const entries = await Promise.all(
      Array.from({ length: 10 }, (_, i) => insert(first, `${300 + i}`)),
    );
    await first.db.transaction(async (tx) => {
      for (const entry of entries) await first.outbox.enqueue(tx, entry.id, tenantId);
    });
    const now = Date.now();
    // SQLite serves one proxy process through one connection (a second connection in the same
    // process would block the event loop on BEGIN IMMEDIATE); two PostgreSQL pools stand for two proxies.
    const other = backend.name === 'sqlite' ? first : second;
    const [a, b] = await Promise.all([
      first.outbox.takeDue(now, 60_000, 5),
      other.outbox.takeDue(now, 60_000, 100),
    ]);
    const taken = [...(a ?? []), ...(b ?? [])].map((entry) => entry.jobId);
    expect(taken.sort()).toEqual(entries.map((entry) => entry.id).sort());
  });

  it('records a reply as posted once, however many workers finish it', async () => {
    const outgoing = await first.db.transaction(
      async (tx) =>
        (await first.replyJobs.insert(tx, { ...job(tenantId, '400'), status: 'approved' })).job,
    );
    const other = backend.name === 'sqlite' ? first : second;
    const results = await Promise.all([
      first.replyJobs.markPosted(outgoing.id, '9001', Date.now()),
      other.replyJobs.markPosted(outgoing.id, '9002', Date.now()),
    ]);
    expect(results.sort()).toEqual([false, true]);
    const events = await first.replyJobs.events(outgoing.id);
    expect(events.filter((event) => event.kind === 'posted')).toHaveLength(1);
  });

  it('does not turn a posted reply into a failed one', async () => {
    const outgoing = await first.db.transaction(
      async (tx) =>
        (await first.replyJobs.insert(tx, { ...job(tenantId, '401'), status: 'approved' })).job,
    );
    await first.replyJobs.markPosted(outgoing.id, '9003', Date.now());
    const failed = await first.replyJobs.markFailed(
      outgoing.id,
      { code: 'helpdesk_unavailable', message: 'late failure' },
      Date.now(),
    );
    expect(failed).toBe(false);
    expect(await first.replyJobs.get(outgoing.id)).toMatchObject({
      status: 'posted',
      postedCommentId: '9003',
      error: null,
    });
  });
});
