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
import { createRouterRegistry, type RouterRegistry } from './services/routers.js';
import { createSecretBox } from './secrets.js';
import { openStore, type Store } from './store/index.js';

export interface Proxy {
  app: FastifyInstance;
  store: Store;
  routers: RouterRegistry;
  /** Stops taking requests, finishes those in flight, then releases engines and the store. */
  close(): Promise<void>;
}

export interface ComposeOptions {
  /** Shared engines to use instead of the embedded Apertium one (tests, benchmarks). */
  sharedEngines?: TranslationEngine[];
}

export async function composeProxy(
  config: Config,
  logger: Logger,
  options: ComposeOptions = {},
): Promise<Proxy> {
  const store = await openStore(config);
  const metrics = createMetrics();
  const sharedEngines = options.sharedEngines ?? [
    await createApertiumEngine({
      modesDir: config.apertiumModesDir,
      timeoutMs: config.engineTimeoutMs,
      logger: engineLogger(logger.child({ engine: 'apertium' })),
    }),
  ];
  const routers = createRouterRegistry({
    sharedEngines,
    store,
    secrets: createSecretBox(config.secretKey),
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
