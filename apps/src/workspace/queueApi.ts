/**
 * The proxy's translator API (`/v1/queue`, described in /openapi.json), typed from its
 * published schemas. The workspace is served by the proxy itself, so calls are same-origin: the
 * session cookie rides along and every POST and PUT but login echoes the session's CSRF token.
 */
import type {
  QueueClaimed,
  QueueDraft,
  QueueDraftSaved,
  QueueJobDetail,
  QueueJobStatus,
  QueueLease,
  QueueList,
  QueueQaIssue,
  QueueQaReport,
  QueueSession,
  QueueSessionState,
  QueueSubmit,
} from '@parley/shared/api/schemas';
import type { ConcordanceResults, QueueMatches } from '@parley/shared/api/memory-schemas';

export type { ConcordanceResults, QueueMatch } from '@parley/shared/api/memory-schemas';
export type {
  QueueJobDetail,
  QueueJobStatus,
  QueueJobSummary,
  QueueQaIssue,
  QueueSegment,
} from '@parley/shared/api/schemas';
export type Translator = QueueSession['translator'];

/** A refused call: the proxy's stable error code, or `network` when the proxy could not be reached. */
export class QueueApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 0,
    /** QA findings of a refused submission (`qa_failed`). */
    readonly qa: readonly QueueQaIssue[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'QueueApiError';
  }
}

interface ErrorAnswer {
  error?: { code?: string; message?: string };
  qa?: QueueQaIssue[];
}

export type QueueApi = ReturnType<typeof createQueueApi>;

export function createQueueApi(fetchImpl: typeof fetch = (...args) => fetch(...args)) {
  let csrfToken = '';

  async function call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
    let response: Response;
    try {
      response = await fetchImpl(path, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new QueueApiError('network', 'The Parley proxy cannot be reached.');
    }
    if (response.status === 204) return undefined as T;
    const answer = (await response.json().catch(() => ({}))) as T & ErrorAnswer;
    if (response.ok) return answer;
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new QueueApiError(
      answer.error?.code ?? 'http_error',
      answer.error?.message ?? `The proxy answered ${response.status}.`,
      response.status,
      answer.qa ?? [],
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }

  const jobPath = (id: string) => `/v1/queue/jobs/${encodeURIComponent(id)}`;
  const job = (id: string, action: string) => `${jobPath(id)}/${action}`;
  const remember = (session: QueueSession): Translator => {
    csrfToken = session.csrfToken;
    return session.translator;
  };

  return {
    /**
     * The signed-in translator, or `null` when there is no valid session. Asked of `/session`,
     * which answers 200 either way: nobody signed in yet is no error for the browser to log.
     */
    async me(): Promise<Translator | null> {
      const session = await call<QueueSessionState>('GET', '/v1/queue/session');
      return session.translator ? remember(session) : null;
    },
    login: async (email: string, password: string) =>
      remember(await call<QueueSession>('POST', '/v1/queue/login', { email, password })),
    async logout(): Promise<void> {
      await call<void>('POST', '/v1/queue/logout');
      csrfToken = '';
    },
    jobs: (pair?: { source: string; target: string }) =>
      call<QueueList>(
        'GET',
        pair
          ? `/v1/queue/jobs?${new URLSearchParams({ source: pair.source, target: pair.target }).toString()}`
          : '/v1/queue/jobs',
      ).then((list) => list.jobs),
    claim: (id: string): Promise<QueueJobDetail> =>
      call<QueueClaimed>('POST', job(id, 'claim')).then((claimed) => claimed.job),
    renew: (id: string) => call<QueueLease>('POST', job(id, 'renew')),
    release: (id: string) => call<void>('POST', job(id, 'release')),
    reject: (id: string, reason: string) => call<void>('POST', job(id, 'reject'), { reason }),
    /** What QA would refuse the submission for, without submitting it (empty: it would pass). */
    check: (id: string, submission: QueueSubmit) =>
      call<QueueQaReport>('POST', job(id, 'check'), submission).then((report) => report.qa),
    submit: (id: string, submission: QueueSubmit) =>
      call<{ status: 'approved' }>('POST', job(id, 'submit'), submission),
    /** Saves the edit so far; refused with `lease_expired` once the translator's claim is gone. */
    saveDraft: (id: string, draft: QueueDraft) =>
      call<QueueDraftSaved>('PUT', job(id, 'draft'), draft),
    /** Where the job stands: after approval, whether it was posted or why it failed. */
    status: (id: string) => call<QueueJobStatus>('GET', jobPath(id)),
    /** Fuzzy memory matches for every translatable segment, looked up now. */
    matches: (id: string) => call<QueueMatches>('GET', job(id, 'matches')),
    /** A word or phrase in the memory and glossary of the job's tenant and pair. */
    concordance: (id: string, query: string) =>
      call<ConcordanceResults>(
        'GET',
        `${job(id, 'concordance')}?${new URLSearchParams({ q: query }).toString()}`,
      ),
  };
}
