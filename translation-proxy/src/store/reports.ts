/**
 * The figures a tenant's managers read (and `npm run helpdesk -- quality` prints), computed in SQL
 * from reply jobs and their audit events, the same statements on SQLite and PostgreSQL. A figure
 * counts what happened in the range: a reply on the UTC day it was posted, a review on the day it
 * was approved, rejected or given up on. Ranges are half-open, in epoch milliseconds.
 */
import type { Queryable } from './database.js';

export interface TimeRange {
  from: number;
  /** Exclusive. */
  to: number;
}

export const DAY_MS = 86_400_000;

/**
 * Events of the tenant's jobs of the given kinds inside the range, joined to their job (and to
 * whatever `join` adds). Its parameters: tenant id, from, to.
 */
const eventsInRange = (kinds: readonly string[], join = '') => `job_events e
  JOIN reply_jobs j ON j.id = e.job_id ${join}
  WHERE j.tenant_id = ? AND e.kind IN (${kinds.map((kind) => `'${kind}'`).join(', ')})
    AND e.at >= ? AND e.at < ?`;

const ratio = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

export function reportRepository(db: Queryable) {
  return {
    /** Replies posted per UTC day, language pair and mode. */
    async repliesPerDay(tenantId: string, range: TimeRange) {
      // Integer division by the day's length: the same UTC day number in both dialects.
      const rows = await db.query<Record<string, unknown>>(
        `SELECT e.at / ${DAY_MS} AS utc_day, j.source_lang, j.target_lang, j.mode, COUNT(*) AS replies
         FROM ${eventsInRange(['posted'])}
         GROUP BY e.at / ${DAY_MS}, j.source_lang, j.target_lang, j.mode
         ORDER BY 1, 2, 3, 4`,
        [tenantId, range.from, range.to],
      );
      return rows.map((row) => ({
        day: new Date(Number(row.utc_day) * DAY_MS).toISOString().slice(0, 10),
        source: String(row.source_lang),
        target: String(row.target_lang),
        mode: String(row.mode) as 'machine' | 'review',
        replies: Number(row.replies),
      }));
    },

    /**
     * Replies posted per pair and mode, with the median time from the agent's request to the
     * posted reply: the middle one, or the mean of the two middle ones (window functions, which
     * both dialects have; SQLite has no percentile function).
     */
    async timeToPost(tenantId: string, range: TimeRange) {
      const rows = await db.query<Record<string, unknown>>(
        `WITH posted AS (
           SELECT j.source_lang, j.target_lang, j.mode, e.at - j.created_at AS took,
             ROW_NUMBER() OVER (PARTITION BY j.source_lang, j.target_lang, j.mode
                                ORDER BY e.at - j.created_at) AS position,
             COUNT(*) OVER (PARTITION BY j.source_lang, j.target_lang, j.mode) AS replies
           FROM ${eventsInRange(['posted'])}
         )
         SELECT source_lang, target_lang, mode, MAX(replies) AS replies, AVG(took) AS median_ms
         FROM posted WHERE position IN ((replies + 1) / 2, (replies + 2) / 2)
         GROUP BY source_lang, target_lang, mode ORDER BY 1, 2, 3`,
        [tenantId, range.from, range.to],
      );
      return rows.map((row) => ({
        source: String(row.source_lang),
        target: String(row.target_lang),
        mode: String(row.mode) as 'machine' | 'review',
        replies: Number(row.replies),
        medianSeconds: Math.round(Number(row.median_ms) / 1000),
      }));
    },

    /**
     * Reviewed replies per pair against their due time: approved by then (met) or after it
     * (late), posted unreviewed by the `post_machine` policy (fallbacks), and alerts raised to
     * the agent under the `alert` policy (flagged; such a job may still be approved late).
     */
    async sla(tenantId: string, range: TimeRange) {
      const rows = await db.query<Record<string, unknown>>(
        `SELECT j.source_lang, j.target_lang,
           SUM(CASE WHEN e.kind = 'approved' AND e.at <= j.due_at THEN 1 ELSE 0 END) AS met,
           SUM(CASE WHEN e.kind = 'approved' AND e.at > j.due_at THEN 1 ELSE 0 END) AS late,
           SUM(CASE WHEN e.kind = 'sla_fallback' THEN 1 ELSE 0 END) AS fallbacks,
           SUM(CASE WHEN e.kind = 'sla_flagged' THEN 1 ELSE 0 END) AS flagged
         FROM ${eventsInRange(['approved', 'sla_fallback', 'sla_flagged'])} AND j.mode = 'review'
         GROUP BY j.source_lang, j.target_lang ORDER BY 1, 2`,
        [tenantId, range.from, range.to],
      );
      return rows.map((row) => ({
        source: String(row.source_lang),
        target: String(row.target_lang),
        met: Number(row.met),
        late: Number(row.late),
        fallbacks: Number(row.fallbacks),
        flagged: Number(row.flagged),
      }));
    },

    /**
     * The share of characters translators changed in the machine translation (each approved job's
     * edit ratio, averaged) per language pair and engine: the quality figure. Without a range,
     * every approved job the tenant has.
     */
    async editShare(tenantId: string, range?: TimeRange) {
      const approvedIn = range
        ? `AND EXISTS (SELECT 1 FROM job_events e WHERE e.job_id = j.id AND e.kind = 'approved'
             AND e.at >= ? AND e.at < ?)`
        : '';
      const rows = await db.query<Record<string, unknown>>(
        `SELECT j.source_lang, j.target_lang, j.engine, COUNT(*) AS jobs, AVG(j.edit_ratio) AS mean_ratio
         FROM reply_jobs j WHERE j.tenant_id = ? AND j.edit_ratio IS NOT NULL ${approvedIn}
         GROUP BY j.source_lang, j.target_lang, j.engine ORDER BY 1, 2, 3`,
        range ? [tenantId, range.from, range.to] : [tenantId],
      );
      return rows.map((row) => ({
        source: String(row.source_lang),
        target: String(row.target_lang),
        engine: String(row.engine),
        jobs: Number(row.jobs),
        meanEditRatio: Number(row.mean_ratio),
      }));
    },

    /** Per translator: replies approved and rejected, and the share they changed when approving. */
    async translatorThroughput(tenantId: string, range: TimeRange) {
      const rows = await db.query<Record<string, unknown>>(
        `SELECT t.id, t.name,
           SUM(CASE WHEN e.kind = 'approved' THEN 1 ELSE 0 END) AS approved,
           SUM(CASE WHEN e.kind = 'rejected' THEN 1 ELSE 0 END) AS rejected,
           AVG(CASE WHEN e.kind = 'approved' THEN j.edit_ratio END) AS mean_ratio
         FROM ${eventsInRange(['approved', 'rejected'], 'JOIN translators t ON t.id = e.actor')}
         GROUP BY t.id, t.name ORDER BY approved DESC, t.name, t.id`,
        [tenantId, range.from, range.to],
      );
      return rows.map((row) => ({
        id: String(row.id),
        name: String(row.name),
        approved: Number(row.approved),
        rejected: Number(row.rejected),
        meanEditRatio: ratio(row.mean_ratio),
      }));
    },
  };
}

export type ReportRepository = ReturnType<typeof reportRepository>;
