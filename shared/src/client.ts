/**
 * A typed client for the proxy's HTTP API (axios), used by benchmarks, tools and any Node or
 * browser caller that may hold a tenant key. Errors come back as `ParleyApiError` with the
 * proxy's stable code.
 */
import axios, { AxiosError, type AxiosInstance } from 'axios';
import type {
  DetectRequest,
  Detection,
  ErrorBody,
  HealthResponse,
  LanguagesResponse,
  TranslateRequest,
  TranslateResponse,
} from './api/schemas.js';

export class ParleyApiError extends Error {
  override readonly name = 'ParleyApiError';
  constructor(
    /** The proxy's stable code, or `network_error` when no answer came. */
    readonly code: string,
    message: string,
    readonly status: number | undefined,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(message);
  }
}

export interface ParleyClientOptions {
  baseUrl: string;
  apiKey?: string;
  timeoutMs?: number;
}

function toParleyError(error: unknown): unknown {
  if (!(error instanceof AxiosError)) return error;
  const response = error.response;
  if (!response) return new ParleyApiError('network_error', error.message, undefined, undefined);
  const body = response.data as Partial<ErrorBody> | undefined;
  const retryAfter = Number(response.headers['retry-after']);
  return new ParleyApiError(
    body?.error?.code ?? 'http_error',
    body?.error?.message ?? `HTTP ${response.status}`,
    response.status,
    Number.isFinite(retryAfter) ? retryAfter : undefined,
  );
}

export function createParleyClient(options: ParleyClientOptions) {
  const http: AxiosInstance = axios.create({
    baseURL: options.baseUrl,
    timeout: options.timeoutMs ?? 30_000,
    headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
  });
  const call = async <T>(request: Promise<{ data: T }>): Promise<T> => {
    try {
      return (await request).data;
    } catch (error) {
      throw toParleyError(error);
    }
  };
  return {
    health: () => call(http.get<HealthResponse>('/healthz')),
    languages: () => call(http.get<LanguagesResponse>('/v1/languages')),
    detect: (body: DetectRequest) => call(http.post<Detection>('/v1/detect', body)),
    translate: (body: TranslateRequest) =>
      call(http.post<TranslateResponse>('/v1/translate', body)),
  };
}

export type ParleyClient = ReturnType<typeof createParleyClient>;
