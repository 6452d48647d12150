/**
 * The pair catalogue: the one cache of the engines' language pairs. Each engine's list and its
 * index are kept per engine instance and shared by every failover chain over it (the proxy builds
 * one failover chain per tenant over shared engines), so a provider with tens of thousands of pairs
 * is asked and indexed once, not once per tenant. An engine's list is asked for again after the
 * engine's own `pairsRefreshMs` (a provider's language list: hours) or else the caller's interval;
 * a list that cannot be fetched keeps what it had and is asked for again soon, not on every
 * request.
 */
import { EngineError, type LanguagePair, type TranslationEngine } from './engine.js';
import { indexPairs, type PairIndex } from './pivot.js';
import { withTimeout } from './with-timeout.js';
import type { Logger } from '../logging.js';

/** How long a pair list is reused when neither the engine nor the caller says otherwise. */
export const DEFAULT_PAIRS_REFRESH_MS = 10 * 60 * 1000;
/** A pair list that could not be fetched is asked for again this soon. */
const PAIRS_RETRY_MS = 30_000;

export interface EnginePairs {
  readonly pairs: readonly LanguagePair[];
  readonly index: PairIndex;
  /** Bumped on every reload, so a list derived from several engines knows when it is stale. */
  readonly version: number;
}

interface Entry {
  pairs: LanguagePair[];
  index: PairIndex;
  version: number;
  loadedAt: number;
  loading: Promise<void> | undefined;
}

const entries = new WeakMap<TranslationEngine, Entry>();

function entryOf(engine: TranslationEngine): Entry {
  let entry = entries.get(engine);
  if (!entry) {
    entry = { pairs: [], index: new Map(), version: 0, loadedAt: -Infinity, loading: undefined };
    entries.set(engine, entry);
  }
  return entry;
}

export interface CatalogueOptions {
  /** The caller's clock (the failover chain's, which tests control). */
  now: () => number;
  /** Longest the engine may take to list its pairs. */
  timeoutMs: number;
  logger: Logger;
  /** Reuse interval for engines that do not set their own. */
  refreshMs?: number;
}

/** The engine's pairs, asked for again when they are older than its refresh interval. */
export async function enginePairs(
  engine: TranslationEngine,
  options: CatalogueOptions,
): Promise<EnginePairs> {
  const entry = entryOf(engine);
  const refreshMs = engine.pairsRefreshMs ?? options.refreshMs ?? DEFAULT_PAIRS_REFRESH_MS;
  if (options.now() - entry.loadedAt < refreshMs) return entry;
  entry.loading ??= (async () => {
    try {
      entry.pairs = await withTimeout(engine.pairs(), options.timeoutMs, engine.id);
      entry.index = indexPairs(entry.pairs);
      entry.loadedAt = options.now();
      entry.version += 1;
    } catch (error) {
      const code = error instanceof EngineError ? error.code : 'engine_error';
      options.logger.warn('engine pair list unavailable', { engine: engine.id, code });
      // Keep what we had; ask again soon rather than on every request.
      entry.loadedAt = options.now() - refreshMs + PAIRS_RETRY_MS;
    } finally {
      entry.loading = undefined;
    }
  })();
  await entry.loading;
  return entry;
}
