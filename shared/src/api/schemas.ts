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
  /** Terms a translate request may add to the tenant's glossary, and characters per term. */
  maxRequestTerms: 100,
  maxTermCharacters: 100,
} as const;

/**
 * The longest target a translator may submit for a source segment: translations grow (German
 * runs a third longer than English), but not without bound — a longer target is a mistake or
 * an attempt to load the proxy.
 */
export const maxTargetLength = (source: string): number => 3 * source.length + 200;

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

export const KnownPersonalValue = Type.Object(
  {
    kind: Type.Union([Type.Literal('name'), Type.Literal('email'), Type.Literal('phone')]),
    value: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type KnownPersonalValue = Static<typeof KnownPersonalValue>;
/** What the helpdesk knows of the ticket's people: masked wherever it occurs, never logged. */
const PersonalDataHints = Type.Array(KnownPersonalValue, {
  maxItems: 20,
  description: "The requester's and agent's names, e-mail addresses and phone numbers",
});

/** What was masked before the text reached an engine, by kind; never the values. */
export const Redactions = Type.Array(
  Type.Object({
    kind: Type.String({
      description: '`email`, `phone`, `card`, `iban`, `ip`, `national_id`, `name`',
    }),
    count: Type.Integer({ minimum: 1 }),
  }),
);
export type Redactions = Static<typeof Redactions>;

export const DetectRequest = Type.Object(
  {
    text: Type.String(),
    hints: Type.Optional(
      Type.Object(
        {
          locale: Type.Optional(LanguageCode),
          languages: Type.Optional(Type.Array(LanguageCode, { maxItems: 100 })),
          previous: Type.Optional(Type.Array(LanguageCode, { maxItems: 20 })),
          pii: Type.Optional(PersonalDataHints),
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
    source: Type.String({ minLength: 1, maxLength: LIMITS.maxTermCharacters }),
    target: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.maxTermCharacters })),
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
    segments: Type.Optional(Type.Array(SegmentIn, { minItems: 1, maxItems: LIMITS.maxSegments })),
    source: Type.Optional(
      Type.String({ minLength: 2, maxLength: 35, description: '`auto` (default) or a BCP 47 tag' }),
    ),
    target: LanguageCode,
    formality: Type.Optional(Formality),
    glossary: Type.Optional(Type.Array(GlossaryTerm, { maxItems: LIMITS.maxRequestTerms })),
    hints: Type.Optional(
      Type.Object({ pii: Type.Optional(PersonalDataHints) }, { additionalProperties: false }),
    ),
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

/**
 * Words of a translation that the engine did not know (Apertium marks them), left as they were
 * in the original, so a reader knows which words to check there. Offsets are UTF-16 code units
 * into the returned string — for HTML, into the HTML string, always inside one text node — with
 * `end` exclusive. Only freshly machine-translated segments carry them; the field is left out
 * when there are none.
 */
export const UnknownWords = Type.Array(
  Type.Object({ start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 1 }) }),
  { description: 'Words the engine did not know: [start, end) offsets into the output' },
);
export type UnknownWords = Static<typeof UnknownWords>;

const SegmentOut = Type.Object({
  id: Type.String(),
  text: Type.Optional(Type.String()),
  html: Type.Optional(Type.String()),
  unknown: Type.Optional(UnknownWords),
});

export const TranslateResponse = Type.Object({
  translation: Type.Optional(Type.String()),
  html: Type.Optional(Type.String()),
  /** For `translation` or `html`. */
  unknown: Type.Optional(UnknownWords),
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
  redactions: Redactions,
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

// ---- Reply jobs and the post-edit queue (the routes' descriptions in /openapi.json say the rules) ----

export const Helpdesk = Type.Union([Type.Literal('zendesk'), Type.Literal('freshdesk')]);
export const ReplyPriority = Type.Union([
  Type.Literal('low'),
  Type.Literal('normal'),
  Type.Literal('high'),
  Type.Literal('urgent'),
]);
export const ReplyStatus = Type.Union([
  Type.Literal('queued'),
  Type.Literal('in_review'),
  Type.Literal('approved'),
  Type.Literal('posting'),
  Type.Literal('posted'),
  Type.Literal('failed'),
  Type.Literal('fallback'),
]);

export const ReplyRequest = Type.Object(
  {
    helpdesk: Helpdesk,
    ticketId: Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9]+$' }),
    authorId: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9]+$' })),
    draft: Type.String({ minLength: 1 }),
    format: Type.Union([Type.Literal('html'), Type.Literal('text')]),
    source: Type.Optional(
      Type.String({ minLength: 2, maxLength: 35, description: '`auto` (default) or a BCP 47 tag' }),
    ),
    target: LanguageCode,
    mode: Type.Union([Type.Literal('machine'), Type.Literal('review')]),
    priority: Type.Optional(ReplyPriority),
    hints: Type.Optional(
      Type.Object({ pii: Type.Optional(PersonalDataHints) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
export type ReplyRequest = Static<typeof ReplyRequest>;

export const ReplyCreated = Type.Object({
  id: Type.String(),
  status: ReplyStatus,
  dueAt: Type.Optional(Type.String({ description: 'ISO 8601; reviewed replies only' })),
  redactions: Redactions,
});

const ApiErrorObject = Type.Object({ code: Type.String(), message: Type.String() });

export const ReplyView = Type.Object({
  id: Type.String(),
  status: ReplyStatus,
  mode: Type.Union([Type.Literal('machine'), Type.Literal('review')]),
  helpdesk: Helpdesk,
  ticketId: Type.String(),
  source: Type.String(),
  target: Type.String(),
  dueAt: Type.Optional(Type.String()),
  editor: Type.Optional(Type.Object({ id: Type.String(), name: Type.String() })),
  postedCommentId: Type.Optional(Type.String()),
  error: Type.Optional(ApiErrorObject),
  flagged: Type.Optional(Type.Boolean()),
  machine: Type.Optional(Type.String()),
  approved: Type.Optional(Type.String()),
  editDistance: Type.Optional(
    Type.Integer({ description: 'Characters changed between machine and approved text' }),
  ),
  redactions: Redactions,
  updatedAt: Type.String(),
});
export type ReplyView = Static<typeof ReplyView>;

export const ReplyParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const Pair = Type.Object({ source: Type.String(), target: Type.String() });
const TenantRef = Type.Object({ id: Type.String(), name: Type.String() });

export const TranslatorView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  pairs: Type.Array(Pair),
  tenants: Type.Array(TenantRef),
});

export const QueueLoginRequest = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export const QueueSession = Type.Object({ translator: TranslatorView, csrfToken: Type.String() });
export type QueueSession = Static<typeof QueueSession>;
/** Who is signed in, if anyone: the workspace's first question, answered 200 either way. */
export const QueueSessionState = Type.Union([
  QueueSession,
  Type.Object({ translator: Type.Null() }),
]);
export type QueueSessionState = Static<typeof QueueSessionState>;

export const QueueListQuery = Type.Object(
  { source: Type.Optional(LanguageCode), target: Type.Optional(LanguageCode) },
  { additionalProperties: false },
);
export const QueueJobSummary = Type.Object({
  id: Type.String(),
  tenant: TenantRef,
  source: Type.String(),
  target: Type.String(),
  dueAt: Type.String(),
  priority: ReplyPriority,
  status: Type.Union([Type.Literal('queued'), Type.Literal('in_review')]),
  claimedByMe: Type.Boolean(),
  leaseExpiresAt: Type.Optional(Type.String()),
  preview: Type.String({
    description:
      'The first 120 characters of the draft as plain text; a masked personal value reads `[token]`',
  }),
  flagged: Type.Boolean({ description: 'Past its SLA under the tenant’s `alert` policy' }),
});
export type QueueJobSummary = Static<typeof QueueJobSummary>;
export const QueueList = Type.Object({
  jobs: Type.Array(QueueJobSummary, { description: 'At most 100, earliest due first' }),
});
export type QueueList = Static<typeof QueueList>;

export const QueueSegment = Type.Object({
  index: Type.Integer(),
  source: Type.String({ description: 'Masked source: XML-escaped text with <x id="N"/>' }),
  target: Type.String({ description: 'Masked machine translation or memory match' }),
  origin: Type.Union([Type.Literal('machine'), Type.Literal('memory')]),
  match: Type.Optional(Type.Number({ description: '100 for an exact memory match' })),
  translatable: Type.Boolean({
    description:
      'False when only placeholders, digits or punctuation: the target equals the source',
  }),
  placeholders: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.Union([
        Type.Literal('open'),
        Type.Literal('close'),
        Type.Literal('void'),
        Type.Literal('span'),
        Type.Literal('term'),
      ]),
      display: Type.String({
        description: 'How it reads; a personal value as a typed token (`card ••••1111`, `phone`)',
      }),
      personal: Type.Optional(
        Type.String({
          description:
            'The kind of personal value it stands for (email, phone, card, iban, ip, national_id, name); `display` shows the value only where the tenant lets translators see values',
        }),
      ),
    }),
  ),
  terms: Type.Array(Type.Object({ source: Type.String(), target: Type.Optional(Type.String()) })),
  /** Words of a machine `target` the engine did not know, as offsets into the masked target. */
  unknown: Type.Optional(UnknownWords),
});
export const QueueJobDetail = Type.Object({
  id: Type.String(),
  tenant: TenantRef,
  source: Type.String(),
  target: Type.String(),
  dueAt: Type.String(),
  leaseExpiresAt: Type.String(),
  format: Type.Union([Type.Literal('html'), Type.Literal('text')]),
  /** The engine that made the machine translation. */
  engine: Type.String(),
  segments: Type.Array(QueueSegment),
});
export type QueueJobDetail = Static<typeof QueueJobDetail>;
export type QueueSegment = Static<typeof QueueSegment>;
export const QueueClaimed = Type.Object({ job: QueueJobDetail });
export type QueueClaimed = Static<typeof QueueClaimed>;
export const QueueLease = Type.Object({ leaseExpiresAt: Type.String() });
export type QueueLease = Static<typeof QueueLease>;
export const QueueReject = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const QueueSubmit = Type.Object(
  {
    segments: Type.Array(
      Type.Object(
        {
          index: Type.Integer({ minimum: 0 }),
          target: Type.String({ description: 'At most 3 × its source segment + 200 characters' }),
        },
        { additionalProperties: false },
      ),
      { maxItems: LIMITS.maxSegments },
    ),
    dismissed: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type QueueSubmit = Static<typeof QueueSubmit>;
export const QueueQaIssue = Type.Object({
  code: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  message: Type.String(),
  segment: Type.Optional(Type.Integer()),
  detail: Type.Optional(Type.String()),
});
export type QueueQaIssue = Static<typeof QueueQaIssue>;
export const QueueQaFailed = Type.Object({
  error: ApiErrorObject,
  qa: Type.Array(QueueQaIssue),
});
/** What QA finds in a submission, without submitting it: what `submit` would refuse with. */
export const QueueQaReport = Type.Object({ qa: Type.Array(QueueQaIssue) });
export type QueueQaReport = Static<typeof QueueQaReport>;
export const QueueSubmitted = Type.Object({ status: Type.Literal('approved') });
export const NoContent = Type.Null({ description: 'No content' });
