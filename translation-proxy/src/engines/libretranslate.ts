/**
 * A self-hosted LibreTranslate server (`POST /translate` with a `q` array, `format: html`,
 * optional `api_key`; `GET /languages` lists each source with its targets). Batch and character
 * limits are whatever the operator started the server with (`--batch-limit`, `--char-limit`),
 * so they come from the tenant's configuration. No formality, no glossaries.
 */
import type { AxiosInstance } from 'axios';
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
import { canonicalTag, type ProviderLanguage } from './language-tags.js';

export interface LibreTranslateConfig {
  kind: 'libretranslate';
  /** Base URL of the server, e.g. `http://127.0.0.1:5000`. */
  url: string;
  apiKey?: string;
  /** The server's `--char-limit` (characters per request); read from `/frontend/settings` when absent. */
  charLimit?: number;
  /** The server's `--batch-limit` (texts per request), when it has one. */
  batchLimit?: number;
}

interface LibreLanguage {
  code: string;
  name?: string;
  targets?: string[];
}

/** LibreTranslate's own short codes for variants: `zt` is Traditional Chinese, `pb` Brazilian Portuguese. */
const LIBRE_CODES: Record<string, string> = { zt: 'zh-Hant', pb: 'pt-BR' };

const classify: ClassifyHttpFailure = ({ status, body }) => {
  const message = providerMessage(body, 'request failed');
  // Servers that require a key answer 400 or 403 with a pointer to where one is obtained.
  if (/api key/i.test(message)) return { code: 'engine_auth_failed', message };
  if (status === 400 && /not supported|is not a valid|language/i.test(message))
    return { code: 'unsupported_language_pair', message };
  if (status === 400 && /limit|too long/i.test(message)) return { code: 'text_too_long', message };
  return { code: codeForStatus(status), message };
};

export function createLibreTranslateEngine(
  config: LibreTranslateConfig,
  deps: EngineDeps,
): ProviderEngine {
  const id = 'libretranslate';
  const http: AxiosInstance = deps.http ?? defaultHttpClient();
  const baseURL = config.url;
  const secrets = [config.apiKey];
  // Updated from the server's own settings when the configuration does not say.
  const limits: EngineLimits = {
    maxSegments: config.batchLimit ?? 100,
    ...(config.charLimit ? { maxChars: config.charLimit } : {}),
  };

  async function readCharLimit(): Promise<void> {
    if (config.charLimit) return;
    try {
      const settings = await send<{ charLimit?: number }>(
        http,
        id,
        { method: 'GET', baseURL, url: '/frontend/settings' },
        classify,
        secrets,
      );
      // -1 means no limit.
      if (typeof settings?.charLimit === 'number' && settings.charLimit > 0)
        limits.maxChars = settings.charLimit;
    } catch (error) {
      deps.logger.debug('libretranslate settings unavailable', {
        code: (error as { code?: string }).code,
      });
    }
  }

  const catalog = providerLanguages(async () => {
    await readCharLimit();
    const data = await send<LibreLanguage[]>(
      http,
      id,
      { method: 'GET', baseURL, url: '/languages' },
      classify,
      secrets,
    );
    const toLanguage = (code: string): ProviderLanguage => ({
      code,
      tag: canonicalTag(LIBRE_CODES[code] ?? code),
    });
    const served = new Set<string>();
    const targets = new Map<string, ProviderLanguage>();
    for (const language of data ?? [])
      for (const target of language.targets ?? []) {
        served.add(`${language.code}|${target}`);
        if (!targets.has(target)) targets.set(target, toLanguage(target));
      }
    return {
      sources: (data ?? []).map((language) => toLanguage(language.code)),
      targets: [...targets.values()],
      serves: (source, target) => served.has(`${source}|${target}`),
    };
  });

  return {
    id,
    capabilities: { html: true, formality: false, glossary: false },
    limits,
    pairsRefreshMs: deps.pairsTtlMs ?? DEFAULT_PAIRS_TTL_MS,
    pairs: () => pairsOf(catalog),
    healthy: () => catalogHealthy(catalog),
    async close() {},
    async translate(request: EngineRequest): Promise<EngineResult> {
      const pair = await resolveOrThrow(id, catalog, request.source, request.target);
      return translateInBatches(id, request.segments, limits, async (batch) => {
        const data = await send<{ translatedText?: string[] | string }>(
          http,
          id,
          {
            method: 'POST',
            baseURL,
            url: '/translate',
            signal: request.signal,
            data: {
              q: batch,
              source: pair.source.code,
              target: pair.target.code,
              format: 'html',
              ...(config.apiKey ? { api_key: config.apiKey } : {}),
            },
          },
          classify,
          secrets,
        );
        const translated = data?.translatedText;
        if (!Array.isArray(translated))
          throw new EngineError('engine_error', `${id}: unexpected response shape`, id);
        return translated.map(normaliseEntities);
      });
    },
  };
}
