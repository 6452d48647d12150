/**
 * Engine usage is counted in memory and written in batches, so that billing records cost no
 * database write on the request path. Batches go out every few seconds and at shutdown; a crash
 * loses at most one interval of counts, which usage reports can tolerate and requests cannot.
 */
import type { Store } from '../store/index.js';
import type { Logger } from '../logging.js';

export interface UsageRecorder {
  record(tenantId: string, engineId: string, characters: number): void;
  /** Writes what has been counted so far. */
  flush(): Promise<void>;
  /** Stops the timer and writes the rest. */
  close(): Promise<void>;
}

export function createUsageRecorder(
  store: Store,
  logger: Logger,
  intervalMs = 5_000,
): UsageRecorder {
  let pending = new Map<
    string,
    { tenantId: string; engineId: string; characters: number; requests: number }
  >();
  let flushing: Promise<void> = Promise.resolve();

  async function write(batch: typeof pending): Promise<void> {
    for (const entry of batch.values()) {
      try {
        await store.usage.record(
          entry.tenantId,
          entry.engineId,
          entry.characters,
          new Date(),
          entry.requests,
        );
      } catch (error) {
        logger.error('could not record engine usage', {
          engine: entry.engineId,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }

  const flush = (): Promise<void> => {
    if (pending.size === 0) return flushing;
    const batch = pending;
    pending = new Map();
    flushing = flushing.then(() => write(batch));
    return flushing;
  };

  const timer = setInterval(() => void flush(), intervalMs);
  timer.unref();

  return {
    record(tenantId, engineId, characters) {
      const key = `${tenantId}\u0000${engineId}`;
      const entry = pending.get(key);
      if (entry) {
        entry.characters += characters;
        entry.requests += 1;
      } else {
        pending.set(key, { tenantId, engineId, characters, requests: 1 });
      }
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
