/**
 * The proxy's managers' reports (`/v1/reports`), same-origin with the workspace's session cookie.
 * A refusal is a QueueApiError like the workspace's, so its messages are shared.
 */
import type { Report, ReportTenants } from '@parley/shared/api/report-schemas';
import { QueueApiError } from '../workspace/queueApi.js';

export type { Report } from '@parley/shared/api/report-schemas';

export interface ReportRequest {
  tenant?: string;
  /** YYYY-MM-DD; the proxy's defaults (the last 30 days) when omitted. */
  from?: string;
  to?: string;
}

const query = (request: ReportRequest): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(request))
    if (typeof value === 'string' && value) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
};

/** Where the CSV of the same report downloads from (a plain link: the browser saves it). */
export const reportCsvUrl = (request: ReportRequest): string => `/v1/reports/csv${query(request)}`;

export type ReportsApi = ReturnType<typeof createReportsApi>;

export function createReportsApi(fetchImpl: typeof fetch = (...args) => fetch(...args)) {
  async function get<T>(path: string): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(path, {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      });
    } catch {
      throw new QueueApiError('network', 'The Parley proxy cannot be reached.');
    }
    const answer = (await response.json().catch(() => ({}))) as T & {
      error?: { code?: string; message?: string };
    };
    if (response.ok) return answer;
    throw new QueueApiError(
      answer.error?.code ?? 'http_error',
      answer.error?.message ?? `The proxy answered ${response.status}.`,
      response.status,
    );
  }

  return {
    /** The tenants the signed-in translator manages; empty without the manager role. */
    tenants: () => get<ReportTenants>('/v1/reports/tenants').then((answer) => answer.tenants),
    report: (request: ReportRequest) => get<Report>(`/v1/reports${query(request)}`),
  };
}
