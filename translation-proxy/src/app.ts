/**
 * The proxy as a Fastify app: plugins, then the public routes, then the tenant-authenticated
 * `/v1` routes behind auth and a per-tenant rate limit. `server.ts` only starts it.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { LIMITS } from '@parley/shared/api/schemas';
import type { Config } from './config.js';
import { ApiError } from './errors.js';
import type { HelpdeskClients } from './helpdesks/index.js';
import type { IdentityVerifier } from './identity/verifier.js';
import authPlugin from './plugins/auth.js';
import errorsPlugin from './plugins/errors.js';
import metricsPlugin, { serveMetrics } from './plugins/metrics.js';
import type { Metrics } from './metrics.js';
import { sharedRateLimitStore } from './plugins/shared-rate-limit.js';
import shutdownPlugin from './plugins/shutdown.js';
import assetRoutes from './routes/assets.js';
import detectRoutes from './routes/detect.js';
import healthRoutes from './routes/health.js';
import languagesRoutes from './routes/languages.js';
import playgroundRoutes from './routes/playground/index.js';
import type { ScryptCost } from './queue/passwords.js';
import queueRoutes from './queue/routes.js';
import reportRoutes from './reports/routes.js';
import workspaceRoutes, { reportsPageRoutes } from './routes/workspace.js';
import replyRoutes from './replies/routes.js';
import type { ReplyService } from './replies/service.js';
import ticketRoutes from './routes/tickets.js';
import translateRoutes from './routes/translate.js';
import usageRoutes from './routes/usage.js';
import type { TenantEngines } from './translation/tenant-engines.js';
import type { TranslationService } from './translation/translation.js';
import type { UsageRecorder } from './translation/usage-recorder.js';
import type { Store } from './store/index.js';

export interface AppDependencies {
  config: Pick<
    Config,
    | 'devApiKey'
    | 'maxCharacters'
    | 'rateLimitPerMinute'
    | 'leaseMs'
    | 'trustProxy'
    | 'metricsToken'
    | 'metricsPort'
  >;
  store: Store;
  tenantEngines: TenantEngines;
  translation: TranslationService;
  replies: ReplyService;
  /** The tenants' helpdesk clients (the Freshdesk app's thread is read with them). */
  helpdesks: HelpdeskClients;
  /** Establishes and checks the agent behind a reply or a ticket read. */
  identity: IdentityVerifier;
  usage: UsageRecorder;
  metrics: Metrics;
  /** A pino logger; none (silent) when omitted. */
  logger?: FastifyBaseLogger;
  /** scrypt cost of translator passwords; the guidance unless a test lowers it. */
  passwordCost?: ScryptCost;
}

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config, store, tenantEngines, translation, replies, usage, metrics } = deps;
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    bodyLimit: LIMITS.maxBodyBytes,
    // request.ip and request.protocol come from X-Forwarded-* only when a named proxy sent them.
    ...(config.trustProxy.length > 0 ? { trustProxy: config.trustProxy } : {}),
    // The shutdown plugin answers during close, in the API's own error shape.
    return503OnClosing: false,
    // Unknown properties are errors, not silently dropped: a typo like `sourcee` must be seen.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
  });

  await app.register(errorsPlugin);
  await app.register(shutdownPlugin);
  await app.register(metricsPlugin, {
    metrics,
    serve: config.metricsPort === undefined,
    token: config.metricsToken,
  });
  await app.register(authPlugin, { store, devApiKey: config.devApiKey });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Parley translation proxy',
        version: '0.1.0',
        description:
          'Language detection, machine translation with memory and glossaries, for the Parley helpdesk apps.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { tenantEngines });
  await app.register(playgroundRoutes, config.devApiKey ? { devApiKey: config.devApiKey } : {});
  // Translators sign in with a session cookie, not a tenant key; managers read their tenants'
  // reports with the same session. Cookies are parsed in this scope only: the API and the pages
  // take none, and parsing them cost every API request two hooks.
  await app.register(async (sessions) => {
    await sessions.register(cookie);
    await sessions.register(queueRoutes, {
      store,
      replies,
      leaseMs: config.leaseMs,
      ...(deps.passwordCost ? { passwordCost: deps.passwordCost } : {}),
    });
    await sessions.register(reportRoutes, { store });
  });
  await app.register(workspaceRoutes);
  await app.register(reportsPageRoutes);

  await app.register(async (v1) => {
    v1.addHook('onRequest', v1.authenticate);
    await v1.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      keyGenerator: (request) => request.tenantId,
      // Proxies sharing a PostgreSQL share each tenant's count; one proxy on SQLite counts in memory.
      ...(store.db.dialect === 'postgres'
        ? { store: sharedRateLimitStore(store.rateLimits, 'tenant') }
        : {}),
      errorResponseBuilder: (_request, context) =>
        new ApiError(
          'rate_limited',
          `This tenant sent more than ${context.max} requests in a minute; retry after ${Math.ceil(context.ttl / 1000)} s.`,
          Math.ceil(context.ttl / 1000),
        ),
    });
    await v1.register(detectRoutes, { store, maxCharacters: config.maxCharacters });
    await v1.register(translateRoutes, { translation });
    await v1.register(languagesRoutes, { tenantEngines });
    await v1.register(usageRoutes, { store, tenantEngines, usage });
    await v1.register(replyRoutes, { store, replies, identity: deps.identity });
    await v1.register(ticketRoutes, { helpdesks: deps.helpdesks, identity: deps.identity });
    await v1.register(assetRoutes, { store });
  });

  return app;
}

/** `GET /metrics` alone, for its own port (PARLEY_METRICS_PORT): the API port then has none. */
export async function buildMetricsApp(
  metrics: Metrics,
  token: string | undefined,
): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(errorsPlugin);
  serveMetrics(app, metrics, token);
  return app;
}
