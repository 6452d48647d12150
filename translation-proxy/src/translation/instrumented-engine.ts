/** Wraps an engine so every call is counted in the metrics by outcome, whichever failover chain calls it. */
import { EngineError, type TranslationEngine } from '../engines/engine.js';
import type { Metrics } from '../metrics.js';

export function instrumentEngine(engine: TranslationEngine, metrics: Metrics): TranslationEngine {
  return {
    id: engine.id,
    ...(engine.pairsRefreshMs === undefined ? {} : { pairsRefreshMs: engine.pairsRefreshMs }),
    pairs: () => engine.pairs(),
    healthy: () => engine.healthy(),
    close: () => engine.close(),
    async translate(request) {
      try {
        const result = await engine.translate(request);
        metrics.engineCalls.inc({ engine: engine.id, outcome: 'ok' });
        return result;
      } catch (error) {
        const outcome = error instanceof EngineError ? error.code : 'engine_error';
        metrics.engineCalls.inc({ engine: engine.id, outcome });
        throw error;
      }
    },
  };
}
