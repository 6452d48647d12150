/**
 * One router per tenant over shared engine instances. Engines own processes and connection
 * pools, so they are created once and closed once at shutdown; a tenant's router only adds its
 * own circuit breakers and bills usage to that tenant.
 */
import type { TranslationEngine } from '../engines/engine.js';
import type { EngineLogger } from '../engines/http.js';
import { createRouter, type Router } from '../engines/router.js';
import type { Metrics } from '../plugins/metrics.js';
import type { Store } from '../store/index.js';

export interface RouterRegistryOptions {
  engines: TranslationEngine[];
  store: Store;
  metrics: Metrics;
  logger: EngineLogger;
  timeoutMs: number;
}

export interface RouterRegistry {
  routerFor(tenantId: string): Router;
  /** The shared engines, for health reporting. */
  readonly engines: readonly TranslationEngine[];
  close(): Promise<void>;
}

export function createRouterRegistry(options: RouterRegistryOptions): RouterRegistry {
  const routers = new Map<string, Router>();
  const { store, metrics, logger } = options;

  return {
    engines: options.engines,
    routerFor(tenantId) {
      let router = routers.get(tenantId);
      if (!router) {
        router = createRouter({
          engines: options.engines,
          timeoutMs: options.timeoutMs,
          retry: { attempts: 2, baseMs: 100, maxMs: 2_000 },
          breaker: { failureThreshold: 5, openMs: 30_000 },
          logger,
          recordUsage(engineId, characters) {
            metrics.engineCharacters.inc({ engine: engineId }, characters);
            store.usage.record(tenantId, engineId, characters).catch((error: unknown) => {
              logger.error('could not record engine usage', {
                engine: engineId,
                error: error instanceof Error ? error.message : String(error),
              });
            });
          },
        });
        routers.set(tenantId, router);
      }
      return router;
    },
    async close() {
      routers.clear();
      await Promise.allSettled(options.engines.map((engine) => engine.close()));
    },
  };
}
