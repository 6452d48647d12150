/**
 * The reply job's state machine, in one place: the conditions a job can be in (each written once
 * as SQL for the conditional UPDATE and once as a predicate for code, side by side, and tested to
 * agree) and the transitions, each naming the condition it requires and the status it leads to.
 * The repository (`reply-jobs.ts`) runs a transition as one `UPDATE … WHERE <condition>`, so of
 * two callers racing for the same job (two translators, a translator and the SLA check, two
 * proxies) only one changes it.
 */
import type { SqlValue } from './database.js';
import type { ReplyJob, ReplyStatus } from './reply-job-rows.js';

/** What a condition is judged against: the time, and the translator acting, if any. */
export interface TransitionContext {
  now: number;
  translatorId?: string;
}

type JobState = Pick<
  ReplyJob,
  'status' | 'leaseExpiresAt' | 'claimedBy' | 'flagged' | 'postedCommentId'
>;

export interface Condition {
  /** A WHERE fragment over `reply_jobs` with `?` placeholders… */
  sql: string;
  /** …their values… */
  params(context: TransitionContext): SqlValue[];
  /** …and the same rule for a job already read. */
  holds(job: JobState, context: TransitionContext): boolean;
}

// A lease with no end (never written by a claim) counts as run out, in SQL as in code.
const leaseEnded = (job: Pick<ReplyJob, 'leaseExpiresAt'>, now: number) =>
  (job.leaseExpiresAt ?? 0) <= now;

/** In review under a lease that has run out: back to the queue. */
const leaseRunOut: Condition = {
  sql: `(status = 'in_review' AND COALESCE(lease_expires_at, 0) <= ?)`,
  params: ({ now }) => [now],
  holds: (job, { now }) => job.status === 'in_review' && leaseEnded(job, now),
};

/** Waiting for a translator: queued, or in review under a lease that has run out. */
const claimable: Condition = {
  sql: `(status = 'queued' OR ${leaseRunOut.sql})`,
  params: leaseRunOut.params,
  holds: (job, context) => job.status === 'queued' || leaseRunOut.holds(job, context),
};

/** Waiting for or under review, whatever the lease: what the translators' queue lists. */
const waiting: Condition = {
  sql: `status IN ('queued', 'in_review')`,
  params: () => [],
  holds: (job) => job.status === 'queued' || job.status === 'in_review',
};

export const CONDITIONS = {
  claimable,
  /** In review by the acting translator, under a lease still running. */
  held: {
    sql: `(status = 'in_review' AND claimed_by = ? AND COALESCE(lease_expires_at, 0) > ?)`,
    params: ({ now, translatorId }) => [translatorId ?? null, now],
    holds: (job, { now, translatorId }) =>
      job.status === 'in_review' &&
      translatorId !== undefined &&
      job.claimedBy === translatorId &&
      !leaseEnded(job, now),
  },
  leaseRunOut,
  /** Claimable and nobody told yet: what the SLA may still post as machine text. */
  claimableUnflagged: {
    sql: `(flagged = 0 AND ${claimable.sql})`,
    params: claimable.params,
    holds: (job, context) => !job.flagged && claimable.holds(job, context),
  },
  waiting,
  /** Waiting and not flagged yet: what the SLA may flag. */
  waitingUnflagged: {
    sql: `(flagged = 0 AND ${waiting.sql})`,
    params: waiting.params,
    holds: (job, context) => !job.flagged && waiting.holds(job, context),
  },
  /** Approved and not yet taken by the outbox. */
  approved: {
    sql: `status = 'approved'`,
    params: () => [],
    holds: (job) => job.status === 'approved',
  },
  /** On its way to the helpdesk and not posted yet: the only jobs the outbox may finish. */
  onItsWayOut: {
    sql: `(status IN ('approved', 'posting', 'fallback') AND posted_comment_id IS NULL)`,
    params: () => [],
    holds: (job) =>
      (job.status === 'approved' || job.status === 'posting' || job.status === 'fallback') &&
      job.postedCommentId === null,
  },
} satisfies Record<string, Condition>;

export type ConditionName = keyof typeof CONDITIONS;

export interface Transition {
  from: ConditionName;
  /** The status it leads to; `null` leaves the status as it is (renew, flag). */
  to: ReplyStatus | null;
  /** Statuses the transition leaves as they are even when it applies (a fallback stays one). */
  keeps?: readonly ReplyStatus[];
  /** The audit event it records (job_events.kind), if any. */
  event: string | null;
}

export const TRANSITIONS = {
  claim: { from: 'claimable', to: 'in_review', event: 'claimed' },
  renew: { from: 'held', to: null, event: null },
  release: { from: 'held', to: 'queued', event: 'released' },
  reject: { from: 'held', to: 'failed', event: 'rejected' },
  approve: { from: 'held', to: 'approved', event: 'approved' },
  expireLease: { from: 'leaseRunOut', to: 'queued', event: 'lease_expired' },
  fallBack: { from: 'claimableUnflagged', to: 'fallback', event: 'sla_fallback' },
  flag: { from: 'waitingUnflagged', to: null, event: 'sla_flagged' },
  markPosting: { from: 'approved', to: 'posting', event: null },
  // Posted: a fallback stays one, so the agent still sees the reply was not reviewed.
  markPosted: { from: 'onItsWayOut', to: 'posted', keeps: ['fallback'], event: 'posted' },
  markFailed: { from: 'onItsWayOut', to: 'failed', event: 'failed' },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;

/** Whether `transition` may run on `job` now. */
export const allows = (
  transition: TransitionName,
  job: JobState,
  context: TransitionContext,
): boolean => CONDITIONS[TRANSITIONS[transition].from].holds(job, context);

/** A job in review whose lease has run out is back in the queue, whatever its row says. */
export const effectiveStatus = (
  job: Pick<ReplyJob, 'status' | 'leaseExpiresAt'>,
  now = Date.now(),
): ReplyStatus => (job.status === 'in_review' && leaseEnded(job, now) ? 'queued' : job.status);
