/**
 * Replies posted per day, stacked by language pair and mode: plain SVG (a chart library would
 * weigh more than the page). Each day's column says its figures on hover and to screen readers;
 * "Show the numbers" opens the same figures as a table for the keyboard and for copying.
 */
import { useI18n } from '../i18n/I18nProvider.js';
import type { Report } from './reportsApi.js';
import { daysBetween, shortDay } from './format.js';

/** Okabe–Ito: told apart with the common colour-vision deficiencies. */
export const SERIES_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
];

const WIDTH = 720;
const HEIGHT = 240;
const LEFT = 40;
const BOTTOM = 24;
const TOP = 8;

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value`: round gridlines. */
function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= value) ?? value;
}

type Row = Report['repliesPerDay'][number];

export function RepliesChart({
  report,
  seriesName,
}: {
  report: Report;
  /** "English → Spanish, reviewed". */
  seriesName: (row: Pick<Row, 'source' | 'target' | 'mode'>) => string;
}) {
  const { t, locale } = useI18n();
  const days = daysBetween(report.from, report.to);
  const series = [
    ...new Map(
      report.repliesPerDay.map((row) => [`${row.source}>${row.target}>${row.mode}`, row]),
    ).entries(),
  ]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, row]) => ({ key, name: seriesName(row) }));
  const counts = new Map(
    report.repliesPerDay.map((row) => [
      `${row.day}|${row.source}>${row.target}>${row.mode}`,
      row.replies,
    ]),
  );
  const count = (day: string, key: string) => counts.get(`${day}|${key}`) ?? 0;
  const totals = days.map((day) => series.reduce((sum, { key }) => sum + count(day, key), 0));
  const top = niceCeiling(Math.max(...totals));
  const plotWidth = WIDTH - LEFT;
  const plotHeight = HEIGHT - BOTTOM - TOP;
  const slot = plotWidth / days.length;
  const y = (value: number) => TOP + plotHeight - (value / top) * plotHeight;
  const labelEvery = Math.ceil(days.length / 10);

  return (
    <figure className="parley-chart" aria-labelledby="parley-replies-heading">
      <figcaption>
        <h2 id="parley-replies-heading">{t('reports.replies.heading')}</h2>
        <span className="parley-muted">{t('reports.replies.caption')}</span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="parley-replies-heading">
        {[0, top / 2, top].map((tick) => (
          <g key={tick} className="parley-chart-grid">
            <line x1={LEFT} x2={WIDTH} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end">
              {new Intl.NumberFormat(locale).format(tick)}
            </text>
          </g>
        ))}
        {days.map((day, index) => {
          let stacked = 0;
          return (
            <g key={day} data-day={day}>
              <title>
                {t('reports.replies.bar', {
                  day: shortDay(day, locale),
                  count: totals[index] ?? 0,
                })}
              </title>
              {series.map(({ key }, position) => {
                const value = count(day, key);
                if (value === 0) return null;
                const bottom = y(stacked);
                stacked += value;
                return (
                  <rect
                    key={key}
                    x={LEFT + index * slot + slot * 0.1}
                    width={slot * 0.8}
                    y={y(stacked)}
                    height={bottom - y(stacked)}
                    fill={SERIES_COLOURS[position % SERIES_COLOURS.length]}
                  />
                );
              })}
              {index % labelEvery === 0 && (
                <text x={LEFT + index * slot + slot / 2} y={HEIGHT - 6} textAnchor="middle">
                  {shortDay(day, locale)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className="parley-legend">
        {series.map(({ key, name }, position) => (
          <li key={key}>
            <span
              className="parley-swatch"
              style={{ background: SERIES_COLOURS[position % SERIES_COLOURS.length] }}
            />
            {name}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('reports.replies.numbers')}</summary>
        <table className="parley-queue-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.replies.day')}</th>
              {series.map(({ key, name }) => (
                <th key={key} scope="col">
                  {name}
                </th>
              ))}
              <th scope="col">{t('reports.replies.total')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day, index) =>
              totals[index] ? (
                <tr key={day}>
                  <th scope="row">{shortDay(day, locale)}</th>
                  {series.map(({ key }) => (
                    <td key={key}>{count(day, key)}</td>
                  ))}
                  <td>{totals[index]}</td>
                </tr>
              ) : null,
            )}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
