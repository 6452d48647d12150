/**
 * A report as one CSV table (RFC 4180: CRLF line ends, fields quoted when they hold a comma, a
 * quote or a line break, quotes doubled), one figure per row, so a spreadsheet can pivot it.
 * Names come from people (translator names, tenant-chosen engine labels): a field a spreadsheet
 * would run as a formula (starting with = + - @, or a tab or carriage return before one) gets a
 * leading apostrophe, as OWASP advises against CSV injection.
 */
import type { Report } from '@parley/shared/api/report-schemas';

const COLUMNS = [
  'figure',
  'day',
  'source',
  'target',
  'mode',
  'engine',
  'translator',
  'value',
] as const;
type Column = (typeof COLUMNS)[number];
type CsvRow = Partial<Record<Column, string | number>>;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: guarded against formulas, then quoted where RFC 4180 requires. */
export function csvField(value: string | number): string {
  // Numbers are the figures themselves: a negative one is no formula and stays a number.
  const text = typeof value === 'number' ? String(value) : value;
  const guarded = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvTable(rows: readonly CsvRow[]): string {
  const lines = [
    COLUMNS.join(','),
    ...rows.map((row) => COLUMNS.map((column) => csvField(row[column] ?? '')).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** Every figure of the report, in the report's order. */
export function reportCsv(report: Report): string {
  const rows: CsvRow[] = [];
  for (const row of report.repliesPerDay)
    rows.push({
      figure: 'replies',
      day: row.day,
      source: row.source,
      target: row.target,
      mode: row.mode,
      value: row.replies,
    });
  for (const row of report.timeToPost)
    rows.push({
      figure: 'median_seconds_to_post',
      source: row.source,
      target: row.target,
      mode: row.mode,
      value: row.medianSeconds,
    });
  for (const row of report.sla)
    for (const figure of ['met', 'late', 'fallbacks', 'flagged'] as const)
      rows.push({
        figure: `sla_${figure}`,
        source: row.source,
        target: row.target,
        mode: 'review',
        value: row[figure],
      });
  for (const row of report.editShare)
    rows.push({
      figure: 'changed_share',
      source: row.source,
      target: row.target,
      engine: row.engine,
      value: row.meanEditRatio,
    });
  for (const row of report.translators) {
    rows.push({ figure: 'approved', translator: row.name, value: row.approved });
    rows.push({ figure: 'rejected', translator: row.name, value: row.rejected });
    if (row.meanEditRatio !== null)
      rows.push({ figure: 'changed_share', translator: row.name, value: row.meanEditRatio });
  }
  return csvTable(rows);
}
