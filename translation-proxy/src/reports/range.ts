/**
 * The UTC days a report covers, from its query: both ends real calendar days, in order, at most
 * MAX_REPORT_DAYS apart; the last DEFAULT_REPORT_DAYS days up to today when not given.
 */
import { DEFAULT_REPORT_DAYS, MAX_REPORT_DAYS } from '@parley/shared/api/report-schemas';
import { ApiError } from '../errors.js';
import { DAY_MS, type TimeRange } from '../store/reports.js';

export interface ReportDays {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, included. */
  to: string;
  /** The same days as epoch milliseconds, the end exclusive. */
  range: TimeRange;
}

const dayString = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Midnight UTC of a YYYY-MM-DD day; refuses days the calendar has not (2026-02-30). */
function midnight(day: string, name: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms) || dayString(ms) !== day)
    throw new ApiError(
      'invalid_request',
      `${name} must be a calendar day (YYYY-MM-DD), not ${day}.`,
    );
  return ms;
}

export function reportDays(query: { from?: string; to?: string }, now = Date.now()): ReportDays {
  const end = query.to ? midnight(query.to, 'to') : Math.floor(now / DAY_MS) * DAY_MS;
  const start = query.from
    ? midnight(query.from, 'from')
    : end - (DEFAULT_REPORT_DAYS - 1) * DAY_MS;
  if (start > end) throw new ApiError('invalid_request', '`from` must not be after `to`.');
  const days = (end - start) / DAY_MS + 1;
  if (days > MAX_REPORT_DAYS)
    throw new ApiError(
      'invalid_request',
      `A report covers at most ${MAX_REPORT_DAYS} days; this range has ${days}.`,
    );
  return { from: dayString(start), to: dayString(end), range: { from: start, to: end + DAY_MS } };
}
