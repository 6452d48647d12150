/**
 * The proxy endpoints the sidebar calls, typed, over whatever `HelpdeskHost.request` the app runs
 * in. Request and response shapes come from the proxy's published schemas in @parley/shared.
 */
import type {
  Detection,
  DetectRequest,
  LanguagesResponse,
  TranslateRequest,
  TranslateResponse,
} from '@parley/shared/api/schemas';
import type { HelpdeskHost } from '../host/helpdeskHost.js';

export type ReplyStatus =
  'queued' | 'in_review' | 'approved' | 'posting' | 'posted' | 'failed' | 'fallback';

/** Statuses after which a job no longer changes. */
export const FINAL_REPLY_STATUSES: readonly ReplyStatus[] = ['posted', 'failed', 'fallback'];

export interface CreateReplyRequest {
  helpdesk: 'zendesk' | 'freshdesk';
  ticketId: string;
  authorId: string;
  draft: string;
  format: 'html' | 'text';
  source?: string;
  target: string;
  mode: 'machine' | 'review';
}

export interface ReplyJob {
  id: string;
  status: ReplyStatus;
}

export type ProxyApi = ReturnType<typeof createProxyApi>;

export function createProxyApi(host: Pick<HelpdeskHost, 'request'>) {
  return {
    detect: (body: DetectRequest) =>
      host.request<Detection>({ method: 'POST', path: '/v1/detect', body }),

    translate: (body: TranslateRequest) =>
      host.request<TranslateResponse>({ method: 'POST', path: '/v1/translate', body }),

    languages: () => host.request<LanguagesResponse>({ method: 'GET', path: '/v1/languages' }),

    createReply: (body: CreateReplyRequest, idempotencyKey: string) =>
      host.request<ReplyJob>({ method: 'POST', path: '/v1/replies', body, idempotencyKey }),

    getReply: (id: string) =>
      host.request<ReplyJob>({ method: 'GET', path: `/v1/replies/${encodeURIComponent(id)}` }),
  };
}
