/**
 * A bounded cache whose entries expire: what a helpdesk said about a user or a ticket, kept for a
 * few minutes so an agent's every call does not cost a helpdesk API call. Past `maxEntries` the
 * oldest entry goes first.
 */
export interface ExpiringCache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}

export function expiringCache<T>(options: {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}): ExpiringCache<T> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: T; expiresAt: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, value) {
      // Re-inserted keys move to the end of the Map's order, so the first key is always the oldest.
      entries.delete(key);
      entries.set(key, { value, expiresAt: now() + options.ttlMs });
      while (entries.size > options.maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
  };
}
