/**
 * The review deadline: leases that ran out go back to the queue, and a job past its due time
 * with no approval (and nobody editing it) gets the tenant's policy — `post_machine` posts the
 * machine translation as a `fallback` through the outbox, `alert` flags it for the agent. Nothing
 * is left silently.
 */
import type { Store } from '../store/index.js';

export function createSlaEnforcer(store: Store, onOutbox: () => void) {
  return async function enforce(
    now = Date.now(),
  ): Promise<{ expired: number; fallback: number; flagged: number }> {
    const expired = await store.replyJobs.expireLeases(now);
    let fallback = 0;
    let flagged = 0;
    for (const job of await store.replyJobs.overdue(now)) {
      const { fallbackPolicy } = await store.replySettings.get(job.tenantId);
      if (fallbackPolicy === 'post_machine') {
        const changed = await store.db.transaction(async (tx) => {
          const fellBack = await store.replyJobs.fallBack(tx, job.id, now);
          if (fellBack) await store.outbox.enqueue(tx, job.id, job.tenantId, now);
          return fellBack;
        });
        if (changed) fallback++;
      } else if (await store.replyJobs.flag(job.id, now)) {
        flagged++;
      }
    }
    if (fallback > 0) onOutbox();
    return { expired: expired.length, fallback, flagged };
  };
}
