/**
 * DeepL API v2 (`POST /v2/translate`). Free keys (ending in `:fx`) go to api-free.deepl.com, Pro
 * keys to api.deepl.com. Masked segments are sent with `tag_handling=xml`, which keeps the empty
 * `<x id="N"/>` placeholders in place and the XML escapes intact. Formality maps to
 * `prefer_more`/`prefer_less` (never an error on a language without formality); a glossary is
 * chosen per pair from the tenant's configured DeepL glossary ids.
 */
import type { AxiosInstance } from 'axios';
import { EngineError, type EngineRequest, type EngineResult, type Formality } from './engine.js';
import {
  DEFAULT_PAIRS_TTL_MS,
  defaultHttpClient,
  providerLanguages,
  catalogHealthy,
  codeForStatus,
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
import { canonicalTag } from './language-tags.js';
import { glossaryFor, type ProviderGlossary } from './provider-glossaries.js';

export interface DeeplConfig {
  kind: 'deepl';
  authKey: string;
  /** Formality when the request leaves it at `default`. */
  formalityDefault?: Formality;
  glossaries?: ProviderGlossary[];
  /** Overrides the host chosen from the key (regional endpoints, tests). */
  serverUrl?: string;
}

interface DeeplLanguage {
  language: string;
  name?: string;
  supports_formality?: boolean;
}

interface DeeplTranslateResponse {
  translations: { text: string; detected_source_language?: string; billed_characters?: number }[];
}

/** 50 texts per request; the whole request body may be at most 128 KiB (some left for JSON). */
const LIMITS: EngineLimits = { maxSegments: 50, maxBytes: 120 * 1024 };

const classify: ClassifyHttpFailure = ({ status, body }) => {
  const message = providerMessage(body, 'request failed');
  if (status === 456)
    return { code: 'engine_quota_exceeded', message: `quota exceeded: ${message}` };
  if (status === 529)
    return { code: 'engine_rate_limited', message: `too many requests: ${message}` };
  if (status === 400 && /(source_lang|target_lang|language)/i.test(message))
    return { code: 'unsupported_language_pair', message };
  return { code: codeForStatus(status), message };
};

export function deeplHost(authKey: string): string {
  return authKey.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com';
}

const FORMALITY: Record<Formality, string | undefined> = {
  default: undefined,
  more: 'prefer_more',
  less: 'prefer_less',
};

export function createDeeplEngine(config: DeeplConfig, deps: EngineDeps): ProviderEngine {
  const id = 'deepl';
  const http: AxiosInstance = deps.http ?? defaultHttpClient();
  const baseURL = config.serverUrl ?? deeplHost(config.authKey);
  const headers = { Authorization: `DeepL-Auth-Key ${config.authKey}` };
  const secrets = [config.authKey];

  const languages = (type: 'source' | 'target') =>
    send<DeeplLanguage[]>(
      http,
      id,
      { method: 'GET', baseURL, url: '/v2/languages', params: { type }, headers },
      classify,
      secrets,
    );

  const catalog = providerLanguages(async () => {
    const [sources, targets] = await Promise.all([languages('source'), languages('target')]);
    const toLanguage = (language: DeeplLanguage) => ({
      code: language.language,
      tag: canonicalTag(language.language),
    });
    return { sources: sources.map(toLanguage), targets: targets.map(toLanguage) };
  });

  return {
    id,
    capabilities: { html: true, formality: true, glossary: true },
    limits: LIMITS,
    pairsRefreshMs: deps.pairsTtlMs ?? DEFAULT_PAIRS_TTL_MS,
    pairs: () => pairsOf(catalog),
    healthy: () => catalogHealthy(catalog),
    async close() {},
    async translate(request: EngineRequest): Promise<EngineResult> {
      const pair = await resolveOrThrow(id, catalog, request.source, request.target);
      const formality =
        FORMALITY[
          request.formality && request.formality !== 'default'
            ? request.formality
            : (config.formalityDefault ?? 'default')
        ];
      const glossaryId = glossaryFor(config.glossaries, request.source, request.target)?.id;
      let billed = 0;
      const result = await translateInBatches(id, request.segments, LIMITS, async (batch) => {
        const data = await send<DeeplTranslateResponse>(
          http,
          id,
          {
            method: 'POST',
            baseURL,
            url: '/v2/translate',
            headers,
            signal: request.signal,
            data: {
              text: batch,
              source_lang: pair.source.code,
              target_lang: pair.target.code,
              tag_handling: 'xml',
              show_billed_characters: true,
              ...(formality ? { formality } : {}),
              ...(glossaryId ? { glossary_id: glossaryId } : {}),
            },
          },
          classify,
          secrets,
        );
        if (!Array.isArray(data?.translations))
          throw new EngineError('engine_error', `${id}: unexpected response shape`, id);
        billed += data.translations.reduce(
          (sum, translation, index) =>
            sum + (translation.billed_characters ?? batch[index]?.length ?? 0),
          0,
        );
        return data.translations.map((translation) => translation.text);
      });
      deps.logger.debug('deepl translated', { segments: request.segments.length, billed });
      return { segments: result.segments, billedCharacters: billed };
    },
  };
}
