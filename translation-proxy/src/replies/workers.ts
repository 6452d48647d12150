/**
 * The background side of replies, started by compose.ts and stopped on close: every interval the
 * SLA enforcer runs and the outbox posts what is due; a new outbox entry wakes the outbox at once.
 */
import type { OutboxWorker } from '../outbox/worker.js';
import { createSlaEnforcer } from './sla.js';
import type { Store } from '../store/index.js';
import type { Logger } from '../logging.js';

export function createReplyWorkers(deps: {
  store: Store;
  outbox: OutboxWorker;
  logger: Logger;
  intervalMs: number;
}) {
  const { outbox, logger } = deps;
  const enforce = createSlaEnforcer(deps.store, () => void outbox.runOnce());
  let timer: NodeJS.Timeout | undefined;
  let tick: Promise<void> | undefined;

  const run = async () => {
    try {
      await enforce();
    } catch (error) {
      logger.error('reply SLA check failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
    await outbox.runOnce();
  };

  return {
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (!tick) tick = run().finally(() => (tick = undefined));
      }, deps.intervalMs);
      timer.unref();
      void outbox.runOnce();
    },
    /** Posts new outbox entries now rather than at the next tick (only while started). */
    wake() {
      if (timer) void outbox.runOnce();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await tick;
      await outbox.idle();
    },
  };
}

export type ReplyWorkers = ReturnType<typeof createReplyWorkers>;
