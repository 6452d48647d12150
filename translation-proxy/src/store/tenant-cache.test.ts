// The per-tenant settings cache: reads served from memory until they expire or the tenant writes.
import { describe, expect, it } from 'vitest';
import { tenantCache } from './tenant-cache.js';

/** A loader that answers each call with the next value, counting its calls. */
function loader(...values: string[]) {
  let calls = 0;
  return {
    load: async () => values[Math.min(calls++, values.length - 1)]!,
    calls: () => calls,
  };
}

describe('tenantCache', () => {
  it('serves a value again without loading it, until it expires', async () => {
    let now = 1_000;
    const cache = tenantCache<string>({ ttlMs: 5_000, now: () => now });
    const policy = loader('mask all', 'mask names');
    expect(await cache.get('acme', 'policy', policy.load)).toBe('mask all');
    now += 5_000;
    expect(await cache.get('acme', 'policy', policy.load)).toBe('mask all');
    expect(policy.calls()).toBe(1);
    now += 1;
    expect(await cache.get('acme', 'policy', policy.load)).toBe('mask names');
  });

  it('loads again after the tenant wrote, and keeps other tenants’ values', async () => {
    const cache = tenantCache<string>();
    const acme = loader('Acme → ACME', 'Acme → Acmé');
    const globex = loader('Globex');
    await cache.get('acme', 'en\u0000es', acme.load);
    await cache.get('globex', 'en\u0000es', globex.load);
    cache.invalidate('acme');
    expect(await cache.get('acme', 'en\u0000es', acme.load)).toBe('Acme → Acmé');
    expect(await cache.get('globex', 'en\u0000es', globex.load)).toBe('Globex');
    expect(globex.calls()).toBe(1);
  });

  it('does not keep what a load read before a write that happened during it', async () => {
    const cache = tenantCache<string>();
    let release: (value: string) => void = () => {};
    const stale = cache.get('acme', 'policy', () => new Promise((resolve) => (release = resolve)));
    cache.invalidate('acme');
    release('before the write');
    expect(await stale).toBe('before the write');
    expect(await cache.get('acme', 'policy', async () => 'after the write')).toBe(
      'after the write',
    );
  });
});
