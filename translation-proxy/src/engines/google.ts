/**
 * Google Cloud Translation, in one of its two editions, chosen by the tenant's configuration:
 *
 * - Basic (v2 REST) with an API key, sent in the `X-Goog-Api-Key` header so it never sits in a
 *   URL: `POST /language/translate/v2` with `format: html`.
 * - Advanced (v3 REST) with a service account's OAuth2 access tokens (google-auth.ts), a project
 *   and a location: `POST /v3/projects/{project}/locations/{location}:translateText` with
 *   `mimeType: text/html`, and `glossaryConfig` naming the glossary the tenant created in its
 *   Google project for the request's pair; the answer's `glossaryTranslations` are used then.
 *   Glossaries need a regional location (`us-central1`), never `global`.
 *
 * Both send masked segments as HTML, which leaves the `<x id="N"/>` placeholders alone, and both
 * answer HTML-escaped text (`&#39;`) that is brought back to the masked-segment form. The two
 * share the error mapping, the language-code mapping and the batching; only how a call is
 * authorised and shaped differs. Neither edition offers formality.
 */
import type { AxiosInstance, AxiosRequestConfig } from 'axios';
import { EngineError, type EngineRequest, type EngineResult } from './engine.js';
import {
  DEFAULT_PAIRS_TTL_MS,
  defaultHttpClient,
  providerLanguages,
  catalogHealthy,
  codeForStatus,
  normaliseEntities,
  pairsOf,
  providerMessage,
  resolveOrThrow,
  send,
  translateInBatches,
  type ClassifyHttpFailure,
  type EngineDeps,
  type EngineLimits,
  type ProviderEngine,
} from './http.js';
import { serviceAccountTokens, type GoogleServiceAccountKey } from './google-auth.js';
import { canonicalTag, type LanguageCatalog, type ProviderLanguage } from './language-tags.js';
import { glossaryFor, type ProviderGlossary } from './provider-glossaries.js';

/** Basic edition (v2): an API key. */
export interface GoogleBasicConfig {
  kind: 'google';
  apiKey: string;
  /** Overrides `https://translation.googleapis.com` (tests, private endpoints). */
  endpoint?: string;
}

/** A glossary the tenant created in its Google project (`…/glossaries/{id}`) for one pair. */
export interface GoogleGlossary extends ProviderGlossary {
  /** Match the glossary's terms whatever their case (Google's default: case matters). */
  ignoreCase?: boolean;
}

/** Advanced edition (v3): a service account of the project that holds the glossaries. */
export interface GoogleAdvancedConfig {
  kind: 'google';
  projectId: string;
  /** `global` (the default) or a region such as `us-central1`; glossaries need a region. */
  location?: string;
  serviceAccountKey: GoogleServiceAccountKey;
  glossaries?: GoogleGlossary[];
  /** Overrides `https://translation.googleapis.com` (tests, private endpoints). */
  endpoint?: string;
}

export type GoogleConfig = GoogleBasicConfig | GoogleAdvancedConfig;

interface GoogleErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    errors?: { reason?: string }[];
    details?: { reason?: string }[];
  };
}

/** v2: 128 strings per request; 30 000 code points per request (Google's documented ceiling). */
const BASIC_LIMITS: EngineLimits = { maxSegments: 128, maxChars: 30_000 };
/** v3: `contents` holds at most 1024 strings; Google recommends under 30 000 code points in all. */
const ADVANCED_LIMITS: EngineLimits = { maxSegments: 1024, maxChars: 30_000 };

const QUOTA_REASONS = new Set(['dailyLimitExceeded', 'quotaExceeded', 'dailyLimitExceededUnreg']);
const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'RATE_LIMIT_EXCEEDED']);
const AUTH_REASONS = new Set([
  'keyInvalid',
  'API_KEY_INVALID',
  'forbidden',
  'accessNotConfigured',
  'SERVICE_DISABLED',
  'API_KEY_SERVICE_BLOCKED',
]);

const classify: ClassifyHttpFailure = ({ status, body }) => {
  const error = (body as GoogleErrorBody | undefined)?.error;
  const message = error?.message ?? providerMessage(body, 'request failed');
  const reasons = [...(error?.errors ?? []), ...(error?.details ?? [])].map(
    (item) => item.reason ?? '',
  );
  if (reasons.some((reason) => AUTH_REASONS.has(reason)) || /API key/i.test(message))
    return { code: 'engine_auth_failed', message };
  if (
    reasons.some((reason) => QUOTA_REASONS.has(reason)) ||
    (status === 429 && /per day/i.test(message))
  )
    return { code: 'engine_quota_exceeded', message };
  if (reasons.some((reason) => RATE_REASONS.has(reason)) || status === 429)
    return { code: 'engine_rate_limited', message };
  // A glossary that is missing, in another region or for other languages is the tenant's
  // configuration to fix, not a pair another engine should be tried for.
  if ((status === 400 || status === 404) && /glossar/i.test(message))
    return { code: 'engine_error', message };
  if (
    status === 400 &&
    /language pair|target language|source language|invalid value/i.test(message)
  )
    return { code: 'unsupported_language_pair', message };
  if (status === 400 && /too long|too large|text length/i.test(message))
    return { code: 'text_too_long', message };
  return { code: codeForStatus(status), message };
};

/** Google's codes as BCP 47 tags; legacy codes (`iw`, `jw`) become their current tags. */
function googleLanguages(codes: readonly string[]): ProviderLanguage[] {
  // Google may list both spellings of a language (`iw` and `he`): the first one is kept.
  const byTag = new Map<string, ProviderLanguage>();
  for (const code of codes) {
    const tag = canonicalTag(code);
    if (!byTag.has(tag)) byTag.set(tag, { code, tag });
  }
  return [...byTag.values()];
}

type ResolvedPair = Awaited<ReturnType<typeof resolveOrThrow>>;

/** What differs between the editions: limits, the language list and one translate call. */
interface GoogleEdition {
  limits: EngineLimits;
  glossary: boolean;
  languages(): Promise<LanguageCatalog>;
  /** Translates one batch; the answer is Google's HTML-escaped text, one per segment. */
  translateBatch(batch: string[], pair: ResolvedPair, request: EngineRequest): Promise<string[]>;
}

const unexpectedShape = (id: string) =>
  new EngineError('engine_error', `${id}: unexpected response shape`, id);

function basicEdition(
  id: string,
  config: GoogleBasicConfig,
  http: AxiosInstance,
  baseURL: string,
): GoogleEdition {
  const headers = { 'X-Goog-Api-Key': config.apiKey };
  const secrets = [config.apiKey];
  return {
    limits: BASIC_LIMITS,
    glossary: false,
    async languages() {
      const data = await send<{ data?: { languages?: { language: string }[] } }>(
        http,
        id,
        { method: 'GET', baseURL, url: '/language/translate/v2/languages', headers },
        classify,
        secrets,
      );
      const languages = googleLanguages((data?.data?.languages ?? []).map((l) => l.language));
      return { sources: languages, targets: languages };
    },
    async translateBatch(batch, pair, request) {
      const data = await send<{ data?: { translations?: { translatedText: string }[] } }>(
        http,
        id,
        {
          method: 'POST',
          baseURL,
          url: '/language/translate/v2',
          headers,
          signal: request.signal,
          data: { q: batch, source: pair.source.code, target: pair.target.code, format: 'html' },
        },
        classify,
        secrets,
      );
      const translations = data?.data?.translations;
      if (!Array.isArray(translations)) throw unexpectedShape(id);
      return translations.map((translation) => translation.translatedText);
    },
  };
}

interface V3Translation {
  translatedText: string;
}

function advancedEdition(
  id: string,
  config: GoogleAdvancedConfig,
  http: AxiosInstance,
  baseURL: string,
): GoogleEdition {
  const tokens = serviceAccountTokens(id, config.serviceAccountKey);
  const parent = `projects/${encodeURIComponent(config.projectId)}/locations/${encodeURIComponent(config.location ?? 'global')}`;
  // Each call names its token among the secrets, so a provider echoing it gets it scrubbed. A
  // token Google no longer accepts (401, revoked before its expiry) is replaced and the call
  // tried once more; a second 401 is the account's problem and is reported.
  const call = async <T>(request: AxiosRequestConfig, retried = false): Promise<T> => {
    const token = await tokens.get();
    let unauthenticated = false;
    try {
      return await send<T>(
        http,
        id,
        { baseURL, ...request, headers: { Authorization: `Bearer ${token}` } },
        (failure) => {
          unauthenticated = failure.status === 401;
          return classify(failure);
        },
        [token, config.serviceAccountKey.private_key],
      );
    } catch (error) {
      if (!unauthenticated || retried) throw error;
      tokens.forget();
      return call<T>(request, true);
    }
  };
  return {
    limits: ADVANCED_LIMITS,
    glossary: Boolean(config.glossaries?.length),
    async languages() {
      const data = await call<{
        languages?: { languageCode: string; supportSource?: boolean; supportTarget?: boolean }[];
      }>({ method: 'GET', url: `/v3/${parent}/supportedLanguages` });
      const languages = data?.languages ?? [];
      return {
        sources: googleLanguages(
          languages.filter((l) => l.supportSource).map((l) => l.languageCode),
        ),
        targets: googleLanguages(
          languages.filter((l) => l.supportTarget).map((l) => l.languageCode),
        ),
      };
    },
    async translateBatch(batch, pair, request) {
      const glossary = glossaryFor(config.glossaries, request.source, request.target);
      const data = await call<{
        translations?: V3Translation[];
        glossaryTranslations?: V3Translation[];
      }>({
        method: 'POST',
        url: `/v3/${parent}:translateText`,
        signal: request.signal,
        data: {
          contents: batch,
          mimeType: 'text/html',
          sourceLanguageCode: pair.source.code,
          targetLanguageCode: pair.target.code,
          ...(glossary
            ? {
                glossaryConfig: {
                  glossary: `${parent}/glossaries/${encodeURIComponent(glossary.id)}`,
                  ignoreCase: glossary.ignoreCase ?? false,
                },
              }
            : {}),
        },
      });
      // With a glossary, `glossaryTranslations` is the answer (the same as `translations` where
      // no term matched); `translations` then ignores the glossary.
      const translations = glossary ? data?.glossaryTranslations : data?.translations;
      if (!Array.isArray(translations)) throw unexpectedShape(id);
      return translations.map((translation) => translation.translatedText);
    },
  };
}

export function createGoogleEngine(config: GoogleConfig, deps: EngineDeps): ProviderEngine {
  const id = 'google';
  const http: AxiosInstance = deps.http ?? defaultHttpClient();
  const baseURL = config.endpoint ?? 'https://translation.googleapis.com';
  const edition =
    'serviceAccountKey' in config
      ? advancedEdition(id, config, http, baseURL)
      : basicEdition(id, config, http, baseURL);
  const catalog = providerLanguages(() => edition.languages());

  return {
    id,
    capabilities: { html: true, formality: false, glossary: edition.glossary },
    limits: edition.limits,
    pairsRefreshMs: deps.pairsTtlMs ?? DEFAULT_PAIRS_TTL_MS,
    pairs: () => pairsOf(catalog),
    healthy: () => catalogHealthy(catalog),
    async close() {},
    async translate(request: EngineRequest): Promise<EngineResult> {
      const pair = await resolveOrThrow(id, catalog, request.source, request.target);
      return translateInBatches(id, request.segments, edition.limits, async (batch) =>
        (await edition.translateBatch(batch, pair, request)).map(normaliseEntities),
      );
    },
  };
}
