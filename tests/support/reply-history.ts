/**
 * Reply jobs taken through their life at chosen times, by the same repository calls the proxy
 * makes (insert, claim, approve, fall back, flag, post): a history whose report figures a test
 * can work out by hand.
 */
import type { Store } from '@parley/translation-proxy/store/index';
import type { NewReplyJob } from '@parley/translation-proxy/store/reply-jobs';

const HOUR = 3_600_000;
/** Long enough for any claim in a test to last until its approval or rejection. */
const LEASE_MS = 12 * HOUR;

export function replyDraft(
  tenantId: string,
  mode: 'machine' | 'review',
  target: string,
  engine: string,
  dueAt: number | null,
): NewReplyJob {
  return {
    tenantId,
    idempotencyKey: null,
    helpdesk: 'zendesk',
    ticketId: '4711',
    authorId: null,
    mode,
    format: 'text',
    priority: 'normal',
    source: 'en',
    target,
    draft: 'Your parcel left our warehouse this morning.',
    terms: [],
    segments: [],
    machine:
      target === 'es'
        ? 'Su paquete salió de nuestro almacén esta mañana.'
        : 'Votre colis a quitté notre entrepôt ce matin.',
    engine,
    status: mode === 'machine' ? 'approved' : 'queued',
    dueAt,
    masking: null,
    redactions: [],
  };
}

export function replyHistory(store: Store) {
  return {
    /** A job the agent asked for at `createdAt`; returns its id. */
    async create(job: NewReplyJob, createdAt: number): Promise<string> {
      const { job: created } = await store.db.transaction((tx) => store.replyJobs.insert(tx, job));
      await store.db.execute('UPDATE reply_jobs SET created_at = ? WHERE id = ?', [
        createdAt,
        created.id,
      ]);
      return created.id;
    },

    posted: (id: string, at: number) => store.replyJobs.markPosted(id, `comment-${id}`, at),

    /** Claimed by `translatorId` at `claimedAt`, approved at `at` with `ratio` of it changed. */
    async reviewed(id: string, translatorId: string, claimedAt: number, at: number, ratio: number) {
      await store.replyJobs.claim(id, translatorId, claimedAt, LEASE_MS);
      await store.db.transaction((tx) =>
        store.replyJobs.approve(
          tx,
          id,
          { approved: 'Hola', editorId: translatorId, editDistance: 1, editRatio: ratio },
          at,
        ),
      );
    },

    async rejected(id: string, translatorId: string, claimedAt: number, at: number) {
      await store.replyJobs.claim(id, translatorId, claimedAt, LEASE_MS);
      await store.replyJobs.reject(id, translatorId, 'El cliente escribe en catalán', at);
    },

    fellBack: (id: string, at: number) =>
      store.db.transaction((tx) => store.replyJobs.fallBack(tx, id, at)),
  };
}
