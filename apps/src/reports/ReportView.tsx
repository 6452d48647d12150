/**
 * A manager's report for a range of days: the range (and team) picker, a CSV download of the
 * same figures, then charts where a picture reads faster (replies per day, characters changed)
 * and tables for the rest (time to post, review deadline, translators).
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input, Select } from '@zendeskgarden/react-forms';
import { Dots } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { languageName } from '../model/languages.js';
import { errorMessage } from '../workspace/errorMessage.js';
import { QueueApiError } from '../workspace/queueApi.js';
import { duration, longDay, percent } from './format.js';
import { RepliesChart } from './RepliesChart.js';
import { reportCsvUrl, type Report, type ReportRequest, type ReportsApi } from './reportsApi.js';
import { ShareChart } from './ShareChart.js';

type State =
  | { kind: 'loading' }
  /** Signed in, but manages no tenant. */
  | { kind: 'refused' }
  | { kind: 'failed'; failure: unknown }
  | { kind: 'ready'; report: Report };

const isEmpty = (report: Report) =>
  report.repliesPerDay.length === 0 &&
  report.sla.length === 0 &&
  report.editShare.length === 0 &&
  report.translators.length === 0;

export function ReportView({ api }: { api: ReportsApi }) {
  const { t, locale } = useI18n();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [tenants, setTenants] = useState<{ id: string; name: string }[]>([]);
  /** What the form shows; sent when the manager presses Show. */
  const [asked, setAsked] = useState<ReportRequest>({});

  const load = useCallback(
    async (request: ReportRequest) => {
      setState({ kind: 'loading' });
      try {
        const report = await api.report(request);
        setAsked({ tenant: report.tenant.id, from: report.from, to: report.to });
        setState({ kind: 'ready', report });
      } catch (failure) {
        // Kept as it came: its message is written at render, in the language shown then.
        setState({ kind: 'failed', failure });
      }
    },
    [api],
  );

  // The first tenant's last 30 days first; other ranges are asked for with the form.
  useEffect(() => {
    api.tenants().then(
      (managed) => {
        setTenants(managed);
        if (managed[0]) void load({ tenant: managed[0].id });
        else setState({ kind: 'refused' });
      },
      (failure: unknown) => setState({ kind: 'failed', failure }),
    );
  }, [api, load]);

  const pairName = (pair: { source: string; target: string }) =>
    t('reports.pair', {
      source: languageName(pair.source, locale),
      target: languageName(pair.target, locale),
    });
  const modeName = (mode: 'machine' | 'review') => t(`reports.mode.${mode}`);
  const report = state.kind === 'ready' ? state.report : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    void load(asked);
  }

  return (
    <section className="parley-reports" aria-labelledby="parley-reports-heading">
      <form className="parley-queue-bar" onSubmit={submit}>
        <h1 id="parley-reports-heading">{t('reports.heading')}</h1>
        {tenants.length > 1 && (
          <Field>
            <Field.Label>{t('reports.tenant')}</Field.Label>
            <Select
              value={asked.tenant ?? ''}
              onChange={(event) => setAsked({ ...asked, tenant: event.target.value })}
            >
              {tenants.map((tenant) => (
                <option key={tenant.id} value={tenant.id}>
                  {tenant.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field>
          <Field.Label>{t('reports.from')}</Field.Label>
          <Input
            type="date"
            required
            value={asked.from ?? ''}
            onChange={(event) => setAsked({ ...asked, from: event.target.value })}
          />
        </Field>
        <Field>
          <Field.Label>{t('reports.to')}</Field.Label>
          <Input
            type="date"
            required
            value={asked.to ?? ''}
            onChange={(event) => setAsked({ ...asked, to: event.target.value })}
          />
        </Field>
        <Button type="submit" disabled={state.kind === 'loading'}>
          {t('reports.show')}
        </Button>
        {report && (
          <a
            className="parley-download"
            href={reportCsvUrl({ tenant: report.tenant.id, from: report.from, to: report.to })}
            download
          >
            {t('reports.download')}
          </a>
        )}
      </form>

      {state.kind === 'loading' && (
        <p className="parley-muted" role="status">
          <Dots /> {t('reports.loading')}
        </p>
      )}
      {state.kind === 'refused' && (
        <Alert type="warning" role="alert">
          {t('reports.notManager')}
        </Alert>
      )}
      {state.kind === 'failed' && (
        <Alert type="error" role="alert">
          {state.failure instanceof QueueApiError && state.failure.code === 'not_a_manager'
            ? t('reports.notManager')
            : errorMessage(t, state.failure)}
        </Alert>
      )}
      {report && isEmpty(report) && (
        <p className="parley-empty">
          {t('reports.empty', {
            from: longDay(report.from, locale),
            to: longDay(report.to, locale),
          })}
        </p>
      )}
      {report && !isEmpty(report) && (
        <>
          {report.repliesPerDay.length > 0 && (
            <RepliesChart
              report={report}
              seriesName={(row) =>
                t('reports.series', { pair: pairName(row), mode: modeName(row.mode) })
              }
            />
          )}
          {report.timeToPost.length > 0 && (
            <FigureTable
              id="parley-time-heading"
              heading={t('reports.timeToPost.heading')}
              columns={[
                t('reports.timeToPost.languages'),
                t('reports.timeToPost.mode'),
                t('reports.timeToPost.replies'),
                t('reports.timeToPost.median'),
              ]}
              rows={report.timeToPost.map((row) => [
                pairName(row),
                modeName(row.mode),
                row.replies,
                duration(row.medianSeconds, locale),
              ])}
            />
          )}
          {report.sla.length > 0 && (
            <FigureTable
              id="parley-sla-heading"
              heading={t('reports.sla.heading')}
              columns={[
                t('reports.sla.languages'),
                t('reports.sla.met'),
                t('reports.sla.late'),
                t('reports.sla.fallbacks'),
                t('reports.sla.flagged'),
                t('reports.sla.rate'),
              ]}
              rows={report.sla.map((row) => {
                const decided = row.met + row.late + row.fallbacks;
                return [
                  pairName(row),
                  row.met,
                  row.late,
                  row.fallbacks,
                  row.flagged,
                  decided === 0 ? t('reports.none') : percent(row.met / decided, locale),
                ];
              })}
            />
          )}
          {report.editShare.length > 0 && (
            <ShareChart rows={report.editShare} pairName={pairName} />
          )}
          {report.translators.length > 0 && (
            <FigureTable
              id="parley-translators-heading"
              heading={t('reports.translators.heading')}
              columns={[
                t('reports.translators.name'),
                t('reports.translators.approved'),
                t('reports.translators.rejected'),
                t('reports.translators.changed'),
              ]}
              rows={report.translators.map((row) => [
                row.name,
                row.approved,
                row.rejected,
                row.meanEditRatio === null ? t('reports.none') : percent(row.meanEditRatio, locale),
              ])}
            />
          )}
        </>
      )}
    </section>
  );
}

/** A titled table: the heading names it for screen readers; the first cell heads each row. */
function FigureTable({
  id,
  heading,
  columns,
  rows,
}: {
  id: string;
  heading: string;
  columns: string[];
  rows: (string | number)[][];
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <table className="parley-queue-table" aria-labelledby={id}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([first, ...rest], index) => (
            <tr key={index}>
              <th scope="row">{first}</th>
              {rest.map((cell, column) => (
                <td key={column}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
