/**
 * Wires a complete proxy from its configuration: store, engines, per-tenant routers, app.
 * The server and the tests build the proxy the same way through this one function.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { createApertiumEngine } from './engines/apertium/index.js';
import type { TranslationEngine } from './engines/engine.js';
import { createMetrics } from './plugins/metrics.js';
import { engineLogger } from './services/engine-logger.js';
import { instrumentEngine } from './services/instrumented-engine.js';
import { createRouterRegistry, type RouterRegistry } from './services/routers.js';
import { openStore, type Store } from './store/index.js';

export interface Proxy {
  app: FastifyInstance;
  store: Store;
  routers: RouterRegistry;
  /** Stops taking requests, finishes those in flight, then releases engines and the store. */
  close(): Promise<void>;
}

export interface ComposeOptions {
  /** Engines to use instead of the embedded Apertium one (tests, benchmarks). */
  engines?: TranslationEngine[];
}

export async function composeProxy(
  config: Config,
  logger: Logger,
  options: ComposeOptions = {},
): Promise<Proxy> {
  const store = await openStore(config);
  const metrics = createMetrics();
  const engines = options.engines ?? [
    await createApertiumEngine({
      modesDir: config.apertiumModesDir,
      timeoutMs: config.engineTimeoutMs,
      logger: engineLogger(logger.child({ engine: 'apertium' })),
    }),
  ];
  const routers = createRouterRegistry({
    engines: engines.map((engine) => instrumentEngine(engine, metrics)),
    store,
    metrics,
    logger: engineLogger(logger),
    timeoutMs: config.engineTimeoutMs,
  });
  const app = await buildApp({ config, store, routers, metrics, logger });
  return {
    app,
    store,
    routers,
    async close() {
      await app.close();
      await routers.close();
      await store.close();
    },
  };
}
