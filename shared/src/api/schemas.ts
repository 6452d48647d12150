/**
 * The proxy's HTTP contract as JSON Schemas (TypeBox): validated by the proxy at its boundary,
 * published in its OpenAPI document, and typed for the apps and the proxy client.
 */
import Type, { type Static } from 'typebox';

/** Documented limits; the proxy's configuration may lower or raise the character limit. */
export const LIMITS = {
  /** Characters of text or HTML in one request, all segments together. */
  maxCharacters: 20_000,
  maxSegments: 500,
  /** Request body size in bytes (JSON overhead included). */
  maxBodyBytes: 1_048_576,
} as const;

const LanguageCode = Type.String({
  minLength: 2,
  maxLength: 35,
  description: 'BCP 47 language tag, e.g. `en`, `es`, `pt-BR`, `zh-Hans`',
});

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'Stable machine-readable code' }),
    message: Type.String({ description: 'What went wrong and what to do about it' }),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;

export const Detection = Type.Object({
  language: Type.String({ description: 'BCP 47 base language, or `und` when unknown' }),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  reliable: Type.Boolean(),
  alternatives: Type.Array(Type.Object({ language: Type.String(), confidence: Type.Number() })),
});
export type Detection = Static<typeof Detection>;

export const DetectRequest = Type.Object(
  {
    text: Type.String(),
    hints: Type.Optional(
      Type.Object(
        {
          locale: Type.Optional(LanguageCode),
          languages: Type.Optional(Type.Array(LanguageCode, { maxItems: 100 })),
          previous: Type.Optional(Type.Array(LanguageCode, { maxItems: 20 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type DetectRequest = Static<typeof DetectRequest>;

export const Formality = Type.Union([
  Type.Literal('default'),
  Type.Literal('more'),
  Type.Literal('less'),
]);

export const GlossaryTerm = Type.Object(
  {
    source: Type.String({ minLength: 1, maxLength: 200 }),
    target: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    caseSensitive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const SegmentIn = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 200 }),
    text: Type.Optional(Type.String()),
    html: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const TranslateRequest = Type.Object(
  {
    text: Type.Optional(Type.String()),
    html: Type.Optional(Type.String()),
    segments: Type.Optional(Type.Array(SegmentIn, { minItems: 1 })),
    source: Type.Optional(
      Type.String({ minLength: 2, maxLength: 35, description: '`auto` (default) or a BCP 47 tag' }),
    ),
    target: LanguageCode,
    formality: Type.Optional(Formality),
    glossary: Type.Optional(Type.Array(GlossaryTerm, { maxItems: 200 })),
  },
  { additionalProperties: false },
);
export type TranslateRequest = Static<typeof TranslateRequest>;

export const QaIssue = Type.Object({
  code: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  message: Type.String(),
  segment: Type.Optional(Type.String({ description: 'Id of the request segment it concerns' })),
  detail: Type.Optional(Type.String({ description: 'The span, tag or number concerned' })),
});

const SegmentOut = Type.Object({
  id: Type.String(),
  text: Type.Optional(Type.String()),
  html: Type.Optional(Type.String()),
});

export const TranslateResponse = Type.Object({
  translation: Type.Optional(Type.String()),
  html: Type.Optional(Type.String()),
  segments: Type.Optional(Type.Array(SegmentOut)),
  source: Type.String(),
  target: Type.String(),
  engine: Type.String({
    description: 'Engine that translated; `memory` when every segment was cached',
  }),
  via: Type.Optional(Type.String({ description: 'Bridge language when the pair was pivoted' })),
  cached: Type.Boolean({ description: 'Every segment came from the translation memory' }),
  qa: Type.Array(QaIssue),
  detection: Type.Optional(Detection),
});
export type TranslateResponse = Static<typeof TranslateResponse>;

export const LanguagePair = Type.Object({
  source: Type.String(),
  target: Type.String(),
  engines: Type.Array(Type.String()),
  via: Type.Optional(Type.String()),
});
export const LanguagesResponse = Type.Object({ pairs: Type.Array(LanguagePair) });
export type LanguagesResponse = Static<typeof LanguagesResponse>;

export const HealthResponse = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  engines: Type.Array(
    Type.Object({
      id: Type.String(),
      healthy: Type.Boolean(),
      pairs: Type.Integer({ description: 'Pairs the engine serves directly' }),
    }),
  ),
});
export type HealthResponse = Static<typeof HealthResponse>;

export const UsageQuery = Type.Object(
  {
    from: Type.Optional(
      Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'First UTC day, YYYY-MM-DD' }),
    ),
  },
  { additionalProperties: false },
);
export const UsageResponse = Type.Object({
  usage: Type.Array(
    Type.Object({
      engine: Type.String(),
      day: Type.String(),
      characters: Type.Integer({ description: 'Characters billed by the engine' }),
      requests: Type.Integer(),
    }),
  ),
});
export type UsageResponse = Static<typeof UsageResponse>;

export const EnginesResponse = Type.Object({
  engines: Type.Array(
    Type.Object({
      id: Type.String(),
      pairs: Type.Integer(),
      healthy: Type.Boolean(),
      breaker: Type.Union([
        Type.Literal('closed'),
        Type.Literal('open'),
        Type.Literal('half_open'),
      ]),
    }),
  ),
});
export type EnginesResponse = Static<typeof EnginesResponse>;
