/**
 * The HTTP contract of translation assets: a tenant's memory in and out as TMX, its glossary as
 * TBX or CSV. Bodies are files, not JSON; what is JSON (queries, the import report) is here.
 */
import Type, { type Static } from 'typebox';

export const ASSET_LIMITS = {
  /** Bytes of one TMX upload: about 100,000 sentence units with their properties. */
  maxMemoryImportBytes: 67_108_864,
  /** Bytes of one TBX or CSV upload. */
  maxGlossaryImportBytes: 8_388_608,
  /** Terms one glossary import may write. */
  maxGlossaryImportTerms: 50_000,
  /** Characters of one segment of a memory unit. */
  maxSegmentCharacters: 10_000,
  /** Skipped units or terms listed in a report; the count covers them all. */
  maxReportedSkips: 100,
} as const;

const LanguageTag = Type.String({
  minLength: 2,
  maxLength: 35,
  description: 'BCP 47 language tag, e.g. `en`, `es`, `pt-BR`, `zh-Hans`',
});

export const MemoryExportQuery = Type.Object(
  {
    format: Type.Optional(Type.Literal('tmx', { description: 'TMX 1.4b, the only format' })),
    source: Type.Optional(LanguageTag),
    target: Type.Optional(LanguageTag),
  },
  { additionalProperties: false },
);
export type MemoryExportQuery = Static<typeof MemoryExportQuery>;

export const MemoryImportQuery = Type.Object(
  {
    source: Type.Optional(
      Type.String({
        ...LanguageTag,
        description: 'Source language of units whose file names none (`srclang="*all*"`)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type MemoryImportQuery = Static<typeof MemoryImportQuery>;

export const GlossaryExportQuery = Type.Object(
  {
    format: Type.Union([Type.Literal('tbx'), Type.Literal('csv')], {
      description: 'TBX-Basic (ISO 30042) or CSV',
    }),
    source: Type.Optional(
      Type.String({ ...LanguageTag, description: 'Source language; required for TBX' }),
    ),
    target: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 35,
        description: 'A BCP 47 tag, or `*` for terms that apply to every target',
      }),
    ),
  },
  { additionalProperties: false },
);
export type GlossaryExportQuery = Static<typeof GlossaryExportQuery>;

export const GlossaryImportQuery = Type.Object(
  {
    source: Type.Optional(
      Type.String({
        ...LanguageTag,
        description: "Source language when the file names none (TBX's `xml:lang`, CSV's column)",
      }),
    ),
    target: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 35,
        description: 'Only this target language (TBX), or the target of rows without one (CSV)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type GlossaryImportQuery = Static<typeof GlossaryImportQuery>;

export const SkippedItem = Type.Object({
  line: Type.Integer({ minimum: 1, description: 'Line of the unit, term entry or row' }),
  code: Type.String({ description: 'Stable machine-readable reason' }),
  message: Type.String(),
});
export type SkippedItem = Static<typeof SkippedItem>;

export const ImportReport = Type.Object({
  imported: Type.Integer({ minimum: 0, description: 'Memory units or glossary terms written' }),
  skippedCount: Type.Integer({ minimum: 0 }),
  skipped: Type.Array(SkippedItem, {
    maxItems: ASSET_LIMITS.maxReportedSkips,
    description: 'The first skipped units or terms, each with its line and reason',
  }),
});
export type ImportReport = Static<typeof ImportReport>;
