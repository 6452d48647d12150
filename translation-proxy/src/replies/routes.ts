/** `POST /v1/replies` and `GET /v1/replies/:id`: the agent's side of reply jobs (tenant key). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorBody,
  ReplyCreated,
  ReplyParams,
  ReplyRequest,
  ReplyView,
} from '@parley/shared/api/schemas';
import { ApiError } from '../errors.js';
import { identityToken, type IdentityVerifier } from '../identity/verifier.js';
import type { Store } from '../store/index.js';
import { effectiveStatus, type ReplyJob } from '../store/reply-jobs.js';
import type { ReplyService } from './service.js';

const iso = (ms: number): string => new Date(ms).toISOString();

async function view(store: Store, job: ReplyJob): Promise<ReplyView> {
  const status = effectiveStatus(job);
  // Who edited the reply; while it is in review, who holds the claim, so the agent knows.
  const editorId = job.editorId ?? (status === 'in_review' ? job.claimedBy : null);
  const editor = editorId ? await store.translators.get(editorId) : undefined;
  return {
    id: job.id,
    status,
    mode: job.mode,
    helpdesk: job.helpdesk,
    ticketId: job.ticketId,
    source: job.source,
    target: job.target,
    ...(job.dueAt === null ? {} : { dueAt: iso(job.dueAt) }),
    ...(editor ? { editor: { id: editor.id, name: editor.name } } : {}),
    ...(job.postedCommentId ? { postedCommentId: job.postedCommentId } : {}),
    ...(job.error ? { error: job.error } : {}),
    ...(job.mode === 'review' ? { flagged: job.flagged } : {}),
    machine: job.machine,
    ...(job.approved === null ? {} : { approved: job.approved }),
    ...(job.editDistance === null ? {} : { editDistance: job.editDistance }),
    redactions: job.redactions,
    updatedAt: iso(job.updatedAt),
  };
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

const routes: FastifyPluginAsyncTypebox<{
  store: Store;
  replies: ReplyService;
  identity: IdentityVerifier;
}> = async (app, { store, replies, identity }) => {
  app.post(
    '/v1/replies',
    {
      schema: {
        summary:
          'Translate a reply and post it now (machine) or queue it for a translator (review)',
        description:
          '`ticketId` and `authorId` are numeric helpdesk ids; the agent is verified (see the README’s “Agent identity”): 403 `agent_unverified`, 404 `ticket_not_found`, 503 `identity_check_unavailable`. An `Idempotency-Key` header (1–255 printable ASCII characters) makes a retry return the same job (200). A tenant without helpdesk credentials is not refused here: its job fails later with `helpdesk_not_configured`.',
        security: [{ bearer: [] }],
        body: ReplyRequest,
        response: { 200: ReplyCreated, 201: ReplyCreated, '4xx': ErrorBody, '5xx': ErrorBody },
      },
    },
    async (request, reply) => {
      const header = request.headers['idempotency-key'];
      const key = typeof header === 'string' ? header : null;
      if (key !== null && !IDEMPOTENCY_KEY.test(key))
        throw new ApiError(
          'invalid_request',
          'Idempotency-Key must be 1 to 255 printable ASCII characters.',
        );
      const { authorId: claimed, ...body } = request.body;
      // Posted as the verified agent: the request's own authorId counts only once checked.
      const authorId = await identity.agentFor(request.tenantId, {
        helpdesk: body.helpdesk,
        ticketId: body.ticketId,
        authorId: claimed,
        token: identityToken(request.headers),
      });
      const { job, created } = await replies.create(
        request.tenantId,
        authorId === null ? body : { ...body, authorId },
        key,
      );
      void reply.status(created ? 201 : 200);
      return {
        id: job.id,
        status: effectiveStatus(job),
        ...(job.dueAt === null ? {} : { dueAt: iso(job.dueAt) }),
        redactions: job.redactions,
      };
    },
  );

  app.get(
    '/v1/replies/:id',
    {
      schema: {
        summary: 'A reply job: status, editor, posted comment id, error',
        description:
          'A job `in_review` whose lease ran out reads `queued`. Failures carry `error.code`: `helpdesk_not_configured`, `helpdesk_rejected` (a 4xx from the helpdesk, its message included), `helpdesk_unavailable` (gave up after 10 attempts), `rejected` (a translator’s reason).',
        security: [{ bearer: [] }],
        params: ReplyParams,
        response: { 200: ReplyView, '4xx': ErrorBody },
      },
    },
    async (request) => {
      const job = await store.replyJobs.get(request.params.id, request.tenantId);
      if (!job) throw new ApiError('not_found', 'No reply job with this id for this tenant.');
      return view(store, job);
    },
  );
};

export default routes;
