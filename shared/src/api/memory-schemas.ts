/**
 * The translators' workspace's view of the translation memory (`/v1/queue/jobs/:id/matches` and
 * `/concordance`): fuzzy matches for a job's segments, and a word or phrase searched in the memory
 * and the glossary. Kept beside `schemas.ts`, served in the same OpenAPI document.
 */
import Type, { type Static } from 'typebox';
import { CONCORDANCE_LIMITS } from './concordance-limits.js';

const Masked = (description: string) =>
  Type.String({ description: `${description}: masked, XML-escaped text with <x id="N"/>` });
const MemoryOrigin = Type.Union([Type.Literal('human'), Type.Literal('machine')], {
  description: '`human`: approved by a translator; `machine`: an engine’s translation',
});

export const QueueMatch = Type.Object({
  source: Masked('The stored source segment'),
  target: Masked('Its stored translation'),
  score: Type.Integer({
    minimum: 70,
    maximum: 100,
    description:
      'Match %: edit distance with placeholders and numbers normalised; 100 only for the same source',
  }),
  origin: MemoryOrigin,
});
export type QueueMatch = Static<typeof QueueMatch>;

export const QueueMatches = Type.Object({
  segments: Type.Array(
    Type.Object({
      index: Type.Integer({ minimum: 0, description: 'The job segment’s index' }),
      matches: Type.Array(QueueMatch, {
        maxItems: 3,
        description: 'Best first; human before machine at the same score',
      }),
    }),
    { description: 'Every translatable segment of the job' },
  ),
});
export type QueueMatches = Static<typeof QueueMatches>;

export const ConcordanceQuery = Type.Object(
  {
    q: Type.String({
      minLength: CONCORDANCE_LIMITS.minLength,
      maxLength: CONCORDANCE_LIMITS.maxLength,
      description: 'A word or phrase, searched case-insensitively in sources and targets',
    }),
  },
  { additionalProperties: false },
);
export type ConcordanceQuery = Static<typeof ConcordanceQuery>;

export const ConcordanceResults = Type.Object({
  memory: Type.Array(
    Type.Object({
      source: Masked('A stored source segment'),
      target: Masked('Its stored translation'),
      origin: MemoryOrigin,
    }),
    { maxItems: CONCORDANCE_LIMITS.results, description: 'Human translations first' },
  ),
  glossary: Type.Array(
    Type.Object({ source: Type.String(), target: Type.Optional(Type.String()) }),
    { maxItems: CONCORDANCE_LIMITS.results },
  ),
});
export type ConcordanceResults = Static<typeof ConcordanceResults>;
