/**
 * The queue's rule for seeing a job, shared by every route under `/v1/queue/jobs/:id`: a
 * translator sees a review job only in a tenant and pair they are assigned to (else 404, which
 * tells nothing of other tenants' jobs).
 */
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import type { Store } from '../store/index.js';
import type { ReplyJob } from '../store/reply-jobs.js';

/** The job, if the translator is assigned to its tenant and pair; 404 otherwise. */
export async function visibleJob(
  store: Store,
  request: FastifyRequest,
  translatorId: string,
  id: string,
): Promise<ReplyJob> {
  const job = await store.replyJobs.get(id);
  if (
    !job ||
    job.mode !== 'review' ||
    !(await store.translators.mayReview(translatorId, job.tenantId, job.source, job.target))
  )
    throw new ApiError('not_found', 'No reply job with this id in your queue.');
  request.log.debug({ job: job.id }, 'queue job');
  return job;
}
