// The reply job's state machine on SQLite and PostgreSQL: each transition runs only from the
// states it is written for; from any other it is refused (false), leaves the row as it was and
// records no event; and the code's reading of each rule (`allows`) agrees with the SQL's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBackends } from '../../../tests/support/stores.js';
import { openStore, type Store } from './index.js';
import type { NewReplyJob, ReplyStatus } from './reply-job-rows.js';
import { allows, type TransitionName } from './reply-job-states.js';

const STATUSES: ReplyStatus[] = [
  'queued',
  'in_review',
  'approved',
  'posting',
  'posted',
  'failed',
  'fallback',
];
const TRANSLATOR = 'translator-a';
const LEASE_MS = 60_000;

const draft = (tenantId: string): NewReplyJob => ({
  tenantId,
  idempotencyKey: null,
  helpdesk: 'zendesk',
  ticketId: '5120',
  authorId: null,
  mode: 'review',
  format: 'text',
  priority: 'normal',
  source: 'en',
  target: 'es',
  draft: 'We have refunded the second charge.',
  terms: [],
  segments: [],
  machine: 'Hemos reembolsado el segundo cargo.',
  engine: 'apertium',
  status: 'queued',
  dueAt: Date.now() + 3_600_000,
  masking: null,
  redactions: [],
});

/** Each transition as its callers run it, by `translator-a` where a translator acts. */
const RUN: Record<TransitionName, (store: Store, id: string, now: number) => Promise<boolean>> = {
  claim: (store, id, now) => store.replyJobs.claim(id, TRANSLATOR, now, LEASE_MS),
  renew: (store, id, now) => store.replyJobs.renew(id, TRANSLATOR, now, LEASE_MS),
  release: (store, id, now) => store.replyJobs.release(id, TRANSLATOR, now),
  reject: (store, id, now) => store.replyJobs.reject(id, TRANSLATOR, 'Wrong customer name', now),
  approve: (store, id, now) =>
    store.db.transaction((tx) =>
      store.replyJobs.approve(
        tx,
        id,
        {
          approved: 'Le hemos reembolsado el segundo cargo.',
          editorId: TRANSLATOR,
          editDistance: 3,
          editRatio: 0.08,
        },
        now,
      ),
    ),
  expireLease: async (store, id, now) => (await store.replyJobs.expireLeases(now)).includes(id),
  fallBack: (store, id, now) => store.db.transaction((tx) => store.replyJobs.fallBack(tx, id, now)),
  flag: (store, id, now) => store.replyJobs.flag(id, now),
  markPosting: (store, id, now) => store.replyJobs.markPosting(id, now),
  markPosted: (store, id, now) => store.replyJobs.markPosted(id, '9000000123', now),
  markFailed: (store, id, now) =>
    store.replyJobs.markFailed(id, { code: 'helpdesk_rejected', message: 'Ticket closed' }, now),
};

/**
 * The statuses each transition may leave, for a job unflagged and not posted, claimed by
 * `translator-a` under a lease that is still running or has run out.
 */
const ALLOWED: Record<TransitionName, { live: ReplyStatus[]; runOut: ReplyStatus[] }> = {
  claim: { live: ['queued'], runOut: ['queued', 'in_review'] },
  renew: { live: ['in_review'], runOut: [] },
  release: { live: ['in_review'], runOut: [] },
  reject: { live: ['in_review'], runOut: [] },
  approve: { live: ['in_review'], runOut: [] },
  expireLease: { live: [], runOut: ['in_review'] },
  fallBack: { live: ['queued'], runOut: ['queued', 'in_review'] },
  flag: { live: ['queued', 'in_review'], runOut: ['queued', 'in_review'] },
  markPosting: { live: ['approved'], runOut: ['approved'] },
  markPosted: {
    live: ['approved', 'posting', 'fallback'],
    runOut: ['approved', 'posting', 'fallback'],
  },
  markFailed: {
    live: ['approved', 'posting', 'fallback'],
    runOut: ['approved', 'posting', 'fallback'],
  },
};

describe.each(storeBackends)('reply job transitions on $name', (backend) => {
  let store: Store;
  let tenantId: string;

  beforeAll(async () => {
    store = await openStore(await backend.location());
    tenantId = (await store.tenants.create({ name: 'Transitions Ltd' })).id;
  });
  afterAll(() => store.close());

  /** A new job put straight into `status`, claimed by `translator-a` until `leaseExpiresAt`. */
  async function jobIn(status: ReplyStatus, leaseExpiresAt: number) {
    const { job } = await store.db.transaction((tx) => store.replyJobs.insert(tx, draft(tenantId)));
    await store.db.execute(
      'UPDATE reply_jobs SET status = ?, claimed_by = ?, lease_expires_at = ? WHERE id = ?',
      [status, TRANSLATOR, leaseExpiresAt, job.id],
    );
    const stored = await store.replyJobs.get(job.id);
    if (!stored) throw new Error('the job just inserted is gone');
    return stored;
  }

  const cases = Object.keys(RUN).flatMap((name) =>
    (['live', 'runOut'] as const).map((lease) => ({ name: name as TransitionName, lease })),
  );

  it.each(cases)('$name (lease $lease) runs only from its states', async ({ name, lease }) => {
    const now = Date.now();
    const outcomes: Record<string, boolean> = {};
    for (const status of STATUSES) {
      const before = await jobIn(status, lease === 'live' ? now + LEASE_MS : now - 1);
      const eventsBefore = await store.replyJobs.events(before.id);
      const changed = await RUN[name](store, before.id, now);
      outcomes[status] = changed;
      expect(allows(name, before, { now, translatorId: TRANSLATOR })).toBe(changed);
      if (!changed) {
        expect(await store.replyJobs.get(before.id)).toEqual(before);
        expect(await store.replyJobs.events(before.id)).toEqual(eventsBefore);
      }
    }
    const allowed = ALLOWED[name][lease];
    expect(outcomes).toEqual(
      Object.fromEntries(STATUSES.map((status) => [status, allowed.includes(status)])),
    );
  });

  it('keeps a fallback a fallback when it is posted, and posts nothing twice', async () => {
    const now = Date.now();
    const job = await jobIn('fallback', now - 1);
    expect(await store.replyJobs.markPosted(job.id, '9000000124', now)).toBe(true);
    expect((await store.replyJobs.get(job.id))?.status).toBe('fallback');
    expect(await store.replyJobs.markPosted(job.id, '9000000125', now)).toBe(false);
    expect((await store.replyJobs.get(job.id))?.postedCommentId).toBe('9000000124');
  });

  it('refuses the SLA a job already flagged', async () => {
    const now = Date.now();
    const job = await jobIn('queued', now - 1);
    expect(await store.replyJobs.flag(job.id, now)).toBe(true);
    expect(await store.replyJobs.flag(job.id, now)).toBe(false);
    expect(await RUN.fallBack(store, job.id, now)).toBe(false);
    const kinds = (await store.replyJobs.events(job.id)).map((event) => event.kind);
    expect(kinds.sort()).toEqual(['created', 'sla_flagged']);
  });

  it('lets a translator other than the holder neither renew, release, reject nor approve', async () => {
    const now = Date.now();
    const job = await jobIn('in_review', now + LEASE_MS);
    const other = 'translator-b';
    expect(await store.replyJobs.renew(job.id, other, now, LEASE_MS)).toBe(false);
    expect(await store.replyJobs.release(job.id, other, now)).toBe(false);
    expect(await store.replyJobs.reject(job.id, other, 'Not mine', now)).toBe(false);
    expect(allows('approve', job, { now, translatorId: other })).toBe(false);
    expect(await store.replyJobs.get(job.id)).toEqual(job);
  });
});
