/**
 * The translators' queue as a list: the jobs waiting for or under review in the tenants and
 * language pairs a translator is assigned to, earliest due first. Only what a list shows (no
 * segments or translations), so listing stays cheap.
 */
import type { Queryable } from './database.js';
import {
  maskingFromRow,
  num,
  str,
  type JobMasking,
  type Priority,
  type ReplyFormat,
  type ReplyStatus,
} from './reply-job-rows.js';
import { CONDITIONS } from './reply-job-states.js';

export interface QueueEntry {
  id: string;
  tenantId: string;
  tenantName: string;
  source: string;
  target: string;
  dueAt: number;
  priority: Priority;
  status: ReplyStatus;
  claimedBy: string | null;
  leaseExpiresAt: number | null;
  flagged: boolean;
  format: ReplyFormat;
  /** The start of the draft, enough for a preview. */
  draftStart: string;
  masking: JobMasking | null;
}

/** Characters of the draft a queue entry carries. */
export const DRAFT_START = 400;

export function replyQueueRepository(db: Queryable) {
  return {
    /** Jobs waiting for or under review that the translator may see, earliest due first. */
    async queueFor(
      translatorId: string,
      filter: { source?: string; target?: string; limit?: number } = {},
    ): Promise<QueueEntry[]> {
      const params: (string | number)[] = [translatorId];
      let where = '';
      if (filter.source) {
        where += ' AND j.source_lang = ?';
        params.push(filter.source);
      }
      if (filter.target) {
        where += ' AND j.target_lang = ?';
        params.push(filter.target);
      }
      params.push(filter.limit ?? 100);
      const rows = await db.query(
        `SELECT j.id, j.tenant_id, t.name AS tenant_name, j.source_lang, j.target_lang, j.due_at,
           j.created_at, j.priority, j.status, j.claimed_by, j.lease_expires_at, j.flagged, j.format,
           SUBSTR(j.draft, 1, ${DRAFT_START}) AS draft_start, j.masking
         FROM (SELECT * FROM reply_jobs WHERE ${CONDITIONS.waiting.sql}) j
           JOIN translator_assignments a ON a.tenant_id = j.tenant_id
             AND a.source_lang = j.source_lang AND a.target_lang = j.target_lang
           JOIN tenants t ON t.id = j.tenant_id
         WHERE a.translator_id = ?${where}
         ORDER BY j.due_at, j.created_at LIMIT ?`,
        params,
      );
      return rows.map((row) => ({
        id: String(row.id),
        tenantId: String(row.tenant_id),
        tenantName: String(row.tenant_name),
        source: String(row.source_lang),
        target: String(row.target_lang),
        dueAt: Number(row.due_at ?? row.created_at),
        priority: row.priority as Priority,
        status: row.status as ReplyStatus,
        claimedBy: str(row.claimed_by),
        leaseExpiresAt: num(row.lease_expires_at),
        flagged: Number(row.flagged) === 1,
        format: row.format as ReplyFormat,
        draftStart: String(row.draft_start),
        masking: maskingFromRow(row.masking),
      }));
    },
  };
}
