/**
 * How every outbound call — engines, helpdesk reads and the outbox's posts — waits before trying
 * again: the provider's `Retry-After` when it sent one, else exponential backoff with jitter.
 */

/** `Retry-After` as seconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text));
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

export interface Backoff {
  /** The first wait. */
  baseMs: number;
  /** No wait is longer. */
  maxMs: number;
}

/**
 * The wait after `failures` failed tries (1 for the first): doubling from `baseMs`, capped at
 * `maxMs`, half of it fixed and half random, so many callers that failed together do not retry
 * together ("equal jitter").
 */
export function backoffDelay(failures: number, backoff: Backoff, random = Math.random): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
