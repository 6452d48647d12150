/**
 * Per-tenant settings that every translation reads (the personal-data policy, the glossary of a
 * pair), kept for a few seconds instead of a query per request. A write through this store drops
 * the tenant's entries at once; a write by the CLI or another proxy instance on the same database
 * takes effect here within the time to live. Bounded: past `maxEntries` the least recently used
 * goes first.
 */
import { LRUCache } from 'lru-cache';

/** How long settings written elsewhere (CLI, another instance) may go unseen. */
export const TENANT_SETTINGS_TTL_MS = 5_000;

export interface TenantCache<T extends NonNullable<unknown>> {
  /** The tenant's value under `key`, loaded when missing or expired. */
  get(tenantId: string, key: string, load: () => Promise<T>): Promise<T>;
  /** Forgets every value of the tenant (after a write). */
  invalidate(tenantId: string): void;
}

export function tenantCache<T extends NonNullable<unknown>>(
  options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {},
): TenantCache<T> {
  const entries = new LRUCache<string, T>({
    ttl: options.ttlMs ?? TENANT_SETTINGS_TTL_MS,
    max: options.maxEntries ?? 10_000,
    // A test's clock is read at every look-up, not once a millisecond.
    ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
  });
  // A write moves the tenant to a new generation: older entries are never read again and age
  // out, and a load that started before the write cannot store what it read under the new one.
  const generations = new Map<string, number>();
  const keyOf = (tenantId: string, generation: number, key: string) =>
    `${tenantId}\u0000${generation}\u0000${key}`;

  return {
    async get(tenantId, key, load) {
      const generation = generations.get(tenantId) ?? 0;
      const cacheKey = keyOf(tenantId, generation, key);
      const cached = entries.get(cacheKey);
      if (cached !== undefined) return cached;
      const value = await load();
      entries.set(cacheKey, value);
      return value;
    },
    invalidate(tenantId) {
      generations.set(tenantId, (generations.get(tenantId) ?? 0) + 1);
    },
  };
}
