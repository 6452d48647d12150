/**
 * The one interface every machine-translation engine implements (Apertium, APy, LibreTranslate,
 * DeepL, Google, Azure, Amazon). The failover chain and the translate route only ever see this.
 *
 * Engines receive *masked segments* from the shared text pipeline (`@parley/shared/pipeline`):
 * plain text, XML-escaped (`&lt;` `&gt;` `&amp;`), in which every protected span or inline tag has
 * been replaced by an empty placeholder element `<x id="N"/>`. An engine must give each segment
 * back with every placeholder it received, in the same escaped form; how it keeps them intact
 * (superblanks, tag handling, ignore tags) is its own business.
 */
import type { TextSpan } from '@parley/shared/pipeline/unknown-words';

export interface LanguagePair {
  /** BCP 47 source language, e.g. `en`. */
  source: string;
  /** BCP 47 target language, e.g. `es` or `pt-BR`. */
  target: string;
}

export type Formality = 'default' | 'more' | 'less';

export interface EngineRequest extends LanguagePair {
  /** Masked segments (see the file comment); never empty strings. */
  segments: string[];
  formality?: Formality;
  /**
   * On a bridge's second leg, the language the text was written in (the segments are the first
   * leg's translation of it), so an engine can undo what it knows the first leg loses.
   */
  bridgedFrom?: string;
  /** Aborted when the caller gives up (timeout, client gone). */
  signal?: AbortSignal;
}

export interface EngineResult {
  /** One translated masked segment per input segment, in order. */
  segments: string[];
  /** Characters the provider bills for this call (source characters sent). */
  billedCharacters: number;
  /**
   * Per segment, the words the engine did not know, as offsets into the returned masked segment;
   * only from engines that say so (Apertium).
   */
  unknown?: TextSpan[][];
}

export interface TranslationEngine {
  /** Stable id used in configuration, responses and metrics: `apertium`, `deepl`, … */
  readonly id: string;
  /** The pairs this engine serves directly, asked for afresh: the pair catalogue caches them. */
  pairs(): Promise<LanguagePair[]>;
  /** How long its pair list stays true, when not the catalogue's default (pair-catalog.ts). */
  readonly pairsRefreshMs?: number;
  translate(request: EngineRequest): Promise<EngineResult>;
  /** Cheap liveness check for `/healthz`. */
  healthy(): Promise<boolean>;
  /** Releases processes, sockets and timers. */
  close(): Promise<void>;
}

/** Error codes shared by every engine, mapped to HTTP errors by the proxy. */
export type EngineErrorCode =
  | 'engine_unavailable'
  | 'engine_timeout'
  | 'engine_rate_limited'
  | 'engine_quota_exceeded'
  | 'engine_auth_failed'
  | 'unsupported_language_pair'
  | 'text_too_long'
  | 'engine_error';

export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly engineId: string,
    /** Seconds the provider asked us to wait (HTTP `Retry-After`), when it said. */
    readonly retryAfterSeconds?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
