/**
 * The proxy's Prometheus metrics: HTTP requests and latency per route, engine calls,
 * translation-memory hits, detections, personal values masked by kind, and what the outbox posted
 * to the helpdesks. One registry per app instance, so tests can build many apps. Domain modules
 * count here; the HTTP plugin (plugins/metrics.ts) only serves them.
 */
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
