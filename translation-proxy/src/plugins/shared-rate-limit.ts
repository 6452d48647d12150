/**
 * A `@fastify/rate-limit` store over the database's counters, so that several proxies on one
 * PostgreSQL enforce one limit per tenant between them instead of one each. It counts in fixed
 * windows that start with a key's first request, as the plugin's in-memory store does; the
 * plugin's ban, exponential-backoff and continue-exceeding options are not supported (Parley
 * uses none of them).
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateLimitRepository } from '../store/rate-limits.js';

type IncrCallback = Parameters<FastifyRateLimitStore['incr']>[1];

/** `namespace` keeps apart limiters that could see the same key. */
export function sharedRateLimitStore(
  counters: RateLimitRepository,
  namespace: string,
): FastifyRateLimitStoreCtor {
  return class SharedRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: IncrCallback, timeWindow: number): void {
      counters.hit(`${namespace}:${key}`, timeWindow).then(
        ({ hits, ttlMs }) => callback(null, { current: hits, ttl: ttlMs }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
