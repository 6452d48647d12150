/**
 * The translators' side of the post-edit queue under `/v1/queue` (session cookie + CSRF), as
 * specified in queue/API.md: login, the queue of the tenants and pairs a translator
 * is assigned to, claim with a lease, renew, release, reject, check an edit with QA, submit
 * with QA.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  NoContent,
  QueueClaimed,
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
import { PERSONAL_DATA_KINDS } from '@parley/shared/pipeline/personal-data/index';
import { personalDataToken, replacePersonalData } from '@parley/shared/pipeline/personal-spans';
import type { QaIssue } from '@parley/shared/pipeline/index';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import { prepareDraft, QaFailed, type ReplyService } from '../replies/service.js';
import type { Store } from '../store/index.js';
import {
  DRAFT_START,
  effectiveStatus,
  type JobMasking,
  type QueueEntry,
  type ReplyJob,
} from '../store/reply-jobs.js';
import {
  dummyHash,
  needsRehash,
  hashPassword,
  SCRYPT_COST,
  verifyPassword,
  type ScryptCost,
} from './passwords.js';
import memoryRoutes from './memory-routes.js';
import { currentSession, endSession, requireSession, startSession } from './session.js';
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
  const text =
    format === 'html'
      ? cut
          .replace(/<[^<>]*>/g, ' ')
          .replace(/&nbsp;/g, ' ')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&')
      : cut;
  const shown = showValues ? text : maskedPreview(text, masking);
  return [...shown.replace(/\s+/g, ' ').trim()].slice(0, 120).join('');
}

/** Jobs queued before masking existed, or whose masking is gone, are masked in full. */
const maskedPreview = (text: string, masking: JobMasking | null): string =>
  replacePersonalData(
    text,
    {
      kinds: new Set(masking?.kinds ?? PERSONAL_DATA_KINDS),
      ...(masking ? { known: masking.known } : {}),
    },
    (kind, value) => `[${personalDataToken(kind, value)}]`,
  );

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
    if (!policy.translatorsSeeValues || !job.masking) return job.segments;
    const document = prepareDraft(job, true);
    return job.segments.map((segment, index) => ({
      ...segment,
      placeholders: [...(document.segments[index]?.placeholders ?? segment.placeholders)],
    }));
  }

  async function detail(job: ReplyJob) {
    const tenant = await store.tenants.get(job.tenantId);
    const segments = await segmentsFor(job);
    return {
      id: job.id,
      tenant: { id: job.tenantId, name: tenant?.name ?? job.tenantId },
      source: job.source,
      target: job.target,
      dueAt: iso(job.dueAt ?? job.createdAt),
      leaseExpiresAt: iso(job.leaseExpiresAt ?? Date.now()),
      format: job.format,
      engine: job.engine,
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

  app.post(
    '/v1/queue/logout',
    { schema: { summary: 'Sign out', response: { 204: NoContent, '4xx': ErrorBody } } },
    async (request, reply) => {
      await requireSession(store, request);
      await endSession(store, request, reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/v1/queue/me',
    {
      schema: {
        summary: 'The signed-in translator',
        response: { 200: QueueSession, '4xx': ErrorBody },
      },
    },
    async (request) => sessionView(await requireSession(store, request)),
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

  app.get(
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
      const { translatorId } = await requireSession(store, request);
      const source = request.query.source && normalizeLanguageTag(request.query.source);
      const target = request.query.target && normalizeLanguageTag(request.query.target);
      const now = Date.now();
      const seesValues = new Map<string, boolean>();
      const entries = await store.replyJobs.queueFor(translatorId, {
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

  app.post(
    '/v1/queue/jobs/:id/claim',
    {
      schema: {
        summary: 'Claim a job for editing under a lease',
        params: ReplyParams,
        response: { 200: QueueClaimed, '4xx': ErrorBody },
      },
    },
    async (request) => {
      const { translatorId } = await requireSession(store, request);
      const job = await visibleJob(request, translatorId, request.params.id);
      const now = Date.now();
      const mine =
        job.status === 'in_review' &&
        job.claimedBy === translatorId &&
        (job.leaseExpiresAt ?? 0) > now;
      const claimed = mine
        ? await store.replyJobs.renew(job.id, translatorId, now, leaseMs)
        : await store.replyJobs.claim(job.id, translatorId, now, leaseMs);
      if (!claimed)
        throw new ApiError(
          'already_claimed',
          'Another translator is editing this reply, or it is no longer waiting for review.',
        );
      const fresh = await store.replyJobs.get(job.id);
      if (!fresh) throw new ApiError('not_found', 'The job disappeared.');
      return { job: await detail(fresh) };
    },
  );

  app.post(
    '/v1/queue/jobs/:id/renew',
    {
      schema: {
        summary: 'Extend the lease while editing',
        params: ReplyParams,
        response: { 200: QueueLease, '4xx': ErrorBody },
      },
    },
    async (request) => {
      const { translatorId } = await requireSession(store, request);
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

  app.post(
    '/v1/queue/jobs/:id/release',
    {
      schema: {
        summary: 'Give the job back to the queue',
        params: ReplyParams,
        response: { 204: NoContent, '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      const { translatorId } = await requireSession(store, request);
      const job = await visibleJob(request, translatorId, request.params.id);
      if (!(await store.replyJobs.release(job.id, translatorId, Date.now())))
        throw new ApiError('lease_expired', 'You no longer hold this reply.');
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/v1/queue/jobs/:id/reject',
    {
      schema: {
        summary: 'Reject the job with a reason the agent sees',
        params: ReplyParams,
        body: QueueReject,
        response: { 204: NoContent, '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      const { translatorId } = await requireSession(store, request);
      const job = await visibleJob(request, translatorId, request.params.id);
      if (!(await store.replyJobs.reject(job.id, translatorId, request.body.reason, Date.now())))
        throw new ApiError('lease_expired', 'You no longer hold this reply.');
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/v1/queue/jobs/:id/check',
    {
      schema: {
        summary:
          'QA of an edit without approving it: what submit would refuse it for (empty: it would pass)',
        params: ReplyParams,
        body: QueueSubmit,
        response: { 200: QueueQaReport, '4xx': ErrorBody },
      },
    },
    async (request) => {
      const { translatorId } = await requireSession(store, request);
      const job = await visibleJob(request, translatorId, request.params.id);
      const { segments, dismissed = [] } = request.body;
      return { qa: qaView(replies.check(translatorId, job, segments, dismissed)) };
    },
  );

  await app.register(memoryRoutes, { store });

  app.post(
    '/v1/queue/jobs/:id/submit',
    {
      schema: {
        summary: 'Approve the edited translation; QA errors or undismissed warnings refuse it',
        params: ReplyParams,
        body: QueueSubmit,
        response: { 200: QueueSubmitted, 422: QueueQaFailed, '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      const { translatorId } = await requireSession(store, request);
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
      return { status: 'approved' as const };
    },
  );
};

export default routes;
