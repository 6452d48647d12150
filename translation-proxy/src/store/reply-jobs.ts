/**
 * Reply jobs: an agent's draft, its machine translation and, for reviewed replies, the claim a
 * translator holds (a lease), the approved text and the audit trail (job_events). Every state
 * change is a transition of the state machine (`reply-job-states.ts`), run as one conditional
 * UPDATE that says whether it changed the row, so two callers racing for the same job (two
 * translators, a translator and the SLA worker, two proxies) cannot both win.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable, SqlValue } from './database.js';
import { jobFromRow, type NewReplyJob, type ReplyJob } from './reply-job-rows.js';
import {
  CONDITIONS,
  TRANSITIONS,
  type Transition,
  type TransitionContext,
  type TransitionName,
} from './reply-job-states.js';

export type {
  Helpdesk,
  JobMasking,
  JobSegment,
  NewReplyJob,
  Priority,
  ReplyJob,
  ReplyMode,
  ReplyStatus,
} from './reply-job-rows.js';
export { effectiveStatus } from './reply-job-states.js';

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

export interface Approval {
  approved: string;
  editorId: string;
  /** `null` when the texts differ too much to measure within the budget. */
  editDistance: number | null;
  editRatio: number | null;
}

interface TransitionChange {
  /** Columns the transition writes besides status and updated_at (a fixed string, never input). */
  set?: string;
  values?: SqlValue[];
  actor?: string | null;
  detail?: Record<string, unknown>;
  /** PostgreSQL: give up at once when another transaction holds the row, instead of waiting. */
  skipLocked?: boolean;
}

/**
 * Runs `name` on job `id` as one UPDATE guarded by the transition's condition, records its
 * event when it has one, and says whether the row changed (false: the job was not in a state
 * the transition leaves).
 */
async function transition(
  db: Queryable,
  name: TransitionName,
  id: string,
  context: TransitionContext,
  change: TransitionChange,
): Promise<boolean> {
  const rule: Transition = TRANSITIONS[name];
  const condition = CONDITIONS[rule.from];
  const assignments: string[] = [];
  const values: SqlValue[] = [];
  if (rule.to !== null) {
    const kept = (rule.keeps ?? []).map((status) => `'${status}'`).join(', ');
    assignments.push(
      kept ? `status = CASE WHEN status IN (${kept}) THEN status ELSE ? END` : 'status = ?',
    );
    values.push(rule.to);
  }
  if (change.set) assignments.push(change.set);
  values.push(...(change.values ?? []));
  assignments.push('updated_at = ?');
  values.push(context.now);
  const target =
    change.skipLocked && db.dialect === 'postgres'
      ? `id = (SELECT id FROM reply_jobs WHERE id = ? AND ${condition.sql} FOR UPDATE SKIP LOCKED)`
      : `id = ? AND ${condition.sql}`;
  const changed = await db.execute(
    `UPDATE reply_jobs SET ${assignments.join(', ')} WHERE ${target}`,
    [...values, id, ...condition.params(context)],
  );
  if (changed > 0 && rule.event !== null)
    await recordEvent(db, id, rule.event, change.actor ?? null, change.detail ?? null, context.now);
  return changed > 0;
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

    /**
     * Claims a job for a translator until `now + leaseMs`. True only for the one caller whose
     * conditional update changed the row; on PostgreSQL the row is locked with SKIP LOCKED so a
     * concurrent claimer gives up at once instead of queueing behind the lock.
     */
    claim(id: string, translatorId: string, now: number, leaseMs: number): Promise<boolean> {
      return transition(
        db,
        'claim',
        id,
        { now, translatorId },
        {
          set: 'claimed_by = ?, lease_expires_at = ?',
          values: [translatorId, now + leaseMs],
          actor: translatorId,
          skipLocked: true,
        },
      );
    },

    renew(id: string, translatorId: string, now: number, leaseMs: number): Promise<boolean> {
      return transition(
        db,
        'renew',
        id,
        { now, translatorId },
        {
          set: 'lease_expires_at = ?',
          values: [now + leaseMs],
        },
      );
    },

    release(id: string, translatorId: string, now: number): Promise<boolean> {
      return transition(
        db,
        'release',
        id,
        { now, translatorId },
        {
          set: 'claimed_by = NULL, lease_expires_at = NULL',
          actor: translatorId,
        },
      );
    },

    reject(id: string, translatorId: string, reason: string, now: number): Promise<boolean> {
      return transition(
        db,
        'reject',
        id,
        { now, translatorId },
        {
          set: `error_code = 'rejected', error_message = ?, editor_id = ?, claimed_by = NULL,
          lease_expires_at = NULL`,
          values: [reason, translatorId],
          actor: translatorId,
          detail: { reason },
        },
      );
    },

    /** Approves a job the translator holds; in the caller's transaction, with the outbox write. */
    approve(tx: Queryable, id: string, approval: Approval, now: number): Promise<boolean> {
      return transition(
        tx,
        'approve',
        id,
        { now, translatorId: approval.editorId },
        {
          set: `approved = ?, editor_id = ?, edit_distance = ?, edit_ratio = ?, claimed_by = NULL,
          lease_expires_at = NULL, flagged = 0, masking = NULL`,
          values: [approval.approved, approval.editorId, approval.editDistance, approval.editRatio],
          actor: approval.editorId,
          detail: { editDistance: approval.editDistance },
        },
      );
    },

    /** Jobs in review whose lease ran out, put back in the queue (with an audit event each). */
    async expireLeases(now: number): Promise<string[]> {
      const { leaseRunOut } = CONDITIONS;
      const rows = await db.query<{ id: string; claimed_by: string | null }>(
        `SELECT id, claimed_by FROM reply_jobs WHERE ${leaseRunOut.sql}`,
        leaseRunOut.params({ now }),
      );
      const expired: string[] = [];
      for (const row of rows) {
        const changed = await transition(
          db,
          'expireLease',
          row.id,
          { now },
          {
            set: 'claimed_by = NULL, lease_expires_at = NULL',
            actor: row.claimed_by,
          },
        );
        if (changed) expired.push(row.id);
      }
      return expired;
    },

    /** Reviewed jobs past their due time that nobody is editing and nobody has been told about. */
    async overdue(now: number, limit = 100): Promise<ReplyJob[]> {
      const { claimableUnflagged } = CONDITIONS;
      const rows = await db.query(
        `SELECT * FROM reply_jobs WHERE due_at <= ? AND ${claimableUnflagged.sql}
         ORDER BY due_at LIMIT ?`,
        [now, ...claimableUnflagged.params({ now }), limit],
      );
      return rows.map(jobFromRow);
    },

    /** SLA passed under policy `post_machine`: the machine text is posted, marked as unreviewed. */
    fallBack(tx: Queryable, id: string, now: number): Promise<boolean> {
      return transition(
        tx,
        'fallBack',
        id,
        { now },
        {
          set: 'claimed_by = NULL, lease_expires_at = NULL, masking = NULL',
        },
      );
    },

    /** SLA passed under policy `alert`: the job keeps waiting, flagged for the agent. */
    flag(id: string, now: number): Promise<boolean> {
      return transition(db, 'flag', id, { now }, { set: 'flagged = 1' });
    },

    /** The outbox took an approved job (a fallback stays a fallback while it posts). */
    markPosting(id: string, now: number): Promise<boolean> {
      return transition(db, 'markPosting', id, { now }, {});
    },

    /**
     * Posted: only a job on its way out (approved, posting, fallback) that has no comment yet
     * changes, so a second worker finishing the same job records nothing twice.
     */
    markPosted(id: string, commentId: string, now: number, tx: Queryable = db): Promise<boolean> {
      return transition(
        tx,
        'markPosted',
        id,
        { now },
        {
          set: 'posted_comment_id = ?',
          values: [commentId],
          detail: { commentId },
        },
      );
    },

    /** Failed while posting; a job already posted or finished otherwise stays as it is. */
    markFailed(
      id: string,
      error: { code: string; message: string },
      now: number,
      tx: Queryable = db,
    ): Promise<boolean> {
      return transition(
        tx,
        'markFailed',
        id,
        { now },
        {
          set: 'error_code = ?, error_message = ?',
          values: [error.code, error.message],
          detail: error,
        },
      );
    },
  };
}

export type ReplyJobRepository = ReturnType<typeof replyJobRepository>;
