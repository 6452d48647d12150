/**
 * Prometheus metrics at `GET /metrics`: HTTP requests and latency per route, engine calls,
 * translation-memory hits, detections, personal values masked by kind, and what the outbox posted
 * to the helpdesks. One registry per app instance, so tests can build many apps.
 * The endpoint may ask for a bearer token (PARLEY_METRICS_TOKEN) and may be served on its own
 * port (PARLEY_METRICS_PORT) instead of the API's.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import fp from 'fastify-plugin';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'parley_' });
  return {
    registry,
    httpRequests: new Counter({
      name: 'parley_http_requests_total',
      help: 'HTTP requests answered, by route and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'parley_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route',
      labelNames: ['method', 'route'] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    engineCalls: new Counter({
      name: 'parley_engine_calls_total',
      help: 'Calls to machine-translation engines, by engine and outcome',
      labelNames: ['engine', 'outcome'] as const,
      registers: [registry],
    }),
    engineCharacters: new Counter({
      name: 'parley_engine_characters_total',
      help: 'Characters sent to machine-translation engines (billed)',
      labelNames: ['engine'] as const,
      registers: [registry],
    }),
    memoryLookups: new Counter({
      name: 'parley_translation_memory_segments_total',
      help: 'Segments looked up in the translation memory, by result',
      labelNames: ['result'] as const,
      registers: [registry],
    }),
    helpdeskPosts: new Counter({
      name: 'parley_helpdesk_posts_total',
      help: 'Outbox steps (public reply, internal note) by helpdesk and outcome: posted, found (posted before an interruption), retry, failed',
      labelNames: ['helpdesk', 'step', 'outcome'] as const,
      registers: [registry],
    }),
    repliesFinished: new Counter({
      name: 'parley_replies_finished_total',
      help: 'Replies the outbox finished, by helpdesk and outcome: posted or failed',
      labelNames: ['helpdesk', 'outcome'] as const,
      registers: [registry],
    }),
    personalDataMasked: new Counter({
      name: 'parley_personal_data_masked_total',
      help: 'Personal values masked before translation, by kind (email, phone, card, iban, ip, national_id, name)',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    detections: new Counter({
      name: 'parley_detections_total',
      help: 'Language detections, by whether the answer was reliable',
      labelNames: ['reliable'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** `GET /metrics` on `app`, behind `Authorization: Bearer <token>` when a token is given. */
export function serveMetrics(app: FastifyInstance, metrics: Metrics, token: string | undefined) {
  const expected = token === undefined ? undefined : digest(token);
  const requireToken = async (request: FastifyRequest) => {
    const [scheme, given] = (request.headers.authorization ?? '').split(' ');
    // Digests have one length, so the comparison takes the same time whatever was sent.
    if (!expected || scheme !== 'Bearer' || !timingSafeEqual(digest(given ?? ''), expected))
      throw new ApiError(
        'unauthorized',
        'The metrics need the bearer token set in PARLEY_METRICS_TOKEN.',
      );
  };
  app.get(
    '/metrics',
    { schema: { hide: true }, ...(expected ? { onRequest: requireToken } : {}) },
    async (_request, reply) => {
      void reply.header('content-type', metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}

export interface MetricsPluginOptions {
  metrics: Metrics;
  /** Serve `GET /metrics` on this app (false when it has its own port). */
  serve: boolean;
  token?: string | undefined;
}

export default fp(
  async function metricsPlugin(app: FastifyInstance, options: MetricsPluginOptions) {
    const { metrics } = options;
    app.decorate('metrics', metrics);

    app.addHook('onResponse', async (request, reply) => {
      // Unmatched URLs share one label so that scanners cannot blow up the series count.
      const route = request.routeOptions.url ?? 'unmatched';
      const labels = { method: request.method, route };
      metrics.httpRequests.inc({ ...labels, status: String(reply.statusCode) });
      metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    });

    if (options.serve) serveMetrics(app, metrics, options.token);
  },
  { name: 'parley-metrics' },
);
