/**
 * The outbox worker: posts approved replies exactly once. For each entry it posts the public
 * reply, then the internal note; each step is recorded as attempted (committed) BEFORE the
 * helpdesk call and as posted (with the comment id) AFTER. A step found attempted but not
 * posted — the proxy died, timed out or got a 5xx in between — is first looked up on the ticket
 * and only re-posted when the helpdesk does not have it. 429 waits for Retry-After; other 4xx
 * fail the job with the helpdesk's message; network errors and 5xx retry with backoff and jitter.
 */
import type { EngineLogger } from '../engines/engine.js';
import type { Metrics } from '../plugins/metrics.js';
import { HelpdeskError, type HelpdeskClient, type OutgoingComment } from '../helpdesks/client.js';
import { HelpdeskNotConfigured, type HelpdeskClients } from '../helpdesks/index.js';
import type { Store } from '../store/index.js';
import type { OutboxEntry, OutboxStep } from '../store/outbox.js';
import type { ReplyJob } from '../store/reply-jobs.js';
import { backoffDelay } from '../retry-policy.js';
import { internalNoteHtml, publicReplyHtml } from './messages.js';

export interface OutboxWorkerOptions {
  store: Store;
  clients: HelpdeskClients;
  logger: EngineLogger;
  metrics: Pick<Metrics, 'helpdeskPosts' | 'repliesFinished'>;
  /** How long an entry stays locked to one worker while it posts. */
  lockMs?: number;
  /** First retry delay; doubles per attempt up to `maxRetryMs`, with jitter. */
  retryBaseMs?: number;
  maxRetryMs?: number;
  /** Attempts before a job fails as `helpdesk_unavailable`. */
  maxAttempts?: number;
  random?: () => number;
}

const STEP_COMMENT: Record<OutboxStep, 'publicCommentId' | 'noteCommentId'> = {
  public: 'publicCommentId',
  note: 'noteCommentId',
};
const STEP_ATTEMPT: Record<OutboxStep, 'publicAttemptedAt' | 'noteAttemptedAt'> = {
  public: 'publicAttemptedAt',
  note: 'noteAttemptedAt',
};

export function createOutboxWorker(options: OutboxWorkerOptions) {
  const { store, clients, logger, metrics } = options;
  const lockMs = options.lockMs ?? 60_000;
  const retryBaseMs = options.retryBaseMs ?? 2_000;
  const maxRetryMs = options.maxRetryMs ?? 300_000;
  const maxAttempts = options.maxAttempts ?? 10;
  const random = options.random ?? Math.random;

  /** The helpdesk's Retry-After when it sent one, else the shared backoff. */
  function retryDelay(attempts: number, retryAfterSeconds?: number): number {
    if (retryAfterSeconds !== undefined) return Math.ceil(retryAfterSeconds * 1000);
    return backoffDelay(attempts + 1, { baseMs: retryBaseMs, maxMs: maxRetryMs }, random);
  }

  async function postStep(
    entry: OutboxEntry,
    step: OutboxStep,
    client: HelpdeskClient,
    job: ReplyJob,
    comment: OutgoingComment,
  ): Promise<string> {
    const done = entry[STEP_COMMENT[step]];
    if (done) return done;
    const attemptedAt = entry[STEP_ATTEMPT[step]];
    if (attemptedAt !== null) {
      const found = await client.findPosted(job.ticketId, comment, attemptedAt);
      if (found) {
        logger.info('outbox: found a comment posted before an interruption', {
          job: job.id,
          step,
        });
        await store.outbox.recordPosted(entry.id, step, found);
        metrics.helpdeskPosts.inc({ helpdesk: job.helpdesk, step, outcome: 'found' });
        return found;
      }
    }
    const now = Date.now();
    await store.outbox.markAttempt(entry.id, step, now);
    entry[STEP_ATTEMPT[step]] = now;
    const id = await client.post(job.ticketId, comment);
    await store.outbox.recordPosted(entry.id, step, id);
    metrics.helpdeskPosts.inc({ helpdesk: job.helpdesk, step, outcome: 'posted' });
    entry[STEP_COMMENT[step]] = id;
    return id;
  }

  async function deliver(entry: OutboxEntry): Promise<void> {
    const job = await store.replyJobs.get(entry.jobId);
    if (!job) {
      await store.outbox.finish(entry.id, 'failed', 'the job no longer exists');
      return;
    }
    await store.replyJobs.markPosting(job.id, Date.now());
    let step: OutboxStep = 'public';
    try {
      const client = await clients(job.tenantId, job.helpdesk);
      const editor = job.editorId ? await store.translators.get(job.editorId) : undefined;
      const publicId = await postStep(entry, 'public', client, job, {
        html: publicReplyHtml(job),
        public: true,
        authorId: job.authorId,
      });
      step = 'note';
      await postStep(entry, 'note', client, job, {
        html: internalNoteHtml(job, editor?.name),
        public: false,
        authorId: job.authorId,
      });
      const finished = await store.db.transaction(
        async (tx) =>
          (await store.outbox.finish(entry.id, 'done', null, tx)) &&
          (await store.replyJobs.markPosted(job.id, publicId, Date.now(), tx)),
      );
      if (finished) metrics.repliesFinished.inc({ helpdesk: job.helpdesk, outcome: 'posted' });
    } catch (error) {
      await failed(entry, job, step, error);
    }
  }

  async function failed(entry: OutboxEntry, job: ReplyJob, step: OutboxStep, error: unknown) {
    const now = Date.now();
    const fail = async (code: string, message: string) => {
      logger.warn('outbox: reply failed', { job: job.id, code, message });
      const finished = await store.db.transaction(
        async (tx) =>
          (await store.outbox.finish(entry.id, 'failed', message, tx)) &&
          (await store.replyJobs.markFailed(job.id, { code, message }, now, tx)),
      );
      if (!finished) return;
      metrics.helpdeskPosts.inc({ helpdesk: job.helpdesk, step, outcome: 'failed' });
      metrics.repliesFinished.inc({ helpdesk: job.helpdesk, outcome: 'failed' });
    };
    if (error instanceof HelpdeskNotConfigured)
      return fail('helpdesk_not_configured', error.message);
    if (!(error instanceof HelpdeskError)) {
      logger.error('outbox: unexpected error', {
        job: job.id,
        error: error instanceof Error ? error.message : String(error),
      });
      return store.outbox.retryAt(entry.id, now + retryDelay(entry.attempts), String(error));
    }
    // 429 and other 4xx mean nothing was posted: the next try need not look for a comment.
    if (error.failure !== 'unavailable') await store.outbox.clearAttempt(entry.id, step);
    if (error.failure === 'rejected') return fail('helpdesk_rejected', error.message);
    if (error.failure === 'unavailable' && entry.attempts + 1 >= maxAttempts)
      return fail(
        'helpdesk_unavailable',
        `${error.message} (gave up after ${maxAttempts} attempts)`,
      );
    const delay = retryDelay(entry.attempts, error.retryAfterSeconds);
    metrics.helpdeskPosts.inc({ helpdesk: job.helpdesk, step, outcome: 'retry' });
    logger.info('outbox: will retry', { job: job.id, step, delayMs: delay, reason: error.message });
    await store.outbox.retryAt(entry.id, now + delay, error.message);
  }

  let running: Promise<void> | undefined;
  let again = false;

  /** Posts every due entry; concurrent calls coalesce into one more pass. */
  function runOnce(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const entries = await store.outbox.takeDue(Date.now(), lockMs);
        for (const entry of entries) await deliver(entry);
        if (entries.length > 0) again = true;
      } while (again);
    })()
      .catch((error: unknown) =>
        logger.error('outbox: pass failed', {
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  return { runOnce, idle: () => running ?? Promise.resolve() };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
