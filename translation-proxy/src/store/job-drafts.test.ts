// Drafts of translators' edits, kept only under the lease, on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyDraft } from '../../../tests/support/reply-history.js';
import { storeBackends } from '../../../tests/support/stores.js';
import { openStore, type Store } from './index.js';

const LEASE_MS = 60_000;

describe.each(storeBackends)('job drafts on $name', (backend) => {
  let store: Store;
  let tenantId: string;
  let lucia: string;
  let kenji: string;

  beforeAll(async () => {
    store = await openStore(await backend.location());
    tenantId = (await store.tenants.create({ name: 'Drafts Ltd' })).id;
    const account = (email: string) =>
      store.translators.create({ email, name: email, passwordHash: 'unused' });
    lucia = (await account('lucia@drafts.example')).id;
    kenji = (await account('kenji@drafts.example')).id;
  });
  afterAll(() => store.close());

  const queuedJob = () =>
    store.db.transaction(
      async (tx) =>
        (
          await store.replyJobs.insert(
            tx,
            replyDraft(tenantId, 'review', 'es', 'apertium', Date.now() + 3_600_000),
          )
        ).job,
    );
  const edit = [{ index: 0, target: 'Su paquete ya está en camino.' }];

  it('keeps the draft of the translator who holds the lease, for them only', async () => {
    const job = await queuedJob();
    const now = Date.now();
    expect(await store.replyJobs.claim(job.id, lucia, now, LEASE_MS)).toBe(true);
    expect(await store.jobDrafts.save(job.id, lucia, edit, now)).toBe(true);
    expect(await store.jobDrafts.get(job.id, lucia)).toEqual({ segments: edit, updatedAt: now });
    expect(await store.jobDrafts.get(job.id, kenji)).toBeUndefined();
  });

  it('replaces a saved draft with the newer one', async () => {
    const job = await queuedJob();
    const now = Date.now();
    await store.replyJobs.claim(job.id, lucia, now, LEASE_MS);
    await store.jobDrafts.save(job.id, lucia, edit, now);
    const newer = [{ index: 0, target: 'Su paquete llega mañana.' }];
    expect(await store.jobDrafts.save(job.id, lucia, newer, now + 1)).toBe(true);
    expect((await store.jobDrafts.get(job.id, lucia))?.segments).toEqual(newer);
  });

  it('refuses a draft from a translator who does not hold the lease', async () => {
    const job = await queuedJob();
    const now = Date.now();
    await store.replyJobs.claim(job.id, lucia, now, LEASE_MS);
    expect(await store.jobDrafts.save(job.id, kenji, edit, now)).toBe(false);
    expect(await store.jobDrafts.get(job.id, kenji)).toBeUndefined();
  });

  it('refuses a draft once the lease has run out', async () => {
    const job = await queuedJob();
    const now = Date.now();
    await store.replyJobs.claim(job.id, lucia, now, LEASE_MS);
    expect(await store.jobDrafts.save(job.id, lucia, edit, now + LEASE_MS)).toBe(false);
    expect(await store.jobDrafts.get(job.id, lucia)).toBeUndefined();
  });

  it('forgets the draft of a job given back', async () => {
    const job = await queuedJob();
    const now = Date.now();
    await store.replyJobs.claim(job.id, lucia, now, LEASE_MS);
    await store.jobDrafts.save(job.id, lucia, edit, now);
    await store.jobDrafts.delete(job.id);
    expect(await store.jobDrafts.get(job.id, lucia)).toBeUndefined();
  });
});
