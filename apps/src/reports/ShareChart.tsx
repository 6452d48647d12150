/**
 * The share of characters translators changed, per language pair and engine, as horizontal bars
 * (HTML, so long labels wrap and the figures are text a screen reader and a search can find).
 */
import { useI18n } from '../i18n/I18nProvider.js';
import { percent } from './format.js';
import type { Report } from './reportsApi.js';

export function ShareChart({
  rows,
  pairName,
}: {
  rows: Report['editShare'];
  pairName: (pair: { source: string; target: string }) => string;
}) {
  const { t, locale } = useI18n();
  return (
    <figure className="parley-chart" aria-labelledby="parley-edits-heading">
      <figcaption>
        <h2 id="parley-edits-heading">{t('reports.edits.heading')}</h2>
        <span className="parley-muted">{t('reports.edits.caption')}</span>
      </figcaption>
      <ul className="parley-bars">
        {rows.map((row) => {
          const label = `${pairName(row)} · ${row.engine}`;
          const share = percent(row.meanEditRatio, locale);
          return (
            <li
              key={`${row.source}>${row.target}>${row.engine}`}
              title={t('reports.edits.bar', { label, share, count: row.jobs })}
            >
              <span className="parley-bar-label">{label}</span>
              <span className="parley-bar" aria-hidden="true">
                <span style={{ width: `${Math.min(1, row.meanEditRatio) * 100}%` }} />
              </span>
              <span className="parley-bar-value">{share}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
