/**
 * Google Cloud Translation, Basic edition (v2 REST) with an API key, sent in the
 * `X-Goog-Api-Key` header so it never sits in a URL. Masked segments go with `format: html`,
 * which leaves the `<x id="N"/>` placeholders alone; Google answers HTML-escaped text (`&#39;`),
 * which is brought back to the masked-segment form.
 *
 * Not built here: glossaries need the Advanced edition (v3), which takes OAuth credentials of a
 * service account rather than an API key, a project id and location, a glossary resource created
 * beforehand (`projects/{project}/locations/{location}/glossaries/{id}`, not `global` for
 * glossaries), and requests to `POST /v3/projects/{project}/locations/{location}:translateText`
 * with `contents`, `mimeType: text/html`, `sourceLanguageCode`, `targetLanguageCode` and
 * `glossaryConfig: {glossary}`; the answer carries `glossaryTranslations` beside `translations`.
 * Neither edition offers formality.
 */
import type { AxiosInstance } from 'axios';
import { EngineError, type EngineRequest, type EngineResult } from './engine.js';
import {
  DEFAULT_PAIRS_TTL_MS,
  defaultHttpClient,
  TtlCache,
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
import { canonicalTag, type LanguageCatalog, type ProviderLanguage } from './language-tags.js';

export interface GoogleConfig {
  kind: 'google';
  apiKey: string;
  /** Overrides `https://translation.googleapis.com` (tests, private endpoints). */
  endpoint?: string;
}

interface GoogleErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    errors?: { reason?: string }[];
    details?: { reason?: string }[];
  };
}

/** 128 strings per request; 30 000 code points per request (Google's documented ceiling). */
const LIMITS: EngineLimits = { maxSegments: 128, maxChars: 30_000 };

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
  if (
    status === 400 &&
    /language pair|target language|source language|invalid value/i.test(message)
  )
    return { code: 'unsupported_language_pair', message };
  if (status === 400 && /too long|too large|text length/i.test(message))
    return { code: 'text_too_long', message };
  return { code: codeForStatus(status), message };
};

export function createGoogleEngine(config: GoogleConfig, deps: EngineDeps): ProviderEngine {
  const id = 'google';
  const http: AxiosInstance = deps.http ?? defaultHttpClient();
  const baseURL = config.endpoint ?? 'https://translation.googleapis.com';
  const headers = { 'X-Goog-Api-Key': config.apiKey };
  const secrets = [config.apiKey];

  const catalog = new TtlCache<LanguageCatalog>(async () => {
    const data = await send<{ data?: { languages?: { language: string }[] } }>(
      http,
      id,
      { method: 'GET', baseURL, url: '/language/translate/v2/languages', headers },
      classify,
      secrets,
    );
    // Legacy codes (`iw`, `jw`) canonicalise to their current tags (`he`, `jv`); Google may list
    // both spellings, so the first one of each tag is kept.
    const byTag = new Map<string, ProviderLanguage>();
    for (const { language } of data?.data?.languages ?? []) {
      const tag = canonicalTag(language);
      if (!byTag.has(tag)) byTag.set(tag, { code: language, tag });
    }
    const languages = [...byTag.values()];
    return { sources: languages, targets: languages };
  }, deps.pairsTtlMs ?? DEFAULT_PAIRS_TTL_MS);

  return {
    id,
    capabilities: { html: true, formality: false, glossary: false },
    limits: LIMITS,
    pairs: () => pairsOf(catalog),
    healthy: () => catalogHealthy(catalog),
    async close() {},
    async translate(request: EngineRequest): Promise<EngineResult> {
      const pair = await resolveOrThrow(id, catalog, request.source, request.target);
      return translateInBatches(id, request.segments, LIMITS, async (batch) => {
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
        if (!Array.isArray(translations))
          throw new EngineError('engine_error', `${id}: unexpected response shape`, id);
        return translations.map((translation) => normaliseEntities(translation.translatedText));
      });
    },
  };
}
