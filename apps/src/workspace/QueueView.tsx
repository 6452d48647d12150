/**
 * The queue: replies waiting for review in the translator's tenants and pairs, earliest due
 * first, filterable by pair, refreshed on its own so new jobs appear without a reload.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Select } from '@zendeskgarden/react-forms';
import { Dots } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { Tag } from '@zendeskgarden/react-tags';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { languageName } from '../model/languages.js';
import { errorMessage } from './errorMessage.js';
import type { QueueApi, QueueJobSummary, Translator } from './queueApi.js';
import { clockTime, relativeTime } from './time.js';

const REFRESH_MS = 15_000;

interface QueueViewProps {
  api: QueueApi;
  translator: Translator;
  onOpen: (jobId: string) => void;
  /** Why the last opened job closed, or a claim that failed: shown above the list. */
  notice?: { type: 'success' | 'error'; text: string } | undefined;
}

const pairKey = (pair: { source: string; target: string }) => `${pair.source}>${pair.target}`;

export function QueueView({ api, translator, onOpen, notice }: QueueViewProps) {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState('');
  const [jobs, setJobs] = useState<QueueJobSummary[]>();
  const [error, setError] = useState<string>();
  const [now, setNow] = useState(Date.now());

  const pairName = useCallback(
    (pair: { source: string; target: string }) =>
      t('workspace.queue.pair', {
        source: languageName(pair.source, locale),
        target: languageName(pair.target, locale),
      }),
    [t, locale],
  );

  const load = useCallback(async () => {
    const pair = translator.pairs.find((entry) => pairKey(entry) === filter);
    try {
      setJobs(await api.jobs(pair));
      setError(undefined);
    } catch (failure) {
      setError(errorMessage(t, failure));
    }
    setNow(Date.now());
  }, [api, filter, translator.pairs, t]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  return (
    <section className="parley-queue" aria-labelledby="parley-queue-heading">
      <div className="parley-queue-bar">
        <h1 id="parley-queue-heading">{t('workspace.queue.heading')}</h1>
        <Field>
          <Field.Label>{t('workspace.queue.filter')}</Field.Label>
          <Select value={filter} onChange={(event) => setFilter(event.target.value)}>
            <option value="">{t('workspace.queue.allPairs')}</option>
            {translator.pairs.map((pair) => (
              <option key={pairKey(pair)} value={pairKey(pair)}>
                {pairName(pair)}
              </option>
            ))}
          </Select>
        </Field>
        <Button size="small" onClick={() => void load()}>
          {t('workspace.queue.refresh')}
        </Button>
      </div>
      {notice && (
        <Alert type={notice.type} role={notice.type === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </Alert>
      )}
      {error && (
        <Alert type="error" role="alert">
          {error}
        </Alert>
      )}
      {jobs === undefined && !error && (
        <p className="parley-muted" role="status">
          <Dots /> {t('workspace.queue.loading')}
        </p>
      )}
      {jobs?.length === 0 && <p className="parley-empty">{t('workspace.queue.empty')}</p>}
      {jobs && jobs.length > 0 && (
        <table className="parley-queue-table">
          <thead>
            <tr>
              <th scope="col">{t('workspace.queue.due')}</th>
              <th scope="col">{t('workspace.queue.languages')}</th>
              <th scope="col">{t('workspace.queue.team')}</th>
              <th scope="col">{t('workspace.queue.priority')}</th>
              <th scope="col">{t('workspace.queue.reply')}</th>
              <th scope="col">{t('workspace.queue.action')}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => {
              const overdue = Date.parse(job.dueAt) < now;
              const takenByOther = job.status === 'in_review' && !job.claimedByMe;
              return (
                <tr key={job.id} data-job={job.id}>
                  <td title={clockTime(job.dueAt, now, locale)}>
                    <span className={overdue ? 'parley-overdue' : undefined}>
                      {relativeTime(job.dueAt, now, locale)}
                    </span>
                    {job.flagged && (
                      <Tag hue="red" size="small">
                        {t('workspace.queue.flagged')}
                      </Tag>
                    )}
                  </td>
                  <td>{pairName(job)}</td>
                  <td>{job.tenant.name}</td>
                  <td>{t(`workspace.priority.${job.priority}`)}</td>
                  <td className="parley-preview" lang={job.source}>
                    {job.preview}
                  </td>
                  <td>
                    {takenByOther ? (
                      <span className="parley-muted">{t('workspace.queue.beingEdited')}</span>
                    ) : (
                      <Button
                        size="small"
                        isPrimary={!job.claimedByMe}
                        onClick={() => onOpen(job.id)}
                      >
                        {job.claimedByMe
                          ? t('workspace.queue.continue')
                          : t('workspace.queue.claim')}
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
