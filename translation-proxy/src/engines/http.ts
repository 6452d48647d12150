/**
 * What the provider engines (DeepL, Google, Azure, Amazon, LibreTranslate, APy) share: how they
 * describe themselves (capabilities, limits), how a request is split to fit a provider's batch
 * and size limits, how an HTTP failure becomes an `EngineError` (with `Retry-After` read and
 * every secret scrubbed from the message), and a TTL cache for the language list each provider
 * publishes. One piece of code for all of them, so they fail and split the same way.
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import axios, { isAxiosError, type AxiosInstance, type AxiosRequestConfig } from 'axios';
import {
  EngineError,
  type EngineErrorCode,
  type LanguagePair,
  type TranslationEngine,
} from './engine.js';
import {
  catalogPairs,
  resolvePair,
  type LanguageCatalog,
  type ProviderLanguage,
} from './language-tags.js';
import { parseRetryAfter } from '../retry-policy.js';
import { guardedLookup } from './engine-urls.js';
import type { Logger } from '../logging.js';

/** What a provider can do with a request beyond plain translation. */
export interface EngineCapabilities {
  /** Keeps `<x id="N"/>` placeholders and XML escapes intact (tag handling / html mode). */
  html: boolean;
  /** Honours `formality` for at least some target languages. */
  formality: boolean;
  /** Applies a provider-side glossary / terminology configured for the tenant. */
  glossary: boolean;
}

/** A provider's per-request limits; requests are split so that every call fits. */
export interface EngineLimits {
  /** Segments per call. */
  maxSegments: number;
  /** Characters (UTF-16 code units) per call, all segments together. */
  maxChars?: number;
  /** UTF-8 bytes per call, all segments together. */
  maxBytes?: number;
  /** Characters in one segment; a longer segment is `text_too_long`. Defaults to `maxChars`. */
  maxSegmentChars?: number;
  /** UTF-8 bytes in one segment; a longer segment is `text_too_long`. Defaults to `maxBytes`. */
  maxSegmentBytes?: number;
}

/** An engine that says what it supports and how much it takes per call. */
export interface ProviderEngine extends TranslationEngine {
  readonly capabilities: EngineCapabilities;
  readonly limits: EngineLimits;
}

export interface EngineDeps {
  logger: Logger;
  /** Axios instance for outgoing calls; tests and the proxy may share one. */
  http?: AxiosInstance;
  /** How long the language list is trusted before the pair catalogue fetches it again. */
  pairsTtlMs?: number;
}

// Shared by every engine, kept alive as Node's global agents are.
const agents = {
  httpAgent: new HttpAgent({ keepAlive: true, lookup: guardedLookup }),
  httpsAgent: new HttpsAgent({ keepAlive: true, lookup: guardedLookup }),
};

/**
 * The client an engine uses when none is injected. The failover chain bounds each call with its own
 * timeout; this one only stops a request that nothing else would (an engine used on its own).
 * Names are resolved by `guardedLookup`, and redirects are not followed: a redirect could point
 * at an address (a literal is not looked up) that the engine settings would have refused.
 */
export function defaultHttpClient(): AxiosInstance {
  return axios.create({ timeout: 30_000, maxRedirects: 0, ...agents });
}

/** Replaces every secret in `text` by `[redacted]`. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let clean = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) clean = clean.split(secret).join('[redacted]');
  }
  return clean;
}

/** What a provider's error response said, for its engine to classify. */
export interface HttpFailure {
  status: number;
  /** Parsed JSON body when there was one. */
  body: unknown;
  headers: Record<string, unknown>;
}

/** Maps one provider's error response to a code and a human message (no secrets in it). */
export type ClassifyHttpFailure = (failure: HttpFailure) => {
  code: EngineErrorCode;
  message: string;
};

/** Status-only classification every provider shares; engines refine it from their error bodies. */
export function codeForStatus(status: number): EngineErrorCode {
  if (status === 401 || status === 403) return 'engine_auth_failed';
  if (status === 429) return 'engine_rate_limited';
  if (status === 413 || status === 414) return 'text_too_long';
  if (status === 408 || status === 504) return 'engine_timeout';
  if (status >= 500) return 'engine_unavailable';
  return 'engine_error';
}

const NETWORK_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ERR_NETWORK',
  'ERR_BAD_RESPONSE',
]);

/**
 * Turns whatever an axios call threw into an `EngineError`. The axios error itself is never kept
 * (its config holds the key and the URL may too), and the message is scrubbed of `secrets`.
 */
export function toEngineError(
  engineId: string,
  error: unknown,
  classify: ClassifyHttpFailure,
  secrets: readonly (string | undefined)[],
): EngineError {
  if (error instanceof EngineError) return error;
  if (isAxiosError(error)) {
    if (error.response) {
      const failure: HttpFailure = {
        status: error.response.status,
        body: error.response.data,
        headers: { ...(error.response.headers as Record<string, unknown>) },
      };
      const { code, message } = classify(failure);
      const retryAfter = parseRetryAfter(failure.headers['retry-after']);
      return new EngineError(
        code,
        redact(`${engineId}: ${message} (HTTP ${failure.status})`, secrets),
        engineId,
        retryAfter,
      );
    }
    if (
      error.code === 'ERR_CANCELED' ||
      error.code === 'ECONNABORTED' ||
      error.code === 'ETIMEDOUT'
    )
      return new EngineError(
        'engine_timeout',
        `${engineId}: request timed out or was cancelled`,
        engineId,
      );
    if (error.code && NETWORK_UNAVAILABLE.has(error.code))
      return new EngineError(
        'engine_unavailable',
        `${engineId}: cannot reach the service (${error.code})`,
        engineId,
      );
  }
  const name = error instanceof Error ? error.name : typeof error;
  return new EngineError('engine_unavailable', `${engineId}: request failed (${name})`, engineId);
}

/** Sends one request and maps any failure through `toEngineError`. */
export async function send<T>(
  http: AxiosInstance,
  engineId: string,
  request: AxiosRequestConfig,
  classify: ClassifyHttpFailure,
  secrets: readonly (string | undefined)[],
): Promise<T> {
  try {
    const response = await http.request<T>(request);
    return response.data;
  } catch (error) {
    throw toEngineError(engineId, error, classify, secrets);
  }
}

/** The provider's message from a JSON error body, when it has one of the usual shapes. */
export function providerMessage(body: unknown, fallback: string): string {
  if (typeof body === 'string' && body.trim()) return body.trim().slice(0, 300);
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    for (const key of ['message', 'error', 'explanation', 'detail']) {
      const value = record[key];
      if (typeof value === 'string' && value) return value.slice(0, 300);
      if (
        value &&
        typeof value === 'object' &&
        typeof (value as { message?: unknown }).message === 'string'
      )
        return ((value as { message: string }).message || fallback).slice(0, 300);
    }
  }
  return fallback;
}

const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * Splits segments into consecutive batches that each fit `limits`. Throws `text_too_long` when
 * one segment alone is over the per-segment (or per-request) limit: no split can fix that.
 */
export function splitIntoBatches(
  engineId: string,
  segments: readonly string[],
  limits: EngineLimits,
): string[][] {
  const segmentChars = limits.maxSegmentChars ?? limits.maxChars;
  const segmentBytes = limits.maxSegmentBytes ?? limits.maxBytes;
  const batches: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  let bytes = 0;
  for (const segment of segments) {
    const segChars = segment.length;
    const segBytes =
      limits.maxBytes !== undefined || segmentBytes !== undefined ? byteLength(segment) : 0;
    if (
      (segmentChars !== undefined && segChars > segmentChars) ||
      (segmentBytes !== undefined && segBytes > segmentBytes)
    )
      throw new EngineError(
        'text_too_long',
        `${engineId}: a segment of ${segChars} characters (${segBytes || byteLength(segment)} bytes) is over the provider's limit`,
        engineId,
      );
    const full =
      current.length >= limits.maxSegments ||
      (limits.maxChars !== undefined && chars + segChars > limits.maxChars) ||
      (limits.maxBytes !== undefined && bytes + segBytes > limits.maxBytes);
    if (full && current.length > 0) {
      batches.push(current);
      current = [];
      chars = 0;
      bytes = 0;
    }
    current.push(segment);
    chars += segChars;
    bytes += segBytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Runs `task` over `items` with at most `concurrency` in flight, results in input order. */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/**
 * Translates `segments` batch by batch (one batch in flight at a time, to stay polite with rate
 * limits) and checks that every batch came back with one translation per segment.
 */
export async function translateInBatches(
  engineId: string,
  segments: readonly string[],
  limits: EngineLimits,
  translateBatch: (batch: string[]) => Promise<string[]>,
): Promise<{ segments: string[]; billedCharacters: number }> {
  const out: string[] = [];
  let billed = 0;
  for (const batch of splitIntoBatches(engineId, segments, limits)) {
    const translated = await translateBatch(batch);
    if (translated.length !== batch.length)
      throw new EngineError(
        'engine_error',
        `${engineId}: sent ${batch.length} segments, got ${translated.length} back`,
        engineId,
      );
    out.push(...translated);
    billed += batch.reduce((sum, segment) => sum + segment.length, 0);
  }
  return { segments: out, billedCharacters: billed };
}

const NAMED_ENTITIES: Record<string, string> = { quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * HTML-mode providers may hand text back with entities the masked-segment format does not use
 * (Google answers `&#39;` for an apostrophe). Decodes every entity except the three the format
 * keeps escaped (`&lt;` `&gt;` `&amp;`), so segments come back in the form they went out.
 */
export function normaliseEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    let char: string | undefined;
    if (body[0] === '#') {
      const point =
        body[1] === 'x' || body[1] === 'X'
          ? parseInt(body.slice(2), 16)
          : parseInt(body.slice(1), 10);
      char =
        Number.isFinite(point) && point > 0 && point <= 0x10ffff
          ? String.fromCodePoint(point)
          : undefined;
    } else {
      char = NAMED_ENTITIES[body.toLowerCase()];
    }
    if (char === undefined) return entity;
    if (char === '<') return '&lt;';
    if (char === '>') return '&gt;';
    if (char === '&') return '&amp;';
    return char;
  });
}

/**
 * A provider's language list as last fetched. When to fetch it again is the pair catalogue's
 * call (`pairs()`, every `pairsRefreshMs`); a translation or health check before the first fetch
 * loads it once. Concurrent callers share one load; a failed load keeps the list it had.
 */
export interface ProviderLanguages {
  /** The list last fetched, or the first one loaded now. */
  current(): Promise<LanguageCatalog>;
  /** Fetches the list again. */
  fetch(): Promise<LanguageCatalog>;
}

export function providerLanguages(load: () => Promise<LanguageCatalog>): ProviderLanguages {
  let latest: LanguageCatalog | undefined;
  let pending: Promise<LanguageCatalog> | undefined;
  const fetch = () =>
    (pending ??= load()
      .then((catalog) => (latest = catalog))
      .finally(() => {
        pending = undefined;
      }));
  return { current: () => (latest ? Promise.resolve(latest) : fetch()), fetch };
}

/** How long a provider's language list is trusted: it changes a few times a year. */
export const DEFAULT_PAIRS_TTL_MS = 6 * 60 * 60 * 1000;

/** The provider codes for a request's pair, or `unsupported_language_pair` without calling out. */
export async function resolveOrThrow(
  engineId: string,
  catalog: ProviderLanguages,
  source: string,
  target: string,
): Promise<{ source: ProviderLanguage; target: ProviderLanguage }> {
  const resolved = resolvePair(await catalog.current(), source, target);
  if (!resolved)
    throw new EngineError(
      'unsupported_language_pair',
      `${engineId}: ${source}→${target} is not served`,
      engineId,
    );
  return resolved;
}

/** The engine's direct pairs from a fresh language list. */
export async function pairsOf(catalog: ProviderLanguages): Promise<LanguagePair[]> {
  return catalogPairs(await catalog.fetch());
}

/** Whether the provider gave a language list: cheap (the last one fetched), never throws. */
export async function catalogHealthy(catalog: ProviderLanguages): Promise<boolean> {
  try {
    return (await catalog.current()).sources.length > 0;
  } catch {
    return false;
  }
}
