/**
 * A self-hosted Apertium APy server (`/translate?langpair=eng|spa&q=…`, `/listPairs`). APy
 * translates one text per request; segments are sent a few at a time with `format=html`, so
 * Apertium's HTML deformatter keeps `<x id="N"/>` as inline tags and leaves the escapes alone.
 * Unknown-word marks are switched off (`markUnknown=no`) and runs of spaces that Apertium leaves
 * behind are collapsed. APy's codes are ISO 639-3 (`eng`, `por_BR`), named in BCP 47 the same way
 * the embedded Apertium engine names its modes.
 */
import type { AxiosInstance } from 'axios';
import { EngineError, type EngineRequest, type EngineResult } from './engine.js';
import { toBcp47 } from './apertium/modes.js';
import {
  DEFAULT_PAIRS_TTL_MS,
  defaultHttpClient,
  providerLanguages,
  catalogHealthy,
  codeForStatus,
  mapConcurrently,
  normaliseEntities,
  pairsOf,
  providerMessage,
  resolveOrThrow,
  send,
  splitIntoBatches,
  type ClassifyHttpFailure,
  type EngineDeps,
  type EngineLimits,
  type ProviderEngine,
} from './http.js';
import type { ProviderLanguage } from './language-tags.js';

export interface ApyConfig {
  kind: 'apy';
  /** Base URL of the APy server, e.g. `http://127.0.0.1:2737`. */
  url: string;
}

/** APy takes one text per request and has no documented size limit of its own. */
const LIMITS: EngineLimits = { maxSegments: 1 };
const PARALLEL_CALLS = 4;

const classify: ClassifyHttpFailure = ({ status, body }) => {
  const message = providerMessage(body, 'request failed');
  if (status === 400 && /pair/i.test(message))
    return { code: 'unsupported_language_pair', message };
  return { code: codeForStatus(status), message };
};

interface ApyPairs {
  responseData?: { sourceLanguage: string; targetLanguage: string }[];
}

export function createApyEngine(config: ApyConfig, deps: EngineDeps): ProviderEngine {
  const id = 'apy';
  const http: AxiosInstance = deps.http ?? defaultHttpClient();
  const baseURL = config.url;

  const catalog = providerLanguages(async () => {
    const data = await send<ApyPairs>(
      http,
      id,
      { method: 'GET', baseURL, url: '/listPairs' },
      classify,
      [],
    );
    const sources = new Map<string, ProviderLanguage>();
    const targets = new Map<string, ProviderLanguage>();
    const served = new Set<string>();
    for (const { sourceLanguage, targetLanguage } of data?.responseData ?? []) {
      const source = toBcp47(sourceLanguage);
      const target = toBcp47(targetLanguage);
      // Orthographic variants without a BCP 47 name (`cat_valencia`) stay out of the catalog.
      if (!source || !target) continue;
      if (!sources.has(sourceLanguage))
        sources.set(sourceLanguage, { code: sourceLanguage, tag: source });
      if (!targets.has(targetLanguage))
        targets.set(targetLanguage, { code: targetLanguage, tag: target });
      served.add(`${sourceLanguage}|${targetLanguage}`);
    }
    return {
      sources: [...sources.values()],
      targets: [...targets.values()],
      serves: (source, target) => served.has(`${source}|${target}`),
    };
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
      const batches = splitIntoBatches(id, request.segments, LIMITS);
      const segments = await mapConcurrently(batches, PARALLEL_CALLS, async ([text]) => {
        const data = await send<{ responseData?: { translatedText?: string } }>(
          http,
          id,
          {
            method: 'POST',
            baseURL,
            url: '/translate',
            signal: request.signal,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            data: new URLSearchParams({
              langpair: `${pair.source.code}|${pair.target.code}`,
              q: text!,
              markUnknown: 'no',
              format: 'html',
            }).toString(),
          },
          classify,
          [],
        );
        const translated = data?.responseData?.translatedText;
        if (typeof translated !== 'string')
          throw new EngineError('engine_error', `${id}: unexpected response shape`, id);
        return normaliseEntities(translated).replace(/ {2,}/g, ' ').trim();
      });
      return {
        segments,
        billedCharacters: request.segments.reduce((sum, segment) => sum + segment.length, 0),
      };
    },
  };
}
