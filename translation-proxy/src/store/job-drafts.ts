/**
 * A translator's unfinished edit of a reply they hold, saved as they type so that a reload (or a
 * crashed browser) comes back to it. One draft per job; it is written only while the writer
 * holds the job's lease, checked in the same statement, so a translator whose claim lapsed (or
 * who never had it) cannot overwrite another's work. Kept masked, as the editor shows segments.
 */
import type { Queryable } from './database.js';

export interface DraftSegment {
  index: number;
  target: string;
}

export interface JobDraft {
  segments: DraftSegment[];
  updatedAt: number;
}

export function jobDraftRepository(db: Queryable) {
  return {
    /** Saves the draft if `translatorId` holds the job's lease at `now`; false otherwise. */
    async save(
      jobId: string,
      translatorId: string,
      segments: readonly DraftSegment[],
      now: number,
    ): Promise<boolean> {
      const changed = await db.execute(
        `INSERT INTO job_drafts (job_id, translator_id, segments, updated_at)
         SELECT id, claimed_by, ?, ? FROM reply_jobs
         WHERE id = ? AND claimed_by = ? AND status = 'in_review' AND lease_expires_at > ?
         ON CONFLICT (job_id) DO UPDATE SET translator_id = excluded.translator_id,
           segments = excluded.segments, updated_at = excluded.updated_at`,
        [JSON.stringify(segments), now, jobId, translatorId, now],
      );
      return changed > 0;
    },

    /** The job's draft, if `translatorId` wrote it. */
    async get(jobId: string, translatorId: string): Promise<JobDraft | undefined> {
      const [row] = await db.query<{ segments: string; updated_at: number | string }>(
        'SELECT segments, updated_at FROM job_drafts WHERE job_id = ? AND translator_id = ?',
        [jobId, translatorId],
      );
      return row
        ? {
            segments: JSON.parse(row.segments) as DraftSegment[],
            updatedAt: Number(row.updated_at),
          }
        : undefined;
    },

    async delete(jobId: string): Promise<void> {
      await db.execute('DELETE FROM job_drafts WHERE job_id = ?', [jobId]);
    },
  };
}
