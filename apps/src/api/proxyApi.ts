/**
 * The proxy endpoints the sidebar calls, typed, over whatever `HelpdeskHost.request` the app runs
 * in. Request and response shapes come from the proxy's published schemas in @parley/shared.
 */
import type {
  Detection,
  DetectRequest,
  LanguagesResponse,
  ReplyRequest,
  ReplyView,
  TranslateRequest,
  TranslateResponse,
} from '@parley/shared/api/schemas';
import type { HelpdeskHost } from '../host/helpdeskHost.js';

export type ReplyStatus = ReplyView['status'];

/** Statuses after which a job no longer changes. */
export const FINAL_REPLY_STATUSES: readonly ReplyStatus[] = ['posted', 'failed', 'fallback'];

/** What the sidebar shows of a job: `POST /v1/replies` answers id, status, due time; `GET` more. */
export type ReplyJob = Pick<ReplyView, 'id' | 'status'> &
  Partial<Pick<ReplyView, 'dueAt' | 'editor' | 'error' | 'flagged' | 'machine' | 'approved'>>;

export type ProxyApi = ReturnType<typeof createProxyApi>;

export function createProxyApi(host: Pick<HelpdeskHost, 'request'>) {
  return {
    detect: (body: DetectRequest) =>
      host.request<Detection>({ method: 'POST', path: '/v1/detect', body }),

    translate: (body: TranslateRequest) =>
      host.request<TranslateResponse>({ method: 'POST', path: '/v1/translate', body }),

    languages: () => host.request<LanguagesResponse>({ method: 'GET', path: '/v1/languages' }),

    createReply: (body: ReplyRequest, idempotencyKey: string) =>
      host.request<ReplyJob>({ method: 'POST', path: '/v1/replies', body, idempotencyKey }),

    getReply: (id: string) =>
      host.request<ReplyJob>({ method: 'GET', path: `/v1/replies/${encodeURIComponent(id)}` }),
  };
}
