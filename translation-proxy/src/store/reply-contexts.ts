/**
 * The ticket a reviewed reply answers, as the translator sees it: its subject and the customer's
 * last message, both stored with personal data already masked (see `replies/context.ts`).
 */
import type { Queryable } from './database.js';

export interface ReplyContext {
  subject?: string;
  lastMessage?: string;
}

export function replyContextRepository(db: Queryable) {
  return {
    /** Written in the transaction that inserts the job. */
    async save(tx: Queryable, jobId: string, context: ReplyContext): Promise<void> {
      await tx.execute(
        'INSERT INTO reply_contexts (job_id, subject, last_message) VALUES (?, ?, ?)',
        [jobId, context.subject ?? null, context.lastMessage ?? null],
      );
    },

    async get(jobId: string): Promise<ReplyContext> {
      const [row] = await db.query<{ subject: string | null; last_message: string | null }>(
        'SELECT subject, last_message FROM reply_contexts WHERE job_id = ?',
        [jobId],
      );
      return {
        ...(row?.subject ? { subject: row.subject } : {}),
        ...(row?.last_message ? { lastMessage: row.last_message } : {}),
      };
    },
  };
}
