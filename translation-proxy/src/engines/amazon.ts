/**
 * Amazon Translate through the official `@aws-sdk/client-translate`, which signs requests
 * (SigV4) — signing is not hand-written here. `TranslateText` takes one text of at most 10 000
 * UTF-8 bytes and has no content-type switch, but it leaves HTML elements in the text alone
 * (Amazon's do-not-translate feature relies on that), so the `<x id="N"/>` placeholders survive.
 * Segments are sent one per call, a few in parallel. Formality maps to `Settings.Formality` for
 * the targets Amazon documents it for; glossaries are Amazon custom terminologies by name. The
 * SDK's own retries are off: the failover chain decides about retries and failover.
 */
import {
  ListLanguagesCommand,
  TranslateClient,
  TranslateTextCommand,
  type ListLanguagesCommandOutput,
  type TranslateClientConfig,
} from '@aws-sdk/client-translate';
import {
  EngineError,
  type EngineErrorCode,
  type EngineRequest,
  type EngineResult,
  type Formality,
} from './engine.js';
import {
  DEFAULT_PAIRS_TTL_MS,
  providerLanguages,
  catalogHealthy,
  mapConcurrently,
  pairsOf,
  redact,
  resolveOrThrow,
  splitIntoBatches,
  type EngineDeps,
  type EngineLimits,
  type ProviderEngine,
} from './http.js';
import { canonicalTag, languageKey } from './language-tags.js';

export interface AmazonConfig {
  kind: 'amazon';
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Custom terminology names applied to every request (Amazon allows one per request). */
  terminologyNames?: string[];
  formalityDefault?: Formality;
  /** Overrides the regional endpoint (VPC endpoints, tests). */
  endpoint?: string;
}

/** One text per call, 10 000 UTF-8 bytes each. */
const LIMITS: EngineLimits = { maxSegments: 1, maxBytes: 10_000 };
const PARALLEL_CALLS = 4;

/** Target languages for which Amazon documents `Settings.Formality` (by language key). */
const FORMALITY_TARGETS = new Set(
  ['nl', 'fr', 'fr-CA', 'de', 'hi', 'it', 'ja', 'ko', 'pt-PT', 'es', 'es-MX'].map(languageKey),
);
const FORMALITY_VALUES: Record<Formality, 'FORMAL' | 'INFORMAL' | undefined> = {
  default: undefined,
  more: 'FORMAL',
  less: 'INFORMAL',
};

const CODE_BY_NAME: Record<string, EngineErrorCode> = {
  ThrottlingException: 'engine_rate_limited',
  TooManyRequestsException: 'engine_rate_limited',
  LimitExceededException: 'engine_rate_limited',
  TextSizeLimitExceededException: 'text_too_long',
  UnsupportedLanguagePairException: 'unsupported_language_pair',
  ServiceUnavailableException: 'engine_unavailable',
  InternalServerException: 'engine_unavailable',
  UnrecognizedClientException: 'engine_auth_failed',
  InvalidSignatureException: 'engine_auth_failed',
  AccessDeniedException: 'engine_auth_failed',
  ExpiredTokenException: 'engine_auth_failed',
  InvalidClientTokenId: 'engine_auth_failed',
  MissingAuthenticationTokenException: 'engine_auth_failed',
  TimeoutError: 'engine_timeout',
  AbortError: 'engine_timeout',
  RequestTimeout: 'engine_timeout',
  ECONNREFUSED: 'engine_unavailable',
  ECONNRESET: 'engine_unavailable',
  ENOTFOUND: 'engine_unavailable',
};

/** Maps an SDK error by its name (and status) to an `EngineError` without any credential in it. */
export function amazonError(error: unknown, secrets: readonly (string | undefined)[]): EngineError {
  if (error instanceof EngineError) return error;
  const details = error as {
    name?: string;
    message?: string;
    code?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const name = details?.name ?? 'Error';
  const status = details?.$metadata?.httpStatusCode;
  const code =
    CODE_BY_NAME[name] ??
    (details?.code ? CODE_BY_NAME[details.code] : undefined) ??
    (status !== undefined && status >= 500
      ? 'engine_unavailable'
      : status === undefined
        ? 'engine_unavailable'
        : 'engine_error');
  const message = redact(
    `amazon: ${name}: ${details?.message ?? 'request failed'}${status ? ` (HTTP ${status})` : ''}`,
    secrets,
  );
  return new EngineError(code, message, 'amazon');
}

export function createAmazonEngine(config: AmazonConfig, deps: EngineDeps): ProviderEngine {
  const id = 'amazon';
  const secrets = [config.accessKeyId, config.secretAccessKey, config.sessionToken];
  const clientConfig: TranslateClientConfig = {
    region: config.region,
    credentials: {
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      ...(config.sessionToken ? { sessionToken: config.sessionToken } : {}),
    },
    maxAttempts: 1,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
  };
  const client = new TranslateClient(clientConfig);

  const catalog = providerLanguages(async () => {
    const languages: { code: string; tag: string }[] = [];
    let nextToken: string | undefined;
    do {
      let page: ListLanguagesCommandOutput;
      try {
        page = await client.send(
          new ListLanguagesCommand({ MaxResults: 500, NextToken: nextToken }),
        );
      } catch (error) {
        throw amazonError(error, secrets);
      }
      for (const language of page.Languages ?? [])
        if (language.LanguageCode && language.LanguageCode !== 'auto')
          languages.push({ code: language.LanguageCode, tag: canonicalTag(language.LanguageCode) });
      nextToken = page.NextToken;
    } while (nextToken);
    return { sources: languages, targets: languages };
  });

  return {
    id,
    capabilities: { html: true, formality: true, glossary: true },
    limits: LIMITS,
    pairsRefreshMs: deps.pairsTtlMs ?? DEFAULT_PAIRS_TTL_MS,
    pairs: () => pairsOf(catalog),
    healthy: () => catalogHealthy(catalog),
    async close() {
      client.destroy();
    },
    async translate(request: EngineRequest): Promise<EngineResult> {
      const pair = await resolveOrThrow(id, catalog, request.source, request.target);
      const batches = splitIntoBatches(id, request.segments, LIMITS);
      const wanted =
        request.formality && request.formality !== 'default'
          ? request.formality
          : (config.formalityDefault ?? 'default');
      const formality = FORMALITY_TARGETS.has(languageKey(pair.target.tag))
        ? FORMALITY_VALUES[wanted]
        : undefined;
      const translated = await mapConcurrently(batches, PARALLEL_CALLS, async ([text]) => {
        try {
          const output = await client.send(
            new TranslateTextCommand({
              Text: text!,
              SourceLanguageCode: pair.source.code,
              TargetLanguageCode: pair.target.code,
              ...(formality ? { Settings: { Formality: formality } } : {}),
              ...(config.terminologyNames?.length
                ? { TerminologyNames: config.terminologyNames }
                : {}),
            }),
            { abortSignal: request.signal },
          );
          return output.TranslatedText ?? '';
        } catch (error) {
          throw amazonError(error, secrets);
        }
      });
      return {
        segments: translated,
        billedCharacters: request.segments.reduce((sum, segment) => sum + segment.length, 0),
      };
    },
  };
}
