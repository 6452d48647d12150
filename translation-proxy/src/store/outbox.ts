/**
 * The outbox: one entry per reply to post, written in the same transaction as the approval (or
 * the machine reply, or the SLA fallback). A worker takes due entries under a short lock, posts
 * the public reply then the internal note, and records for each step the moment it started
 * posting BEFORE calling the helpdesk and the comment id AFTER. A step with a start and no id is
 * an unknown outcome (crash, timeout, 5xx): it is reconciled against the ticket before any retry.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable, Row } from './database.js';

export type OutboxStep = 'public' | 'note';

export interface OutboxEntry {
  id: string;
  jobId: string;
  tenantId: string;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  publicAttemptedAt: number | null;
  publicCommentId: string | null;
  noteAttemptedAt: number | null;
  noteCommentId: string | null;
  lastError: string | null;
}

const num = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
const str = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

const fromRow = (row: Row): OutboxEntry => ({
  id: String(row.id),
  jobId: String(row.job_id),
  tenantId: String(row.tenant_id),
  status: row.status as OutboxEntry['status'],
  attempts: Number(row.attempts),
  nextAttemptAt: Number(row.next_attempt_at),
  publicAttemptedAt: num(row.public_attempted_at),
  publicCommentId: str(row.public_comment_id),
  noteAttemptedAt: num(row.note_attempted_at),
  noteCommentId: str(row.note_comment_id),
  lastError: str(row.last_error),
});

// Column names come from this fixed map, never from input.
const COLUMNS: Record<OutboxStep, { attempted: string; comment: string }> = {
  public: { attempted: 'public_attempted_at', comment: 'public_comment_id' },
  note: { attempted: 'note_attempted_at', comment: 'note_comment_id' },
};

export function outboxRepository(db: Database) {
  return {
    async enqueue(tx: Queryable, jobId: string, tenantId: string, now = Date.now()) {
      await tx.execute(
        `INSERT INTO outbox (id, job_id, tenant_id, status, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT (job_id) DO NOTHING`,
        [randomUUID(), jobId, tenantId, now, now, now],
      );
    },

    async forJob(jobId: string): Promise<OutboxEntry | undefined> {
      const [row] = await db.query('SELECT * FROM outbox WHERE job_id = ?', [jobId]);
      return row && fromRow(row);
    },

    /**
     * Locks up to `limit` due entries for `lockMs` and returns them, in one transaction: on
     * PostgreSQL the rows are selected `FOR UPDATE SKIP LOCKED`, so two proxies polling at once
     * take different entries; each lock is also a conditional update, checked row by row.
     */
    async takeDue(now: number, lockMs: number, limit = 10): Promise<OutboxEntry[]> {
      const lock = db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
      return db.transaction(async (tx) => {
        const rows = await tx.query(
          `SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND locked_until <= ?
           ORDER BY next_attempt_at LIMIT ?${lock}`,
          [now, now, limit],
        );
        const taken: OutboxEntry[] = [];
        for (const row of rows) {
          const changed = await tx.execute(
            `UPDATE outbox SET locked_until = ?, updated_at = ? WHERE id = ? AND status = 'pending' AND locked_until <= ?`,
            [now + lockMs, now, String(row.id), now],
          );
          if (changed > 0) taken.push(fromRow(row));
        }
        return taken;
      });
    },

    /** Written and committed BEFORE the helpdesk call. */
    async markAttempt(id: string, step: OutboxStep, now = Date.now()): Promise<void> {
      await db.execute(
        `UPDATE outbox SET ${COLUMNS[step].attempted} = ?, updated_at = ? WHERE id = ?`,
        [now, now, id],
      );
    },

    /** Written right after the helpdesk answered (or reconciliation found the comment). */
    async recordPosted(id: string, step: OutboxStep, commentId: string): Promise<void> {
      await db.execute(
        `UPDATE outbox SET ${COLUMNS[step].comment} = ?, updated_at = ? WHERE id = ?`,
        [commentId, Date.now(), id],
      );
    },

    /** The helpdesk said for certain nothing was posted (429, 4xx): no reconciliation needed. */
    async clearAttempt(id: string, step: OutboxStep): Promise<void> {
      await db.execute(
        `UPDATE outbox SET ${COLUMNS[step].attempted} = NULL, updated_at = ? WHERE id = ?`,
        [Date.now(), id],
      );
    },

    async retryAt(id: string, at: number, error: string): Promise<void> {
      await db.execute(
        `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, locked_until = 0,
           last_error = ?, updated_at = ? WHERE id = ?`,
        [at, error, Date.now(), id],
      );
    },

    /**
     * Ends a pending entry; false when it was no longer pending (another worker finished it).
     * Run in the transaction that records the job's outcome, so the two never disagree.
     */
    async finish(
      id: string,
      status: 'done' | 'failed',
      error: string | null = null,
      tx: Queryable = db,
    ): Promise<boolean> {
      const changed = await tx.execute(
        `UPDATE outbox SET status = ?, last_error = ?, locked_until = 0, updated_at = ?
           WHERE id = ? AND status = 'pending'`,
        [status, error, Date.now(), id],
      );
      return changed > 0;
    },
  };
}

export type OutboxRepository = ReturnType<typeof outboxRepository>;
