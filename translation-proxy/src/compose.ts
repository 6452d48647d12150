/**
 * Wires a complete proxy from its configuration: store, engines, per-tenant tenantEngines, app.
 * The server and the tests build the proxy the same way through this one function.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp, buildMetricsApp } from './app.js';
import type { Config } from './config.js';
import { createApertiumEngine } from './engines/apertium/index.js';
import type { TranslationEngine } from './engines/engine.js';
import { createMetrics } from './metrics.js';
import { createTenantEngines, type TenantEngines } from './translation/tenant-engines.js';
import { createTranslationService, type TranslationService } from './translation/translation.js';
import { createUsageRecorder } from './translation/usage-recorder.js';
import { helpdeskClients } from './helpdesks/index.js';
import { createIdentityVerifier } from './identity/verifier.js';
import { createOutboxWorker } from './outbox/worker.js';
import type { ScryptCost } from './queue/passwords.js';
import { createReplyService, type ReplyService } from './replies/service.js';
import { createReplyWorkers, type ReplyWorkers } from './replies/workers.js';
import { warmUpDetector } from '@parley/shared/detect/index';
import { createSecretBox } from './secrets.js';
import { openStore, type Store } from './store/index.js';
import { fromPino } from './logging.js';

export interface Proxy {
  app: FastifyInstance;
  /** `GET /metrics` on its own, when PARLEY_METRICS_PORT is set; the server listens on it. */
  metricsApp: FastifyInstance | undefined;
  store: Store;
  tenantEngines: TenantEngines;
  translation: TranslationService;
  replies: ReplyService;
  /** The SLA check and the outbox; started with the proxy, stopped by `close`. */
  replyWorkers: ReplyWorkers;
  /** Stops taking requests, finishes those in flight and pending writes, then releases engines and the store. */
  close(): Promise<void>;
}

export interface ComposeOptions {
  /** Shared engines to use instead of the embedded Apertium one (tests, benchmarks). */
  sharedEngines?: TranslationEngine[];
  /**
   * scrypt cost of translator passwords (default: the guidance, N = 2^17). Tests lower it so
   * that each sign-in does not take 128 MiB and a third of a second.
   */
  passwordCost?: ScryptCost;
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
      logger: fromPino(logger.child({ engine: 'apertium' })),
    }),
  ];
  const log = fromPino(logger);
  const usage = createUsageRecorder(store, log);
  const secrets = createSecretBox(config.secretKey);
  const tenantEngines = createTenantEngines({
    sharedEngines,
    store,
    secrets,
    usage,
    metrics,
    logger: log,
    timeoutMs: config.engineTimeoutMs,
    allowHttpEngines: config.allowHttpEngines,
  });
  const translation = createTranslationService({
    store,
    tenantEngines,
    metrics,
    maxCharacters: config.maxCharacters,
    logger: log,
  });
  // Load the detector's data now rather than on the first request that needs it.
  warmUpDetector();
  const helpdesks = helpdeskClients({
    store,
    secrets,
    allowHttp: config.allowHttpHelpdesk,
    timeoutMs: config.helpdeskTimeoutMs,
  });
  const replyWorkers = createReplyWorkers({
    store,
    outbox: createOutboxWorker({
      store,
      clients: helpdesks,
      logger: log,
      metrics,
      retryBaseMs: config.outboxRetryBaseMs,
      // Long enough for the four calls of one delivery (look-up and post, reply and note).
      lockMs: 4 * config.helpdeskTimeoutMs + 1_000,
    }),
    logger: log,
    intervalMs: config.replyWorkerIntervalMs,
  });
  const identity = createIdentityVerifier({ store, secrets, helpdesks });
  const replies = createReplyService({ store, translation, onOutbox: replyWorkers.wake });
  const app = await buildApp({
    config,
    store,
    tenantEngines,
    translation,
    replies,
    helpdesks,
    identity,
    usage,
    metrics,
    logger,
    ...(options.passwordCost ? { passwordCost: options.passwordCost } : {}),
  });
  const metricsApp =
    config.metricsPort === undefined
      ? undefined
      : await buildMetricsApp(metrics, config.metricsToken);
  replyWorkers.start();
  return {
    app,
    metricsApp,
    store,
    tenantEngines,
    translation,
    replies,
    replyWorkers,
    async close() {
      await app.close();
      await metricsApp?.close();
      await replyWorkers.stop();
      await translation.drain();
      await usage.close();
      await tenantEngines.close();
      await store.close();
    },
  };
}
