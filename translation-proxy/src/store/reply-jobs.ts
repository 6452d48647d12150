/**
 * Reply jobs: an agent's draft, its machine translation and, for reviewed replies, the claim a
 * translator holds (a lease), the approved text and the audit trail (job_events). Every state
 * change is one conditional UPDATE that checks the rows it changed, so two callers racing for
 * the same job (two translators, a translator and the SLA worker) cannot both win.
 */
import { randomUUID } from 'node:crypto';
import type { Redactions } from '@parley/shared/api/schemas';
import type { GlossaryTerm, SegmentPlaceholder } from '@parley/shared/pipeline/index';
import type {
  KnownPersonalValue,
  PersonalDataKind,
} from '@parley/shared/pipeline/personal-data/index';
import type { TextSpan } from '@parley/shared/pipeline/unknown-words';
import type { Queryable, Row } from './database.js';

export type ReplyStatus =
  'queued' | 'in_review' | 'approved' | 'posting' | 'posted' | 'failed' | 'fallback';
export type ReplyMode = 'machine' | 'review';
export type Helpdesk = 'zendesk' | 'freshdesk';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';

/**
 * The personal-data masking a job's draft was prepared with: needed to prepare it alike when the
 * translator's edit is restored, and cleared once it is (the known values go with it).
 */
export interface JobMasking {
  kinds: PersonalDataKind[];
  known: KnownPersonalValue[];
}

/** One sentence of the draft as the translators' workspace shows it (masked, see the pipeline). */
export interface JobSegment {
  source: string;
  target: string;
  origin: 'machine' | 'memory';
  match?: number;
  translatable: boolean;
  placeholders: SegmentPlaceholder[];
  /** Words of a machine `target` the engine did not know, as offsets into it. */
  unknown?: TextSpan[];
}

export interface NewReplyJob {
  tenantId: string;
  idempotencyKey: string | null;
  helpdesk: Helpdesk;
  ticketId: string;
  authorId: string | null;
  mode: ReplyMode;
  format: 'html' | 'text';
  priority: Priority;
  source: string;
  target: string;
  draft: string;
  terms: GlossaryTerm[];
  segments: JobSegment[];
  machine: string;
  engine: string;
  status: ReplyStatus;
  dueAt: number | null;
  masking: JobMasking | null;
  /** What was masked, by kind: kept for the audit. */
  redactions: Redactions;
}

export interface ReplyJob extends NewReplyJob {
  id: string;
  approved: string | null;
  claimedBy: string | null;
  leaseExpiresAt: number | null;
  editorId: string | null;
  editDistance: number | null;
  editRatio: number | null;
  flagged: boolean;
  error: { code: string; message: string } | null;
  postedCommentId: string | null;
  createdAt: number;
  updatedAt: number;
}

const num = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
const str = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

export function jobFromRow(row: Row): ReplyJob {
  return {
    id: String(row.id),
    tenantId: String(row.tenant_id),
    idempotencyKey: str(row.idempotency_key),
    helpdesk: row.helpdesk as Helpdesk,
    ticketId: String(row.ticket_id),
    authorId: str(row.author_id),
    mode: row.mode as ReplyMode,
    format: row.format as 'html' | 'text',
    priority: row.priority as Priority,
    source: String(row.source_lang),
    target: String(row.target_lang),
    draft: String(row.draft),
    terms: JSON.parse(String(row.terms)) as GlossaryTerm[],
    segments: JSON.parse(String(row.segments)) as JobSegment[],
    machine: String(row.machine),
    engine: String(row.engine),
    status: row.status as ReplyStatus,
    dueAt: num(row.due_at),
    masking: row.masking ? (JSON.parse(String(row.masking)) as JobMasking) : null,
    redactions: JSON.parse(String(row.redactions ?? '[]')) as Redactions,
    approved: str(row.approved),
    claimedBy: str(row.claimed_by),
    leaseExpiresAt: num(row.lease_expires_at),
    editorId: str(row.editor_id),
    editDistance: num(row.edit_distance),
    editRatio: num(row.edit_ratio),
    flagged: Number(row.flagged) === 1,
    error:
      row.error_code === null || row.error_code === undefined
        ? null
        : { code: String(row.error_code), message: String(row.error_message ?? '') },
    postedCommentId: str(row.posted_comment_id),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** A job in review whose lease has run out is back in the queue, whatever its row says. */
export const effectiveStatus = (
  job: Pick<ReplyJob, 'status' | 'leaseExpiresAt'>,
  now = Date.now(),
): ReplyStatus =>
  job.status === 'in_review' && (job.leaseExpiresAt ?? 0) <= now ? 'queued' : job.status;

/** Whether the translator holds the job under a lease that has not expired. */
export const holdsLease = (
  job: Pick<ReplyJob, 'status' | 'leaseExpiresAt' | 'claimedBy'>,
  translatorId: string,
  now: number,
): boolean => job.claimedBy === translatorId && effectiveStatus(job, now) === 'in_review';

export async function recordEvent(
  db: Queryable,
  jobId: string,
  kind: string,
  actor: string | null,
  detail: Record<string, unknown> | null = null,
  at = Date.now(),
): Promise<void> {
  await db.execute(
    'INSERT INTO job_events (id, job_id, at, kind, actor, detail) VALUES (?, ?, ?, ?, ?, ?)',
    [randomUUID(), jobId, at, kind, actor, detail === null ? null : JSON.stringify(detail)],
  );
}

/** Claimable: queued, or in review under a lease that has run out. */
const CLAIMABLE = `(status = 'queued' OR (status = 'in_review' AND lease_expires_at <= ?))`;
/** Held by the given translator under a live lease. */
const HELD = `status = 'in_review' AND claimed_by = ? AND lease_expires_at > ?`;

/** On its way to the helpdesk and not posted yet: the only jobs the outbox may finish. */
const ON_ITS_WAY_OUT = `status IN ('approved', 'posting', 'fallback') AND posted_comment_id IS NULL`;

/** What the queue list shows of a job: no segments or translations, so listing stays cheap. */
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
  format: 'html' | 'text';
  /** The start of the draft, enough for a preview. */
  draftStart: string;
  masking: JobMasking | null;
}

/** Characters of the draft a queue entry carries. */
export const DRAFT_START = 400;

export interface Approval {
  approved: string;
  editorId: string;
  /** `null` when the texts differ too much to measure within the budget. */
  editDistance: number | null;
  editRatio: number | null;
}

export function replyJobRepository(db: Queryable) {
  return {
    /**
     * Inserts the job in the caller's transaction (which may write its outbox entry too). With an
     * idempotency key the tenant already used, returns that job instead.
     */
    async insert(tx: Queryable, input: NewReplyJob): Promise<{ job: ReplyJob; created: boolean }> {
      const now = Date.now();
      const id = randomUUID();
      const changed = await tx.execute(
        `INSERT INTO reply_jobs (id, tenant_id, idempotency_key, helpdesk, ticket_id, author_id, mode,
           format, priority, source_lang, target_lang, draft, terms, segments, machine, engine, status,
           due_at, masking, redactions, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, idempotency_key) DO NOTHING`,
        [
          id,
          input.tenantId,
          input.idempotencyKey,
          input.helpdesk,
          input.ticketId,
          input.authorId,
          input.mode,
          input.format,
          input.priority,
          input.source,
          input.target,
          input.draft,
          JSON.stringify(input.terms),
          JSON.stringify(input.segments),
          input.machine,
          input.engine,
          input.status,
          input.dueAt,
          input.masking === null ? null : JSON.stringify(input.masking),
          JSON.stringify(input.redactions),
          now,
          now,
        ],
      );
      if (changed === 0) {
        const [existing] = await tx.query(
          'SELECT * FROM reply_jobs WHERE tenant_id = ? AND idempotency_key = ?',
          [input.tenantId, input.idempotencyKey],
        );
        if (!existing) throw new Error('an idempotent reply job vanished while being created');
        return { job: jobFromRow(existing), created: false };
      }
      await recordEvent(
        tx,
        id,
        'created',
        null,
        { mode: input.mode, status: input.status, redactions: input.redactions },
        now,
      );
      const [row] = await tx.query('SELECT * FROM reply_jobs WHERE id = ?', [id]);
      if (!row) throw new Error('a reply job vanished after being created');
      return { job: jobFromRow(row), created: true };
    },

    async byKey(tenantId: string, idempotencyKey: string): Promise<ReplyJob | undefined> {
      const [row] = await db.query(
        'SELECT * FROM reply_jobs WHERE tenant_id = ? AND idempotency_key = ?',
        [tenantId, idempotencyKey],
      );
      return row && jobFromRow(row);
    },

    /** A job by id; with a tenant id, only that tenant's. */
    async get(id: string, tenantId?: string, from: Queryable = db): Promise<ReplyJob | undefined> {
      const [row] = await from.query(
        tenantId === undefined
          ? 'SELECT * FROM reply_jobs WHERE id = ?'
          : 'SELECT * FROM reply_jobs WHERE id = ? AND tenant_id = ?',
        tenantId === undefined ? [id] : [id, tenantId],
      );
      return row && jobFromRow(row);
    },

    async events(id: string): Promise<{ kind: string; actor: string | null; at: number }[]> {
      const rows = await db.query<{ kind: string; actor: string | null; at: number }>(
        'SELECT kind, actor, at FROM job_events WHERE job_id = ? ORDER BY at, kind',
        [id],
      );
      return rows.map((row) => ({ ...row, at: Number(row.at) }));
    },

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
         FROM reply_jobs j
           JOIN translator_assignments a ON a.tenant_id = j.tenant_id
             AND a.source_lang = j.source_lang AND a.target_lang = j.target_lang
           JOIN tenants t ON t.id = j.tenant_id
         WHERE a.translator_id = ? AND j.status IN ('queued', 'in_review')${where}
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
        format: row.format as 'html' | 'text',
        draftStart: String(row.draft_start),
        masking: row.masking ? (JSON.parse(String(row.masking)) as JobMasking) : null,
      }));
    },

    /**
     * Claims a job for a translator until `now + leaseMs`. True only for the one caller whose
     * conditional update changed the row; on PostgreSQL the row is locked with SKIP LOCKED so a
     * concurrent claimer gives up at once instead of queueing behind the lock.
     */
    async claim(id: string, translatorId: string, now: number, leaseMs: number): Promise<boolean> {
      const target =
        db.dialect === 'postgres'
          ? `id = (SELECT id FROM reply_jobs WHERE id = ? AND ${CLAIMABLE} FOR UPDATE SKIP LOCKED)`
          : `id = ? AND ${CLAIMABLE}`;
      const changed = await db.execute(
        `UPDATE reply_jobs SET status = 'in_review', claimed_by = ?, lease_expires_at = ?, updated_at = ?
         WHERE ${target}`,
        [translatorId, now + leaseMs, now, id, now],
      );
      if (changed > 0) await recordEvent(db, id, 'claimed', translatorId, null, now);
      return changed > 0;
    },

    async renew(id: string, translatorId: string, now: number, leaseMs: number): Promise<boolean> {
      return (
        (await db.execute(
          `UPDATE reply_jobs SET lease_expires_at = ?, updated_at = ? WHERE id = ? AND ${HELD}`,
          [now + leaseMs, now, id, translatorId, now],
        )) > 0
      );
    },

    async release(id: string, translatorId: string, now: number): Promise<boolean> {
      const changed = await db.execute(
        `UPDATE reply_jobs SET status = 'queued', claimed_by = NULL, lease_expires_at = NULL, updated_at = ?
         WHERE id = ? AND ${HELD}`,
        [now, id, translatorId, now],
      );
      if (changed > 0) await recordEvent(db, id, 'released', translatorId, null, now);
      return changed > 0;
    },

    async reject(id: string, translatorId: string, reason: string, now: number): Promise<boolean> {
      const changed = await db.execute(
        `UPDATE reply_jobs SET status = 'failed', error_code = 'rejected', error_message = ?,
           editor_id = ?, claimed_by = NULL, lease_expires_at = NULL, updated_at = ?
         WHERE id = ? AND ${HELD}`,
        [reason, translatorId, now, id, translatorId, now],
      );
      if (changed > 0) await recordEvent(db, id, 'rejected', translatorId, { reason }, now);
      return changed > 0;
    },

    /** Approves a job the translator holds; in the caller's transaction, with the outbox write. */
    async approve(tx: Queryable, id: string, approval: Approval, now: number): Promise<boolean> {
      const changed = await tx.execute(
        `UPDATE reply_jobs SET status = 'approved', approved = ?, editor_id = ?, edit_distance = ?,
           edit_ratio = ?, claimed_by = NULL, lease_expires_at = NULL, flagged = 0, masking = NULL,
           updated_at = ?
         WHERE id = ? AND ${HELD}`,
        [
          approval.approved,
          approval.editorId,
          approval.editDistance,
          approval.editRatio,
          now,
          id,
          approval.editorId,
          now,
        ],
      );
      if (changed > 0)
        await recordEvent(
          tx,
          id,
          'approved',
          approval.editorId,
          { editDistance: approval.editDistance },
          now,
        );
      return changed > 0;
    },

    /** Jobs in review whose lease ran out, put back in the queue (with an audit event each). */
    async expireLeases(now: number): Promise<string[]> {
      const rows = await db.query<{ id: string; claimed_by: string | null }>(
        `SELECT id, claimed_by FROM reply_jobs WHERE status = 'in_review' AND lease_expires_at <= ?`,
        [now],
      );
      const expired: string[] = [];
      for (const row of rows) {
        const changed = await db.execute(
          `UPDATE reply_jobs SET status = 'queued', claimed_by = NULL, lease_expires_at = NULL, updated_at = ?
           WHERE id = ? AND status = 'in_review' AND lease_expires_at <= ?`,
          [now, row.id, now],
        );
        if (changed === 0) continue;
        await recordEvent(db, row.id, 'lease_expired', row.claimed_by, null, now);
        expired.push(row.id);
      }
      return expired;
    },

    /** Reviewed jobs past their due time that nobody is editing and nobody has been told about. */
    async overdue(now: number, limit = 100): Promise<ReplyJob[]> {
      const rows = await db.query(
        `SELECT * FROM reply_jobs WHERE due_at <= ? AND flagged = 0
           AND (status = 'queued' OR (status = 'in_review' AND lease_expires_at <= ?))
         ORDER BY due_at LIMIT ?`,
        [now, now, limit],
      );
      return rows.map(jobFromRow);
    },

    /** SLA passed under policy `post_machine`: the machine text is posted, marked as unreviewed. */
    async fallBack(tx: Queryable, id: string, now: number): Promise<boolean> {
      const changed = await tx.execute(
        `UPDATE reply_jobs SET status = 'fallback', claimed_by = NULL, lease_expires_at = NULL, masking = NULL, updated_at = ?
         WHERE id = ? AND flagged = 0 AND (status = 'queued' OR (status = 'in_review' AND lease_expires_at <= ?))`,
        [now, id, now],
      );
      if (changed > 0) await recordEvent(tx, id, 'sla_fallback', null, null, now);
      return changed > 0;
    },

    /** SLA passed under policy `alert`: the job keeps waiting, flagged for the agent. */
    async flag(id: string, now: number): Promise<boolean> {
      const changed = await db.execute(
        `UPDATE reply_jobs SET flagged = 1, updated_at = ? WHERE id = ? AND flagged = 0
           AND status IN ('queued', 'in_review')`,
        [now, id],
      );
      if (changed > 0) await recordEvent(db, id, 'sla_flagged', null, null, now);
      return changed > 0;
    },

    async markPosting(id: string, now: number): Promise<void> {
      await db.execute(
        `UPDATE reply_jobs SET status = 'posting', updated_at = ? WHERE id = ? AND status = 'approved'`,
        [now, id],
      );
    },

    /**
     * Posted: `fallback` stays as it is, so the agent still sees the reply was not reviewed. Only
     * a job on its way out (approved, posting, fallback) that has no comment yet changes, so a
     * second worker finishing the same job records nothing twice.
     */
    async markPosted(
      id: string,
      commentId: string,
      now: number,
      tx: Queryable = db,
    ): Promise<boolean> {
      const changed = await tx.execute(
        `UPDATE reply_jobs SET status = CASE WHEN status = 'fallback' THEN 'fallback' ELSE 'posted' END,
           posted_comment_id = ?, updated_at = ? WHERE id = ? AND ${ON_ITS_WAY_OUT}`,
        [commentId, now, id],
      );
      if (changed > 0) await recordEvent(tx, id, 'posted', null, { commentId }, now);
      return changed > 0;
    },

    /** Failed while posting; a job already posted or finished otherwise stays as it is. */
    async markFailed(
      id: string,
      error: { code: string; message: string },
      now: number,
      tx: Queryable = db,
    ): Promise<boolean> {
      const changed = await tx.execute(
        `UPDATE reply_jobs SET status = 'failed', error_code = ?, error_message = ?, updated_at = ?
           WHERE id = ? AND ${ON_ITS_WAY_OUT}`,
        [error.code, error.message, now, id],
      );
      if (changed > 0) await recordEvent(tx, id, 'failed', null, error, now);
      return changed > 0;
    },

    /** Edit distance per language pair and engine: the quality figure shown to admins. */
    async editStats(tenantId: string) {
      const rows = await db.query<{
        source_lang: string;
        target_lang: string;
        engine: string;
        jobs: number;
        mean_ratio: number;
      }>(
        `SELECT source_lang, target_lang, engine, COUNT(*) AS jobs, AVG(edit_ratio) AS mean_ratio
         FROM reply_jobs WHERE tenant_id = ? AND edit_ratio IS NOT NULL
         GROUP BY source_lang, target_lang, engine ORDER BY source_lang, target_lang, engine`,
        [tenantId],
      );
      return rows.map((row) => ({
        source: row.source_lang,
        target: row.target_lang,
        engine: row.engine,
        jobs: Number(row.jobs),
        meanEditRatio: Number(row.mean_ratio),
      }));
    },
  };
}

export type ReplyJobRepository = ReturnType<typeof replyJobRepository>;
