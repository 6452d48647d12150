import { describe, expect, it } from 'vitest';
import { expiringCache } from './cache.js';

describe('expiring cache', () => {
  it('forgets an entry once its time is up', () => {
    let now = 1_000;
    const cache = expiringCache<string>({ ttlMs: 300_000, maxEntries: 10, now: () => now });
    cache.set('acme/zendesk/person/3721', 'agent');
    now += 299_999;
    expect(cache.get('acme/zendesk/person/3721')).toBe('agent');
    now += 1;
    expect(cache.get('acme/zendesk/person/3721')).toBeUndefined();
  });

  it('holds at most maxEntries, dropping the oldest first', () => {
    const cache = expiringCache<string>({ ttlMs: 300_000, maxEntries: 2 });
    cache.set('3721', 'agent');
    cache.set('3722', 'agent');
    cache.set('7001', 'end-user');
    expect([cache.get('3721'), cache.get('3722'), cache.get('7001')]).toEqual([
      undefined,
      'agent',
      'end-user',
    ]);
  });
});
