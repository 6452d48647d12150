/**
 * Serves the metrics (../metrics.ts) at `GET /metrics` and counts HTTP requests and latency per
 * route. The endpoint may ask for a bearer token (PARLEY_METRICS_TOKEN) and may be served on its own
 * port (PARLEY_METRICS_PORT) instead of the API's.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import fp from 'fastify-plugin';
import type { Metrics } from '../metrics.js';

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
