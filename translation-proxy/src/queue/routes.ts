/**
 * The translators' side of the post-edit queue under `/v1/queue` (session cookie + CSRF), as
 * described route by route in /openapi.json: login, the queue of the tenants and pairs a translator
 * is assigned to, claim with a lease, renew, release, reject, save a draft while holding the
 * lease, check an edit with QA, submit with QA, and follow a job's status after approval.
 */
import rateLimit from '@fastify/rate-limit';
import type {
  FastifyPluginAsyncTypebox,
  TypeBoxTypeProvider,
} from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  maxTargetLength,
  NoContent,
  QueueClaimed,
  QueueDraft,
  QueueDraftSaved,
  QueueJobStatus,
  QueueLease,
  QueueList,
  QueueListQuery,
  QueueLoginRequest,
  QueueQaFailed,
  QueueQaReport,
  QueueReject,
  QueueSession,
  QueueSessionState,
  QueueSubmit,
  QueueSubmitted,
  ReplyParams,
} from '@parley/shared/api/schemas';
import { normalizeLanguageTag } from '@parley/shared/languages';
import { htmlToText } from '@parley/shared/pipeline/html-text';
import type { QaIssue } from '@parley/shared/pipeline/index';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import { maskForTranslators } from '../replies/context.js';
import { prepareDraft, QaFailed, type ReplyService } from '../replies/service.js';
import type { Store } from '../store/index.js';
import { effectiveStatus, type ReplyJob } from '../store/reply-jobs.js';
import { allows } from '../store/reply-job-states.js';
import { DRAFT_START, type QueueEntry } from '../store/reply-queue.js';
import {
  dummyHash,
  needsRehash,
  hashPassword,
  SCRYPT_COST,
  verifyPassword,
  type ScryptCost,
} from './passwords.js';
import memoryRoutes from './memory-routes.js';
import { currentSession, endSession, signedInTranslator, startSession } from './session.js';
import { visibleJob as findVisibleJob } from './visible-job.js';

const iso = (ms: number): string => new Date(ms).toISOString();

/** A QA finding as the API shows it. */
const qaView = (issues: readonly QaIssue[]) =>
  issues.map((issue) => ({
    code: issue.code,
    severity: issue.severity,
    message: issue.message,
    ...(issue.segment === undefined ? {} : { segment: issue.segment }),
    ...(issue.detail === undefined ? {} : { detail: issue.detail }),
  }));

const TRAILING_WORD = /\S*$/u;

/**
 * The first 120 characters of the draft as plain text, personal values as tokens unless the
 * tenant lets translators see them. A draft cut short loses its last word, which may be the start
 * of a value too short to recognise.
 */
function preview(entry: QueueEntry, showValues: boolean): string {
  const { format, draftStart, masking } = entry;
  const cut = draftStart.length >= DRAFT_START ? draftStart.replace(TRAILING_WORD, '') : draftStart;
  const text = format === 'html' ? htmlToText(cut) : cut;
  const shown = showValues ? text : maskForTranslators(text, masking);
  return [...shown.replace(/\s+/g, ' ').trim()].slice(0, 120).join('');
}

/** Glossary terms of a segment, to highlight: masked as term placeholders, or kept as text. */
function termsIn(job: ReplyJob, index: number): { source: string; target?: string }[] {
  const segment = job.segments[index];
  if (!segment) return [];
  const masked = new Set(
    segment.placeholders
      .filter((placeholder) => placeholder.kind === 'term' || placeholder.kind === 'span')
      .map((placeholder) => placeholder.display.toLowerCase()),
  );
  const text = segment.source.toLowerCase();
  return job.terms
    .filter(
      (term) => masked.has(term.source.toLowerCase()) || text.includes(term.source.toLowerCase()),
    )
    .map((term) => ({ source: term.source, ...(term.target ? { target: term.target } : {}) }));
}

const LOGIN_ATTEMPTS_PER_MINUTE = 10;
/** Failed sign-ins into one account, from any number of addresses, before it is held back. */
const FAILED_LOGINS_PER_ACCOUNT = 10;
const ACCOUNT_WINDOW_MS = 15 * 60_000;

export interface QueueRouteOptions {
  store: Store;
  replies: ReplyService;
  leaseMs: number;
  /** scrypt cost of new and rehashed passwords; the guidance unless a test lowers it. */
  passwordCost?: ScryptCost;
}

const routes: FastifyPluginAsyncTypebox<QueueRouteOptions> = async (
  app,
  { store, replies, leaseMs, passwordCost = SCRYPT_COST },
) => {
  async function translatorView(translatorId: string) {
    const translator = await store.translators.get(translatorId);
    if (!translator)
      throw new ApiError('unauthorized', 'This translator account no longer exists.');
    const { tenants, pairs } = await store.translators.assignments(translator.id);
    return { id: translator.id, name: translator.name, email: translator.email, pairs, tenants };
  }

  const sessionView = async (session: { translatorId: string; csrfToken: string }) => ({
    translator: await translatorView(session.translatorId),
    csrfToken: session.csrfToken,
  });

  const visibleJob = (request: FastifyRequest, translatorId: string, id: string) =>
    findVisibleJob(store, request, translatorId, id);

  /**
   * The job's segments as stored (personal values as typed tokens); for a tenant that lets
   * translators see values, with the placeholders read from the draft again.
   */
  async function segmentsFor(job: ReplyJob) {
    const policy = await store.personalData.get(job.tenantId);
    if (!policy.translatorsSeeValues || !job.masking)
      return {
        // A link's address may hold a value too (mailto:, tel:, ?email=): masked like the text.
        segments: job.segments.map((segment) => ({
          ...segment,
          placeholders: segment.placeholders.map((placeholder) =>
            placeholder.target === undefined
              ? placeholder
              : { ...placeholder, target: maskForTranslators(placeholder.target, job.masking) },
          ),
        })),
        valuesShown: false,
      };
    const document = prepareDraft(job, true);
    return {
      segments: job.segments.map((segment, index) => ({
        ...segment,
        placeholders: [...(document.segments[index]?.placeholders ?? segment.placeholders)],
      })),
      valuesShown: true,
    };
  }

  async function detail(job: ReplyJob, translatorId: string) {
    const tenant = await store.tenants.get(job.tenantId);
    const { segments, valuesShown } = await segmentsFor(job);
    const context = await store.replyContexts.get(job.id);
    const draft = await store.jobDrafts.get(job.id, translatorId);
    return {
      id: job.id,
      tenant: { id: job.tenantId, name: tenant?.name ?? job.tenantId },
      source: job.source,
      target: job.target,
      dueAt: iso(job.dueAt ?? job.createdAt),
      leaseExpiresAt: iso(job.leaseExpiresAt ?? Date.now()),
      format: job.format,
      engine: job.engine,
      ticket: { id: job.ticketId, ...context },
      personalValuesShown: valuesShown,
      ...(draft ? { draft: { segments: draft.segments, savedAt: iso(draft.updatedAt) } } : {}),
      segments: segments.map((segment, index) => ({
        index,
        source: segment.source,
        target: segment.target,
        origin: segment.origin,
        ...(segment.match === undefined ? {} : { match: segment.match }),
        translatable: segment.translatable,
        placeholders: segment.placeholders,
        terms: termsIn(job, index),
        ...(segment.unknown ? { unknown: segment.unknown } : {}),
      })),
    };
  }

  const tooMany = (ttlMs: number) =>
    new ApiError(
      'rate_limited',
      `Too many sign-in attempts; retry after ${Math.ceil(ttlMs / 1000)} s.`,
      Math.ceil(ttlMs / 1000),
    );
  // Guessing passwords: a few tries a minute per client address (the proxy's client when
  // PARLEY_TRUST_PROXY names it)…
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => tooMany(context.ttl),
  });
  // …and a few failures per account, so that many addresses cannot share out the guesses.
  const accountFailures = app.createRateLimit({
    max: FAILED_LOGINS_PER_ACCOUNT,
    timeWindow: ACCOUNT_WINDOW_MS,
    keyGenerator: (request) =>
      `account:${(request.body as { email: string }).email.trim().toLowerCase()}`,
  });

  app.post(
    '/v1/queue/login',
    {
      config: { rateLimit: { max: LOGIN_ATTEMPTS_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        summary: 'Sign a translator in: sets the session cookie, returns the CSRF token',
        description:
          'Sets the `parley_session` cookie (HttpOnly, SameSite=Strict, Secure except plain http between loopback addresses); every later POST sends the returned token in the `x-csrf-token` header. Wrong credentials: 401 `invalid_credentials`; a disabled account with the right password: 401 `unauthorized`. Rate limited per client IP (10 a minute; the client a `PARLEY_TRUST_PROXY` proxy reports) and per account (10 failures in 15 minutes): 429 `rate_limited` with `Retry-After`.',
        body: QueueLoginRequest,
        response: { 200: QueueSession, '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      const held = await accountFailures(request, { increment: false });
      if (!held.isAllowed && held.remaining === 0) throw tooMany(held.ttl);
      const translator = await store.translators.byEmail(request.body.email);
      const stored = translator?.passwordHash ?? (await dummyHash(passwordCost));
      const valid = await verifyPassword(request.body.password, stored);
      if (!translator || !valid) {
        await accountFailures(request);
        throw new ApiError('invalid_credentials', 'Wrong email or password.');
      }
      // Said only to whoever knows the password: an offboarded translator, not a guesser.
      if (translator.disabled)
        throw new ApiError('unauthorized', 'This translator account is disabled; ask your admin.');
      if (needsRehash(stored, passwordCost))
        await store.translators.rehashPassword(
          translator.id,
          stored,
          await hashPassword(request.body.password, passwordCost),
        );
      const csrfToken = await startSession(store, translator.id, request, reply);
      return { translator: await translatorView(translator.id), csrfToken };
    },
  );

  app.get(
    '/v1/queue/session',
    {
      schema: {
        summary:
          'Who is signed in: the translator, or `translator: null` without a valid session (never 401)',
        response: { 200: QueueSessionState },
      },
    },
    async (request) => {
      const session = await currentSession(store, request);
      return session ? sessionView(session) : { translator: null };
    },
  );

  // Every route below needs a signed-in translator (and the CSRF token on a change): one hook in
  // their own context checks it before any handler runs.
  await app.register(async (scope) => {
    const signedIn = scope.withTypeProvider<TypeBoxTypeProvider>();
    await signedIn.register(signedInTranslator, { store });

    signedIn.post(
      '/v1/queue/logout',
      { schema: { summary: 'Sign out', response: { 204: NoContent, '4xx': ErrorBody } } },
      async (request, reply) => {
        await endSession(store, request, reply);
        return reply.status(204).send(null);
      },
    );

    signedIn.get(
      '/v1/queue/me',
      {
        schema: {
          summary: 'The signed-in translator',
          description:
            '401 `unauthorized` without a valid session; the workspace asks `/v1/queue/session` on load instead.',
          response: { 200: QueueSession, '4xx': ErrorBody },
        },
      },
      async (request) => sessionView(request.translatorSession),
    );

    signedIn.get(
      '/v1/queue/jobs',
      {
        schema: {
          summary:
            'Jobs waiting for review in the translator’s tenants and pairs, earliest due first',
          querystring: QueueListQuery,
          response: { 200: QueueList, '4xx': ErrorBody },
        },
      },
      async (request) => {
        const { translatorId } = request.translatorSession;
        const source = request.query.source && normalizeLanguageTag(request.query.source);
        const target = request.query.target && normalizeLanguageTag(request.query.target);
        const now = Date.now();
        const seesValues = new Map<string, boolean>();
        const entries = await store.replyQueue.queueFor(translatorId, {
          ...(source ? { source } : {}),
          ...(target ? { target } : {}),
        });
        for (const { tenantId } of entries)
          if (!seesValues.has(tenantId))
            seesValues.set(tenantId, (await store.personalData.get(tenantId)).translatorsSeeValues);
        return {
          jobs: entries.map((job) => {
            const status: 'queued' | 'in_review' =
              effectiveStatus(job, now) === 'queued' ? 'queued' : 'in_review';
            return {
              id: job.id,
              tenant: { id: job.tenantId, name: job.tenantName },
              source: job.source,
              target: job.target,
              dueAt: iso(job.dueAt),
              priority: job.priority,
              status,
              claimedByMe: status === 'in_review' && job.claimedBy === translatorId,
              ...(status === 'in_review' && job.leaseExpiresAt
                ? { leaseExpiresAt: iso(job.leaseExpiresAt) }
                : {}),
              preview: preview(job, seesValues.get(job.tenantId) === true),
              flagged: job.flagged,
            };
          }),
        };
      },
    );

    signedIn.post(
      '/v1/queue/jobs/:id/claim',
      {
        schema: {
          summary: 'Claim a job for editing under a lease',
          description:
            'Taken by someone else: 409 `already_claimed`. Claiming a job the translator already holds renews the lease and returns the job again, so a reloaded editor can re-fetch it. Segments are masked: XML-escaped text with `<x id="N"/>` for each placeholder; the editor shows placeholders as tokens and sends targets back in the same form.',
          params: ReplyParams,
          response: { 200: QueueClaimed, '4xx': ErrorBody },
        },
      },
      async (request) => {
        const { translatorId } = request.translatorSession;
        const job = await visibleJob(request, translatorId, request.params.id);
        const now = Date.now();
        const claimed = allows('renew', job, { now, translatorId })
          ? await store.replyJobs.renew(job.id, translatorId, now, leaseMs)
          : await store.replyJobs.claim(job.id, translatorId, now, leaseMs);
        if (!claimed)
          throw new ApiError(
            'already_claimed',
            'Another translator is editing this reply, or it is no longer waiting for review.',
          );
        const fresh = await store.replyJobs.get(job.id);
        if (!fresh) throw new ApiError('not_found', 'The job disappeared.');
        return { job: await detail(fresh, translatorId) };
      },
    );

    signedIn.post(
      '/v1/queue/jobs/:id/renew',
      {
        schema: {
          summary: 'Extend the lease while editing',
          description:
            'The editor’s heartbeat. A lease that ran out, or a job no longer held: 409 `lease_expired`.',
          params: ReplyParams,
          response: { 200: QueueLease, '4xx': ErrorBody },
        },
      },
      async (request) => {
        const { translatorId } = request.translatorSession;
        const job = await visibleJob(request, translatorId, request.params.id);
        const now = Date.now();
        if (!(await store.replyJobs.renew(job.id, translatorId, now, leaseMs)))
          throw new ApiError(
            'lease_expired',
            'Your claim on this reply has expired; claim it again.',
          );
        return { leaseExpiresAt: iso(now + leaseMs) };
      },
    );

    signedIn.post(
      '/v1/queue/jobs/:id/release',
      {
        schema: {
          summary: 'Give the job back to the queue',
          description: 'A job no longer held: 409 `lease_expired`.',
          params: ReplyParams,
          response: { 204: NoContent, '4xx': ErrorBody },
        },
      },
      async (request, reply) => {
        const { translatorId } = request.translatorSession;
        const job = await visibleJob(request, translatorId, request.params.id);
        if (!(await store.replyJobs.release(job.id, translatorId, Date.now())))
          throw new ApiError('lease_expired', 'You no longer hold this reply.');
        // Given back: the next translator starts from the machine translation, not this edit.
        await store.jobDrafts.delete(job.id);
        return reply.status(204).send(null);
      },
    );

    signedIn.post(
      '/v1/queue/jobs/:id/reject',
      {
        schema: {
          summary: 'Reject the job with a reason the agent sees',
          description:
            "The job becomes `failed` with `error: {code: 'rejected', message: reason}`. A job no longer held: 409 `lease_expired`.",
          params: ReplyParams,
          body: QueueReject,
          response: { 204: NoContent, '4xx': ErrorBody },
        },
      },
      async (request, reply) => {
        const { translatorId } = request.translatorSession;
        const job = await visibleJob(request, translatorId, request.params.id);
        if (!(await store.replyJobs.reject(job.id, translatorId, request.body.reason, Date.now())))
          throw new ApiError('lease_expired', 'You no longer hold this reply.');
        return reply.status(204).send(null);
      },
    );

    signedIn.post(
      '/v1/queue/jobs/:id/check',
      {
        schema: {
          summary:
            'QA of an edit without approving it: what submit would refuse it for (empty: it would pass)',
          description:
            'Same body, session, CSRF and lease rules as submit; nothing is approved. The workspace checks before it submits; submit still enforces QA.',
          params: ReplyParams,
          body: QueueSubmit,
          response: { 200: QueueQaReport, '4xx': ErrorBody },
        },
      },
      async (request) => {
        const { translatorId } = request.translatorSession;
        const job = await visibleJob(request, translatorId, request.params.id);
        const { segments, dismissed = [] } = request.body;
        return { qa: qaView(replies.check(translatorId, job, segments, dismissed)) };
      },
    );

    await signedIn.register(memoryRoutes, { store });

    signedIn.post(
      '/v1/queue/jobs/:id/submit',
      {
        schema: {
          summary: 'Approve the edited translation; QA errors or undismissed warnings refuse it',
          description:
            '`segments` may list only the changed segments; the others keep their machine or memory target. An unknown `index`: 400 `invalid_request`; a target longer than 3 × its masked source + 200 characters: 413 `text_too_long`. QA errors (`placeholder_missing`, `placeholder_duplicated`, `placeholder_unknown`, `translation_empty`, and `term_missing` of a do-not-translate term) and warnings not listed in `dismissed` (`number_mismatch`, `tags_unbalanced`, `term_missing`) refuse it with 422 `qa_failed` and the findings. Approved, the reply goes to the outbox and is posted once.',
          params: ReplyParams,
          body: QueueSubmit,
          response: { 200: QueueSubmitted, 422: QueueQaFailed, '4xx': ErrorBody },
        },
      },
      async (request, reply) => {
        const { translatorId } = request.translatorSession;
        const job = await visibleJob(request, translatorId, request.params.id);
        try {
          await replies.approve(
            translatorId,
            job,
            request.body.segments,
            request.body.dismissed ?? [],
          );
        } catch (error) {
          if (!(error instanceof QaFailed)) throw error;
          return reply.status(422).send({
            error: { code: error.code, message: error.message },
            qa: qaView(error.qa),
          });
        }
        await store.jobDrafts.delete(job.id);
        return { status: 'approved' as const };
      },
    );

    signedIn.put(
      '/v1/queue/jobs/:id/draft',
      {
        schema: {
          summary:
            'Save the edit so far (the segments changed) while holding the job’s lease; a reload comes back to it',
          description:
            'Written only while the caller holds the lease (checked in the same statement): otherwise 409 `lease_expired`. An index not in the reply or given twice: 400 `invalid_request`; a target over 3 × its source + 200 characters: 413 `text_too_long`. Claiming the job returns the claimer’s own draft; release and an approving submit delete it.',
          params: ReplyParams,
          body: QueueDraft,
          response: { 200: QueueDraftSaved, '4xx': ErrorBody },
        },
      },
      async (request) => {
        const { translatorId } = request.translatorSession;
        const job = await visibleJob(request, translatorId, request.params.id);
        const seen = new Set<number>();
        for (const { index, target } of request.body.segments) {
          const source = job.segments[index]?.source;
          if (source === undefined || seen.has(index))
            throw new ApiError(
              'invalid_request',
              `Segment ${index} is not in this reply, or appears twice in the draft.`,
            );
          seen.add(index);
          if (target.length > maxTargetLength(source))
            throw new ApiError(
              'text_too_long',
              `Segment ${index} is ${target.length} characters long; its source allows at most ${maxTargetLength(source)}.`,
            );
        }
        const now = Date.now();
        if (!(await store.jobDrafts.save(job.id, translatorId, request.body.segments, now)))
          throw new ApiError(
            'lease_expired',
            'Your claim on this reply has expired; claim it again to keep editing.',
          );
        return { savedAt: iso(now) };
      },
    );

    signedIn.get(
      '/v1/queue/jobs/:id',
      {
        schema: {
          summary:
            'Where a job stands (queued … posted, failed with the reason): the workspace follows an approved reply until it is posted',
          params: ReplyParams,
          response: { 200: QueueJobStatus, '4xx': ErrorBody },
        },
      },
      async (request) => {
        const { translatorId } = request.translatorSession;
        const job = await visibleJob(request, translatorId, request.params.id);
        return {
          id: job.id,
          status: effectiveStatus(job),
          ...(job.error ? { error: job.error } : {}),
        };
      },
    );
  });
};

export default routes;
