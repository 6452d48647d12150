/**
 * Fixed-window request counters shared by every proxy on the database. One statement counts a
 * request and answers the window's total: the UPSERT holds the row's lock, so two proxies
 * counting the same key at once never both read the same total.
 */
import type { Queryable } from './database.js';

export interface WindowCount {
  /** Requests counted in the current window, this one included. */
  hits: number;
  /** Milliseconds until the window ends and the count starts again. */
  ttlMs: number;
}

export function rateLimitRepository(db: Queryable) {
  return {
    /** Counts one request for `key`; a window `windowMs` old starts again at `now`. */
    async hit(key: string, windowMs: number, now = Date.now()): Promise<WindowCount> {
      const [row] = await db.query<{ hits: number; window_start: number }>(
        `INSERT INTO rate_limit_windows (key, window_start, hits) VALUES (?, ?, 1)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN rate_limit_windows.window_start + ? <= excluded.window_start
             THEN 1 ELSE rate_limit_windows.hits + 1 END,
           window_start = CASE WHEN rate_limit_windows.window_start + ? <= excluded.window_start
             THEN excluded.window_start ELSE rate_limit_windows.window_start END
         RETURNING hits, window_start`,
        [key, now, windowMs, windowMs],
      );
      if (!row) throw new Error('the rate-limit counter returned no row');
      return {
        hits: Number(row.hits),
        ttlMs: Math.max(0, Number(row.window_start) + windowMs - now),
      };
    },
  };
}

export type RateLimitRepository = ReturnType<typeof rateLimitRepository>;
