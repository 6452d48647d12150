// The one retry policy of engines, helpdesk reads and the outbox.
import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from './retry-policy.js';

describe('parseRetryAfter', () => {
  it('reads delta-seconds, rounding a fraction up', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter('1.5')).toBe(2);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('Sun, 22 Nov 2026 22:00:00 GMT');
    expect(parseRetryAfter('Sun, 22 Nov 2026 22:00:45 GMT', now)).toBe(45);
  });

  it('reads a date already past as no wait', () => {
    const now = Date.parse('Sun, 22 Nov 2026 22:00:00 GMT');
    expect(parseRetryAfter('Sun, 22 Nov 2026 21:59:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  const backoff = { baseMs: 2_000, maxMs: 300_000 };

  it('waits between half and all of the base after the first failure', () => {
    expect(backoffDelay(1, backoff, () => 0)).toBe(1_000);
    expect(backoffDelay(1, backoff, () => 1)).toBe(2_000);
  });

  it('doubles with every further failure', () => {
    expect([1, 2, 3, 4].map((failures) => backoffDelay(failures, backoff, () => 1))).toEqual([
      2_000, 4_000, 8_000, 16_000,
    ]);
  });

  it('never waits longer than the cap', () => {
    expect(backoffDelay(40, backoff, () => 1)).toBe(300_000);
  });
});
