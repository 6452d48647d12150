/**
 * The translate flow shared by every caller (the translate route, reply jobs, the translators'
 * workspace): validate languages, detect the source when asked, run the text pipeline, serve
 * repeated segments from the translation memory, send the rest to the tenant's failover chain in
 * one call, store what came back, restore the documents and report QA, and where the words the
 * engine did not know ended up in the restored output. Personal data the tenant's policy masks is a
 * placeholder from the pipeline on: no engine and no memory entry ever holds a value, and a memory
 * hit is restored with the current request's values.
 *
 * The result is the prepared documents themselves, each sentence with its masked translation and
 * where that came from, so that no caller prepares a text again or reads the memory back (the
 * memory is written after the answer, and a failed write must not change what the caller got).
 */
import { detectLanguage } from '@parley/shared/detect/index';
import { baseLanguage, normalizeLanguageTag } from '@parley/shared/languages';
import { prepareHtml, prepareText } from '@parley/shared/pipeline/index';
import type {
  GlossaryTerm,
  PersonalDataMasking,
  PreparedDocument,
  QaIssue,
  Segment,
} from '@parley/shared/pipeline/index';
import type {
  KnownPersonalValue,
  PersonalDataKind,
} from '@parley/shared/pipeline/personal-data/index';
import { replacePersonalData } from '@parley/shared/pipeline/personal-spans';
import type { Detection, Redactions } from '@parley/shared/api/schemas';
import {
  insertMarks,
  takeMarks,
  withoutMarks,
  type TextSpan,
} from '@parley/shared/pipeline/unknown-words';
import { EngineError, type Formality } from '../engines/engine.js';
import { ApiError } from '../errors.js';
import type { Metrics } from '../metrics.js';
import { toPipelineTerm } from '../store/glossary.js';
import { kindsToMask } from '../store/personal-data-policy.js';
import type { Store } from '../store/index.js';
import type { MemoryMatch } from '../store/memory.js';
import { createMemoryWriteQueue } from './memory-writes.js';
import type { TenantEngines } from './tenant-engines.js';
import { mapInTurns } from './turns.js';
import type { Logger } from '../logging.js';

/** Documents prepared or restored in one turn of the event loop (a batch holds up to 500). */
const DOCUMENTS_PER_TURN = 50;

export interface TranslationInput {
  /** The caller's id for this piece (request segment id), echoed in QA issues. */
  id?: string;
  format: 'text' | 'html';
  content: string;
}

export interface TranslationRequest {
  tenantId: string;
  inputs: TranslationInput[];
  /** `auto` or a BCP 47 tag. */
  source: string;
  target: string;
  formality?: Formality;
  /** Terms for this request only, on top of the tenant's glossary. */
  glossary?: GlossaryTerm[];
  /** Personal values the helpdesk knows (`hints.pii`), masked wherever they occur. */
  known?: readonly KnownPersonalValue[];
}

/** Where a sentence's translation comes from. */
export type TranslationOrigin =
  /** The translation memory, from a translator's approved edit. */
  | 'memory-human'
  /** The translation memory, from an engine in an earlier request. */
  | 'memory-machine'
  /** An engine, in this request. */
  | 'engine'
  /** Nowhere: kept as written (nothing to translate, or source and target share a language). */
  | 'kept';

/** One sentence of a prepared document with its translation. */
export interface TranslatedSegment extends Segment {
  /** The masked translation (the masked source when kept). */
  target: string;
  origin: TranslationOrigin;
  /** The engine behind `target`: this request's, or the memory entry's; null when no engine. */
  engine: string | null;
  /** Words of an engine `target` the engine did not know, as offsets into it. */
  unknown: readonly TextSpan[];
}

export interface TranslatedDocument {
  /** The document as the pipeline prepared it, to restore other targets into (an edit). */
  prepared: PreparedDocument;
  /** One per sentence of `prepared`, in order. */
  segments: TranslatedSegment[];
  /** The restored translation. */
  output: string;
  /**
   * The words the engine did not know, as offsets into `output` (into the HTML string for HTML).
   * Only sentences an engine translated in this request carry them: the memory keeps
   * translations, not marks.
   */
  unknown: TextSpan[];
}

export interface TranslationOutcome {
  /** One per input, in order. */
  documents: TranslatedDocument[];
  source: string;
  target: string;
  engine: string;
  via?: string;
  cached: boolean;
  qa: (Omit<QaIssue, 'segment'> & { segment?: string })[];
  detection?: Detection;
  redactions: Redactions;
  /** The masking the documents were prepared with, to prepare them again alike. */
  masking: PersonalDataMasking;
  /** The glossary the documents were prepared with: the tenant's for the pair, then the request's. */
  terms: GlossaryTerm[];
}

export interface TranslationServiceOptions {
  store: Store;
  tenantEngines: TenantEngines;
  metrics: Metrics;
  maxCharacters: number;
  logger: Logger;
}

/** Engine id reported when nothing needed an engine. */
export const MEMORY_ENGINE = 'memory';
export const NO_ENGINE = 'none';

export function requireLanguage(tag: string, field: string): string {
  const normalized = normalizeLanguageTag(tag);
  if (!normalized)
    throw new ApiError(
      'unknown_language',
      `${field} "${tag}" is not a known BCP 47 language code.`,
    );
  return normalized;
}

const NAMES: ReadonlySet<PersonalDataKind> = new Set(['name']);

/**
 * Text the detector reads: HTML tags are left to its own cleaning, and so are e-mail addresses
 * and numbers; the helpdesk's known names are blanked first, so that a requester's name does not
 * sway the language.
 */
export const detectionText = (text: string, known?: readonly KnownPersonalValue[]): string =>
  known?.length ? replacePersonalData(text, { known, kinds: NAMES }, () => ' ') : text;

/** Masked values by kind, over every placeholder of the documents' segments. */
function redactionsIn(documents: readonly PreparedDocument[]): Redactions {
  const counts = new Map<string, number>();
  for (const document of documents)
    for (const segment of document.segments)
      for (const { personal } of segment.placeholders)
        if (personal) counts.set(personal, (counts.get(personal) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, count }));
}

type Translation = Pick<TranslatedSegment, 'target' | 'origin' | 'engine' | 'unknown'>;

const NO_SPANS: readonly TextSpan[] = [];

const fromMemory = (match: MemoryMatch): Translation => ({
  target: match.target,
  origin: match.origin === 'human' ? 'memory-human' : 'memory-machine',
  engine: match.engine,
  unknown: match.unknown,
});

const kept = (segment: Segment): Translation => ({
  target: segment.masked,
  origin: 'kept',
  engine: null,
  unknown: NO_SPANS,
});

export function createTranslationService(options: TranslationServiceOptions) {
  const { store, tenantEngines, metrics, logger } = options;
  const memoryWrites = createMemoryWriteQueue({ memory: store.memory, logger });

  async function resolveSource(
    request: TranslationRequest,
  ): Promise<{ source: string; detection?: Detection }> {
    if (request.source !== 'auto') return { source: requireLanguage(request.source, 'source') };
    const tenant = await store.tenants.get(request.tenantId);
    const languages = tenant?.languages.length ? tenant.languages : undefined;
    const text = request.inputs.map((input) => input.content).join('\n\n');
    const detection = detectLanguage(
      detectionText(text, request.known),
      languages ? { languages } : {},
    );
    metrics.detections.inc({ reliable: String(detection.reliable) });
    if (detection.language === 'und')
      throw new ApiError(
        'language_not_detected',
        'The source language could not be detected from this text; send "source" explicitly.',
      );
    return { source: detection.language, detection };
  }

  /** The tenant's policy applied to this request: which kinds, and the helpdesk's known values. */
  async function maskingFor(request: TranslationRequest): Promise<PersonalDataMasking> {
    const policy = await store.personalData.get(request.tenantId);
    // With every engine covered there is no need to load the tenant's engine settings.
    const engines =
      policy.engines === 'all' ? [] : await tenantEngines.engineKindsFor(request.tenantId);
    return {
      kinds: kindsToMask(policy, engines),
      ...(request.known?.length ? { known: request.known } : {}),
    };
  }

  async function translate(request: TranslationRequest): Promise<TranslationOutcome> {
    const characters = request.inputs.reduce((sum, input) => sum + input.content.length, 0);
    if (characters > options.maxCharacters)
      throw new ApiError(
        'text_too_long',
        `The request has ${characters} characters; the limit is ${options.maxCharacters} per request. Split it into several requests.`,
      );
    const target = requireLanguage(request.target, 'target');
    const { source, detection } = await resolveSource(request);
    const withDetection = detection ? { detection } : {};

    const terms = [
      ...(await store.glossary.forPair(request.tenantId, source, target)).map(toPipelineTerm),
      ...(request.glossary ?? []),
    ];
    const masking = await maskingFor(request);
    const documents: PreparedDocument[] = await mapInTurns(
      request.inputs,
      DOCUMENTS_PER_TURN,
      (input) =>
        // Mark characters from outside would read as unknown-word marks in the output.
        (input.format === 'html' ? prepareHtml : prepareText)(withoutMarks(input.content), {
          sourceLanguage: source,
          terms,
          personalData: masking,
        }),
    );
    const redactions = redactionsIn(documents);
    for (const { kind, count } of redactions) metrics.personalDataMasked.inc({ kind }, count);
    const prepared = { redactions, masking, terms };

    if (baseLanguage(source) === baseLanguage(target)) {
      return finish(
        documents,
        request,
        { source, target, engine: NO_ENGINE, cached: false, ...withDetection, ...prepared },
        new Map(),
      );
    }

    const pending = new Set<string>();
    for (const document of documents)
      for (const segment of document.segments)
        if (segment.translatable) pending.add(segment.masked);
    const sources = [...pending];

    const formality = request.formality ?? 'default';
    const memory = await store.memory.lookup(request.tenantId, source, target, sources, formality);
    // An earlier request's translation whose write has not landed yet is the memory's too.
    for (const segment of sources) {
      if (memory.has(segment)) continue;
      const queued = memoryWrites.find(request.tenantId, source, target, segment, formality);
      if (queued) memory.set(segment, queued);
    }
    const misses = sources.filter((segment) => !memory.has(segment));
    metrics.memoryLookups.inc({ result: 'hit' }, sources.length - misses.length);
    metrics.memoryLookups.inc({ result: 'miss' }, misses.length);

    const translations = new Map<string, Translation>();
    for (const [segment, match] of memory) translations.set(segment, fromMemory(match));
    if (misses.length === 0) {
      return finish(
        documents,
        request,
        { source, target, engine: MEMORY_ENGINE, cached: true, ...withDetection, ...prepared },
        translations,
      );
    }

    const chain = await tenantEngines.chainFor(request.tenantId);
    const routed = await chain
      .translate({ source, target, segments: misses, formality })
      .catch((error: unknown) => {
        if (error instanceof EngineError && error.code === 'unsupported_language_pair')
          throw new ApiError(
            'unsupported_language_pair',
            `No configured engine translates ${source} → ${target}, directly or through a bridge language. GET /v1/languages lists the pairs available.`,
          );
        throw error;
      });
    misses.forEach((segment, index) => {
      translations.set(segment, {
        target: routed.segments[index] ?? segment,
        origin: 'engine',
        engine: routed.engine,
        unknown: routed.unknown?.[index] ?? [],
      });
    });
    memoryWrites.add(
      misses.map((segment, index) => ({
        tenantId: request.tenantId,
        sourceLang: source,
        targetLang: target,
        formality,
        source: segment,
        target: routed.segments[index] ?? segment,
        origin: 'machine',
        engine: routed.engine,
        unknown: routed.unknown?.[index] ?? [],
      })),
    );
    return finish(
      documents,
      request,
      {
        source,
        target,
        engine: routed.engine,
        ...(routed.via ? { via: routed.via } : {}),
        cached: false,
        ...withDetection,
        ...prepared,
      },
      translations,
    );
  }

  /** Each document's sentences with their translations, restored, with QA per caller's id. */
  async function finish(
    documents: PreparedDocument[],
    request: TranslationRequest,
    summary: Omit<TranslationOutcome, 'documents' | 'qa'>,
    translations: ReadonlyMap<string, Translation>,
  ): Promise<TranslationOutcome> {
    const qa: TranslationOutcome['qa'] = [];
    const translated = await mapInTurns(documents, DOCUMENTS_PER_TURN, (document, index) => {
      const segments = document.segments.map((segment): TranslatedSegment => ({
        ...segment,
        ...(translations.get(segment.masked) ?? kept(segment)),
      }));
      // Unknown words travel through restore as marks, so their offsets are the output's own.
      const restored = document.restore(
        segments.map((segment) => insertMarks(segment.target, segment.unknown)),
      );
      const id = request.inputs[index]?.id;
      // The pipeline numbers sentences; callers know their own segment ids instead.
      for (const issue of restored.qa) {
        const { segment: _sentence, ...rest } = issue;
        qa.push(id === undefined ? rest : { ...rest, segment: id });
      }
      const { text, spans } = takeMarks(restored.output);
      return { prepared: document, segments, output: text, unknown: spans };
    });
    return { ...summary, documents: translated, qa };
  }

  return {
    translate,
    /** Writes the queued memory entries and resolves once every write so far has finished. */
    drain: () => memoryWrites.drain(),
  };
}

export type TranslationService = ReturnType<typeof createTranslationService>;
