/**
 * The engine's translations on their way to the translation memory, written after the answer.
 *
 * Every write is a transaction that also files the segment's words in the fuzzy index (about ten
 * index pages per segment on SQLite, synchronous on the event loop), so the writes of every
 * request answered within `windowMs` go in one `saveAll`: profiled, a transaction per request
 * was the largest cost an uncached request added to the engine's own, and it ran between the
 * answer and the next request. Until its write has landed, a queued translation is served to
 * a request that misses the stored memory (`find`), so a sentence repeated at once is still
 * answered from the memory. A crash loses at most one window of machine translations, which
 * the engine gives again; shutdown writes them (`drain`).
 */
import { setImmediate } from 'node:timers/promises';
import type { Logger } from '../logging.js';
import type { MemoryMatch, MemoryRepository, MemoryWrite } from '../store/memory.js';

/**
 * How long the first queued translation waits for others to share its transaction. A write costs
 * less the more share it (on SQLite, CPU per translation: 0.31 ms in transactions of 4, 0.21 of 16,
 * 0.16 of 64): the fuzzy index's rows land on pages all over its B-tree, and a commit writes every
 * page it touched to the WAL. At the ~300 cold sentences per second 2 cores serve, 200 ms fills
 * transactions to about 60, where 50 ms filled them to about 15.
 */
const WINDOW_MS = 200;
/**
 * Translations per transaction: larger ones cost little less per translation (0.14 ms at 500), and
 * on SQLite each holds the event loop for its whole length (other requests run between them).
 */
const PER_TRANSACTION = 64;

export interface MemoryWriteQueue {
  /** Queues the translations of one answered request. */
  add(entries: readonly MemoryWrite[]): void;
  /** The queued translation of a masked source, if its write has not landed yet. */
  find(
    tenantId: string,
    sourceLang: string,
    targetLang: string,
    source: string,
    formality: string,
  ): MemoryMatch | undefined;
  /** Writes what is queued now and resolves once every write started so far has finished. */
  drain(): Promise<void>;
}

const keyOf = (
  tenantId: string,
  sourceLang: string,
  targetLang: string,
  source: string,
  formality = 'default',
): string => [tenantId, sourceLang, targetLang, formality, source].join('\u0000');

export function createMemoryWriteQueue(options: {
  memory: Pick<MemoryRepository, 'saveAll'>;
  logger: Logger;
  windowMs?: number;
}): MemoryWriteQueue {
  const { memory, logger } = options;
  const windowMs = options.windowMs ?? WINDOW_MS;
  /** Translations not yet handed to the store, by key: the last one for a key wins, as in `saveAll`. */
  let queued = new Map<string, MemoryWrite>();
  /** Batches handed to the store whose transaction has not finished. */
  const writing = new Set<ReadonlyMap<string, MemoryWrite>>();
  const pending = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;

  async function save(entries: readonly MemoryWrite[]): Promise<void> {
    for (let start = 0; start < entries.length; start += PER_TRANSACTION) {
      if (start > 0) await setImmediate();
      await memory.saveAll(entries.slice(start, start + PER_TRANSACTION));
    }
  }

  function write(): void {
    clearTimeout(timer);
    timer = undefined;
    if (queued.size === 0) return;
    const batch = queued;
    queued = new Map();
    writing.add(batch);
    const done = save([...batch.values()])
      .catch((error: unknown) =>
        logger.error('could not save to the translation memory', {
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => {
        writing.delete(batch);
        pending.delete(done);
      });
    pending.add(done);
  }

  return {
    add(entries) {
      for (const entry of entries)
        queued.set(
          keyOf(entry.tenantId, entry.sourceLang, entry.targetLang, entry.source, entry.formality),
          entry,
        );
      if (timer === undefined && queued.size > 0) {
        timer = setTimeout(write, windowMs);
        // Shutdown drains the queue; the window alone must not keep a process alive.
        timer.unref();
      }
    },

    find(tenantId, sourceLang, targetLang, source, formality) {
      const key = keyOf(tenantId, sourceLang, targetLang, source, formality);
      // A later batch holds a later translation of the same key, and the queue the latest.
      let entry: MemoryWrite | undefined;
      for (const batch of writing) entry = batch.get(key) ?? entry;
      entry = queued.get(key) ?? entry;
      return (
        entry && {
          target: entry.target,
          origin: entry.origin,
          engine: entry.engine,
          unknown: entry.unknown ?? [],
        }
      );
    },

    async drain() {
      write();
      await Promise.allSettled([...pending]);
    },
  };
}
