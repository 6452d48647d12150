/**
 * The proxy endpoints the sidebar calls, typed, over whatever `HelpdeskHost.request` the app runs
 * in. Request and response shapes come from the proxy's published schemas in @parley/shared.
 */
import type {
  Detection,
  KnownPersonalValue,
  DetectRequest,
  LanguagesResponse,
  ReplyRequest,
  ReplyView,
  TranslateRequest,
  TranslateResponse,
} from '@parley/shared/api/schemas';
import type { HelpdeskHost, TicketContext } from '../host/helpdeskHost.js';

export type ReplyStatus = ReplyView['status'];

/** Statuses after which a job no longer changes. */
export const FINAL_REPLY_STATUSES: readonly ReplyStatus[] = ['posted', 'failed', 'fallback'];

/** What the sidebar shows of a job: `POST /v1/replies` answers id, status, due time; `GET` more. */
export type ReplyJob = Pick<ReplyView, 'id' | 'status'> &
  Partial<Pick<ReplyView, 'dueAt' | 'editor' | 'error' | 'flagged' | 'machine' | 'approved'>>;

export type ProxyApi = ReturnType<typeof createProxyApi>;

/** The body with the ticket's known personal values added as `hints.pii`, when there are any. */
function withPersonalData<T extends { hints?: object }>(
  body: T,
  personalData: readonly KnownPersonalValue[] | undefined,
): T {
  if (!personalData?.length) return body;
  return { ...body, hints: { ...body.hints, pii: personalData.slice(0, MAX_PERSONAL_VALUES) } };
}

/** The proxy accepts this many known values per request. */
const MAX_PERSONAL_VALUES = 20;

export function createProxyApi(
  host: Pick<HelpdeskHost, 'request'> & { context?: Pick<TicketContext, 'personalData'> },
) {
  const personalData = host.context?.personalData;
  return {
    detect: (body: DetectRequest) =>
      host.request<Detection>({
        method: 'POST',
        path: '/v1/detect',
        body: withPersonalData(body, personalData),
      }),

    translate: (body: TranslateRequest) =>
      host.request<TranslateResponse>({
        method: 'POST',
        path: '/v1/translate',
        body: withPersonalData(body, personalData),
      }),

    languages: () => host.request<LanguagesResponse>({ method: 'GET', path: '/v1/languages' }),

    createReply: (body: ReplyRequest, idempotencyKey: string) =>
      host.request<ReplyJob>({
        method: 'POST',
        path: '/v1/replies',
        body: withPersonalData(body, personalData),
        idempotencyKey,
      }),

    getReply: (id: string) =>
      host.request<ReplyJob>({ method: 'GET', path: `/v1/replies/${encodeURIComponent(id)}` }),
  };
}
