/**
 * Reply jobs: create one from an agent's draft (machine translation through the shared translate
 * flow; a machine reply goes straight to the outbox, a reviewed one into the queue with a due time
 * from the tenant's SLA and the ticket priority), check a translator's edit with QA, and approve
 * it (QA, approval and outbox entry in one transaction, the edit into the translation memory). A
 * reviewed job keeps the personal-data masking its draft was prepared with until the translator's
 * edit is restored.
 */
import { prepareHtml, prepareText } from '@parley/shared/pipeline/index';
import type { PreparedDocument, QaIssue } from '@parley/shared/pipeline/index';
import { maxTargetLength, type ReplyRequest } from '@parley/shared/api/schemas';
import { withoutMarks } from '@parley/shared/pipeline/unknown-words';
import { ApiError } from '../errors.js';
import type { TranslatedSegment, TranslationService } from '../translation/translation.js';
import type { Store } from '../store/index.js';
import type { JobSegment, Priority, ReplyJob } from '../store/reply-jobs.js';
import { allows } from '../store/reply-job-states.js';
import { maskedContext } from './context.js';
import { editDistance, visibleText } from './edit-distance.js';
import { checkSubmission } from './qa.js';

/** Share of the tenant's SLA a ticket of each priority gets. */
const PRIORITY_FACTOR: Record<Priority, number> = { urgent: 0.25, high: 0.5, normal: 1, low: 2 };

export class QaFailed extends ApiError {
  constructor(readonly qa: QaIssue[]) {
    super(
      'qa_failed',
      `The translation has ${qa.length} problem(s) to fix or dismiss before it can be approved.`,
    );
  }
}

export interface ReplyServiceOptions {
  store: Store;
  translation: TranslationService;
  /** Called when an outbox entry was written, so the worker posts without waiting for its tick. */
  onOutbox?: () => void;
}

type DraftFields = 'draft' | 'format' | 'source' | 'terms' | 'masking';

/**
 * The job's draft prepared again as the translate flow prepared it when the job was queued (marks
 * removed, same terms and masking), to restore the translator's edit into; `showValues` for a
 * tenant whose translators may see the values.
 */
export function prepareDraft(
  job: Pick<ReplyJob, DraftFields>,
  showValues = false,
): PreparedDocument {
  return (job.format === 'html' ? prepareHtml : prepareText)(withoutMarks(job.draft), {
    sourceLanguage: job.source,
    terms: job.terms,
    ...(job.masking
      ? {
          personalData: {
            kinds: new Set(job.masking.kinds),
            known: job.masking.known,
            showValues,
          },
        }
      : {}),
  });
}

/** A translated sentence as the translators' workspace shows it. */
function toJobSegment(segment: TranslatedSegment): JobSegment {
  const human = segment.origin === 'memory-human';
  return {
    source: segment.masked,
    target: segment.target,
    origin: human ? 'memory' : 'machine',
    ...(human ? { match: 100 } : {}),
    ...(segment.unknown.length ? { unknown: [...segment.unknown] } : {}),
    translatable: segment.translatable,
    placeholders: [...segment.placeholders],
  };
}

export function createReplyService({ store, translation, onOutbox }: ReplyServiceOptions) {
  async function create(
    tenantId: string,
    body: ReplyRequest,
    idempotencyKey: string | null,
  ): Promise<{ job: ReplyJob; created: boolean }> {
    if (idempotencyKey) {
      const existing = await store.replyJobs.byKey(tenantId, idempotencyKey);
      if (existing) return { job: existing, created: false };
    }
    const outcome = await translation.translate({
      tenantId,
      inputs: [{ format: body.format, content: body.draft }],
      source: body.source ?? 'auto',
      target: body.target,
      ...(body.hints?.pii ? { known: body.hints.pii } : {}),
    });
    const priority = body.priority ?? 'normal';
    const base = {
      draft: body.draft,
      format: body.format,
      source: outcome.source,
      target: outcome.target,
      terms: outcome.terms,
      // Only a reviewed reply is prepared again, when its edit is restored.
      masking:
        body.mode === 'review'
          ? { kinds: [...outcome.masking.kinds], known: [...(outcome.masking.known ?? [])] }
          : null,
    };
    const now = Date.now();
    let dueAt: number | null = null;
    let segments: JobSegment[] = [];
    if (body.mode === 'review') {
      const settings = await store.replySettings.get(tenantId);
      dueAt = now + Math.round(settings.slaMinutes * 60_000 * PRIORITY_FACTOR[priority]);
      segments = outcome.documents[0]?.segments.map(toJobSegment) ?? [];
    }
    const result = await store.db.transaction(async (tx) => {
      const inserted = await store.replyJobs.insert(tx, {
        ...base,
        tenantId,
        idempotencyKey,
        helpdesk: body.helpdesk,
        ticketId: body.ticketId,
        authorId: body.authorId ?? null,
        mode: body.mode,
        priority,
        segments,
        machine: outcome.documents[0]?.output ?? '',
        engine: outcome.engine,
        status: body.mode === 'machine' ? 'approved' : 'queued',
        dueAt,
        redactions: outcome.redactions,
      });
      if (inserted.created && body.mode === 'machine')
        await store.outbox.enqueue(tx, inserted.job.id, tenantId, now);
      const context =
        body.mode === 'review' && body.context && maskedContext(body.context, base.masking);
      if (inserted.created && context) await store.replyContexts.save(tx, inserted.job.id, context);
      return inserted;
    });
    if (result.created && body.mode === 'machine') onOutbox?.();
    return result;
  }

  /**
   * The translator's edit of a job they hold, checked: the edited targets, the reply they make,
   * and what QA refuses it for — every finding when any is an error or a warning the translator
   * did not dismiss, none otherwise. Throws `lease_expired` when the lease is gone, and
   * `invalid_request` or `text_too_long` for an edit that cannot be checked.
   */
  function checkEdit(
    translatorId: string,
    job: ReplyJob,
    edits: readonly { index: number; target: string }[],
    dismissed: readonly string[],
    now: number,
  ): { targets: string[]; output: string; refusal: QaIssue[] } {
    if (!allows('approve', job, { now, translatorId }))
      throw new ApiError('lease_expired', 'Your claim on this reply has expired; claim it again.');
    const targets = job.segments.map((segment) => segment.target);
    for (const edit of edits) {
      const source = job.segments[edit.index]?.source;
      if (source === undefined)
        throw new ApiError('invalid_request', `There is no segment ${edit.index} in this reply.`);
      if (edit.target.length > maxTargetLength(source))
        throw new ApiError(
          'text_too_long',
          `Segment ${edit.index} is ${edit.target.length} characters long; its source allows at most ${maxTargetLength(source)}.`,
        );
      targets[edit.index] = edit.target;
    }
    const document = prepareDraft(job);
    if (document.segments.length !== job.segments.length)
      throw new Error(`job ${job.id}: the draft no longer segments as it did when queued`);
    const { output, issues } = checkSubmission(
      job.draft,
      document,
      job.segments,
      targets,
      job.terms,
    );
    const blocks = issues.some(
      (issue) => issue.severity === 'error' || !dismissed.includes(issue.code),
    );
    return { targets, output, refusal: blocks ? issues : [] };
  }

  /**
   * What QA would refuse approving the translator's edit for (nothing: approval would pass QA),
   * so that the workspace can ask before approving. Throws as `approve` does.
   */
  const check = (
    translatorId: string,
    job: ReplyJob,
    edits: readonly { index: number; target: string }[],
    dismissed: readonly string[],
  ): QaIssue[] => checkEdit(translatorId, job, edits, dismissed, Date.now()).refusal;

  /**
   * Approves the translator's edit of a job they hold. Throws `lease_expired` when the lease is
   * gone, `QaFailed` when QA finds errors or warnings the translator did not dismiss.
   */
  async function approve(
    translatorId: string,
    job: ReplyJob,
    edits: readonly { index: number; target: string }[],
    dismissed: readonly string[],
  ): Promise<void> {
    const now = Date.now();
    const { targets, output, refusal } = checkEdit(translatorId, job, edits, dismissed, now);
    if (refusal.length > 0) throw new QaFailed(refusal);

    const machineText = visibleText(job.machine, job.format);
    const distance = editDistance(machineText, visibleText(output, job.format));
    const approved = await store.db.transaction(async (tx) => {
      const changed = await store.replyJobs.approve(
        tx,
        job.id,
        {
          approved: output,
          editorId: translatorId,
          editDistance: distance,
          editRatio: distance === null ? null : distance / Math.max(1, machineText.length),
        },
        now,
      );
      if (changed) await store.outbox.enqueue(tx, job.id, job.tenantId, now);
      return changed;
    });
    if (!approved)
      throw new ApiError('lease_expired', 'Your claim on this reply has expired; claim it again.');
    onOutbox?.();
    await store.memory.save(
      job.tenantId,
      job.source,
      job.target,
      job.segments.flatMap((segment, index) =>
        segment.translatable
          ? [
              {
                source: segment.source,
                target: targets[index] ?? segment.target,
                origin: 'human' as const,
                engine: null,
              },
            ]
          : [],
      ),
    );
  }

  return { create, check, approve };
}

export type ReplyService = ReturnType<typeof createReplyService>;
