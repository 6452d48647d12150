/**
 * Azure AI Translator, Text Translation v3 (`POST /translate?api-version=3.0`). Masked segments
 * go with `textType=html`, which leaves the `<x id="N"/>` placeholders and escapes alone. A
 * regional or multi-service resource needs its region in `Ocp-Apim-Subscription-Region`. Errors
 * come as `{error:{code,message}}` with six-digit codes whose first three digits are the status.
 * v3 has no formality, and its only glossary mechanism (dynamic dictionary markup) is not used.
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
import { canonicalTag } from './language-tags.js';

export interface AzureConfig {
  kind: 'azure';
  key: string;
  /** Resource region (`westeurope`); required for regional and multi-service resources. */
  region?: string;
  /** Overrides `https://api.cognitive.microsofttranslator.com` (custom domains, tests). */
  endpoint?: string;
  /** Custom Translator category id. */
  category?: string;
}

/** 1 000 array elements and 50 000 characters per request, 50 000 per element. */
const LIMITS: EngineLimits = { maxSegments: 1000, maxChars: 50_000 };

const UNSUPPORTED = new Set([400019, 400023, 400035, 400036, 400075, 400079]);
const TOO_LONG = new Set([400050, 400072, 400077]);

const classify: ClassifyHttpFailure = ({ status, body }) => {
  const error = (body as { error?: { code?: number; message?: string } } | undefined)?.error;
  const code = Number(error?.code);
  const message = error?.message ?? providerMessage(body, 'request failed');
  if (UNSUPPORTED.has(code)) return { code: 'unsupported_language_pair', message };
  if (TOO_LONG.has(code)) return { code: 'text_too_long', message };
  if (code === 403001) return { code: 'engine_quota_exceeded', message };
  if (code === 408001) return { code: 'engine_unavailable', message };
  return { code: codeForStatus(status), message };
};

export function createAzureEngine(config: AzureConfig, deps: EngineDeps): ProviderEngine {
  const id = 'azure';
  const http: AxiosInstance = deps.http ?? defaultHttpClient();
  const baseURL = config.endpoint ?? 'https://api.cognitive.microsofttranslator.com';
  const headers: Record<string, string> = {
    'Ocp-Apim-Subscription-Key': config.key,
    ...(config.region ? { 'Ocp-Apim-Subscription-Region': config.region } : {}),
  };
  const secrets = [config.key];

  const catalog = providerLanguages(async () => {
    const data = await send<{ translation?: Record<string, unknown> }>(
      http,
      id,
      {
        method: 'GET',
        baseURL,
        url: '/languages',
        params: { 'api-version': '3.0', scope: 'translation' },
      },
      classify,
      secrets,
    );
    const languages = Object.keys(data?.translation ?? {}).map((code) => ({
      code,
      tag: canonicalTag(code),
    }));
    return { sources: languages, targets: languages };
  });

  return {
    id,
    capabilities: { html: true, formality: false, glossary: false },
    limits: LIMITS,
    pairsRefreshMs: deps.pairsTtlMs ?? DEFAULT_PAIRS_TTL_MS,
    pairs: () => pairsOf(catalog),
    healthy: () => catalogHealthy(catalog),
    async close() {},
    async translate(request: EngineRequest): Promise<EngineResult> {
      const pair = await resolveOrThrow(id, catalog, request.source, request.target);
      return translateInBatches(id, request.segments, LIMITS, async (batch) => {
        const data = await send<{ translations?: { text: string }[] }[]>(
          http,
          id,
          {
            method: 'POST',
            baseURL,
            url: '/translate',
            params: {
              'api-version': '3.0',
              from: pair.source.code,
              to: pair.target.code,
              textType: 'html',
              ...(config.category ? { category: config.category } : {}),
            },
            headers,
            signal: request.signal,
            data: batch.map((text) => ({ Text: text })),
          },
          classify,
          secrets,
        );
        if (!Array.isArray(data))
          throw new EngineError('engine_error', `${id}: unexpected response shape`, id);
        return data.map((item) => normaliseEntities(item.translations?.[0]?.text ?? ''));
      });
    },
  };
}
