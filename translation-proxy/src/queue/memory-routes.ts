/**
 * The translation memory as a translator working on a job sees it, under the same session and
 * lease as editing the job: fuzzy matches for every segment, looked up when the job is opened (so
 * that an approval earlier in the day helps), and concordance search in the tenant's memory and
 * glossary for the job's language pair. Registered by the queue's routes behind its session hook.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CONCORDANCE_LIMITS } from '@parley/shared/api/concordance-limits';
import {
  ConcordanceQuery,
  ConcordanceResults,
  QueueMatches,
} from '@parley/shared/api/memory-schemas';
import { ErrorBody, ReplyParams } from '@parley/shared/api/schemas';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import type { Store } from '../store/index.js';
import { MATCHES_PER_SEGMENT } from '../store/memory-index.js';
import { allows } from '../store/reply-job-states.js';
import { visibleJob } from './visible-job.js';

const memoryRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  /** The job the signed-in translator holds under an unexpired lease. */
  async function heldJob(request: FastifyRequest, id: string) {
    const { translatorId } = request.translatorSession;
    const job = await visibleJob(store, request, translatorId, id);
    if (!allows('renew', job, { now: Date.now(), translatorId }))
      throw new ApiError('lease_expired', 'Your claim on this reply has expired; claim it again.');
    return job;
  }

  app.get(
    '/v1/queue/jobs/:id/matches',
    {
      schema: {
        summary:
          'Fuzzy translation-memory matches for every translatable segment of a job you hold (up to 3 each, ≥ 70 %)',
        description:
          'Looked up at every call, so an approval made since the job was queued counts. Placeholders and numbers are normalised before scoring (edit distance over the longer text); 100 is kept for an identical segment; human matches rank above machine ones at the same score; a match whose target is already the segment’s is left out. 401 `unauthorized`, 404 `not_found` (not assigned to the tenant and pair), 409 `lease_expired` (job not held).',
        params: ReplyParams,
        response: { 200: QueueMatches, '4xx': ErrorBody },
      },
    },
    async (request) => {
      const job = await heldJob(request, request.params.id);
      const translatable = job.segments
        .map((segment, index) => ({ segment, index }))
        .filter(({ segment }) => segment.translatable);
      // One more than shown: the segment's own machine translation, stored when the job was
      // queued, is already its target and no suggestion.
      const matches = await store.memoryIndex.fuzzy(
        job.tenantId,
        job.source,
        job.target,
        translatable.map(({ segment }) => segment.source),
        MATCHES_PER_SEGMENT + 1,
      );
      return {
        segments: translatable.map(({ segment, index }) => ({
          index,
          matches: (matches.get(segment.source) ?? [])
            .filter((match) => match.target !== segment.target)
            .slice(0, MATCHES_PER_SEGMENT),
        })),
      };
    },
  );

  app.get(
    '/v1/queue/jobs/:id/concordance',
    {
      schema: {
        summary:
          'A word or phrase searched in the sources and targets of the memory and glossary of a job you hold',
        description:
          'At most 20 memory units and 20 glossary terms, human work first; `%`, `_` and `\\` are taken literally. `q` of under 2 characters besides spaces, or over 200: 400 `invalid_request`; otherwise the same errors as `matches`.',
        params: ReplyParams,
        querystring: ConcordanceQuery,
        response: { 200: ConcordanceResults, '4xx': ErrorBody },
      },
    },
    async (request) => {
      const job = await heldJob(request, request.params.id);
      const phrase = request.query.q.trim().replace(/\s+/g, ' ');
      if ([...phrase].length < CONCORDANCE_LIMITS.minLength)
        throw new ApiError(
          'invalid_request',
          `Search for at least ${CONCORDANCE_LIMITS.minLength} characters besides spaces.`,
        );
      const lower = phrase.toLowerCase();
      const glossary = (await store.glossary.forPair(job.tenantId, job.source, job.target))
        .filter(
          (entry) =>
            entry.source.toLowerCase().includes(lower) ||
            (entry.target?.toLowerCase().includes(lower) ?? false),
        )
        .slice(0, CONCORDANCE_LIMITS.results)
        .map((entry) => ({
          source: entry.source,
          ...(entry.target === null ? {} : { target: entry.target }),
        }));
      const memory = await store.concordance.search(
        job.tenantId,
        job.source,
        job.target,
        phrase,
        CONCORDANCE_LIMITS.results,
      );
      return { memory, glossary };
    },
  );
};

export default memoryRoutes;
