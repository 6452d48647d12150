// The shared request counters: one total per key and window, also when two stores (two proxy
// instances) count the same key at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBackends } from '../../../tests/support/stores.js';
import { openStore, type Store } from './index.js';

describe.each(storeBackends)('rate-limit counters on $name', (backend) => {
  let first: Store;
  let second: Store;

  beforeAll(async () => {
    const location = await backend.location();
    first = await openStore(location);
    second = await openStore(location);
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('gives every request counted at once by two instances its own total', async () => {
    const now = Date.now();
    const counts = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 === 0 ? first : second).rateLimits.hit('tenant:concurrent', 60_000, now),
      ),
    );
    expect(counts.map((count) => count.hits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
  });

  it('starts counting again once the window is over, and says when it ends', async () => {
    const start = 1_700_000_000_000;
    await first.rateLimits.hit('tenant:windows', 60_000, start);
    expect(await second.rateLimits.hit('tenant:windows', 60_000, start + 15_000)).toEqual({
      hits: 2,
      ttlMs: 45_000,
    });
    expect(await first.rateLimits.hit('tenant:windows', 60_000, start + 60_000)).toEqual({
      hits: 1,
      ttlMs: 60_000,
    });
  });

  it('counts each key apart', async () => {
    const now = Date.now();
    await first.rateLimits.hit('tenant:a', 60_000, now);
    await first.rateLimits.hit('tenant:a', 60_000, now);
    expect((await second.rateLimits.hit('tenant:b', 60_000, now)).hits).toBe(1);
  });
});
