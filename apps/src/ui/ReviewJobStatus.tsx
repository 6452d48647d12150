/** A review job's status, polled from the proxy until the reply is posted (or the job ends). */
import { Dots } from '@zendeskgarden/react-loaders';
import { Well } from '@zendeskgarden/react-notifications';
import { useEffect, useState } from 'react';
import { FINAL_REPLY_STATUSES, type ProxyApi, type ReplyJob } from '../api/proxyApi.js';
import type { ProxyError } from '../host/helpdeskHost.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ErrorNotice } from './ErrorNotice.js';

interface ReviewJobStatusProps {
  api: ProxyApi;
  job: ReplyJob;
  pollIntervalMs: number;
}

export function ReviewJobStatus({ api, job: created, pollIntervalMs }: ReviewJobStatusProps) {
  const { t } = useI18n();
  const [job, setJob] = useState(created);
  const [error, setError] = useState<ProxyError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const final = FINAL_REPLY_STATUSES.includes(job.status);

  useEffect(() => {
    if (final || error) return;
    const timer = setTimeout(() => {
      api.getReply(job.id).then(setJob, (failure: ProxyError) => setError(failure));
    }, pollIntervalMs);
    return () => clearTimeout(timer);
  }, [api, job, final, error, pollIntervalMs, attempt]);

  return (
    <Well isRecessed className="parley-job" role="status" aria-live="polite">
      <strong>{t('review.title', { id: job.id })}</strong>
      <p data-testid="review-status" data-status={job.status}>
        {!final && <Dots size={14} />} {t(`review.status.${job.status}`)}
      </p>
      {error && (
        <ErrorNotice
          error={error}
          onRetry={() => {
            setError(null);
            setAttempt((n) => n + 1);
          }}
        />
      )}
    </Well>
  );
}
