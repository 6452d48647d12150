/**
 * What became of a reply the translator approved: the workspace follows the job until the
 * outbox has posted it, or failed to, and says which — a failure as a failure, with its reason in
 * the translator's language, never a success notice over a reply that was not posted.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { QueueApi, QueueJobStatus } from './queueApi.js';

const DONE = ['posted', 'failed'];
const KNOWN_FAILURES = ['helpdesk_not_configured', 'helpdesk_rejected', 'helpdesk_unavailable'];

interface PostingStatusProps {
  api: QueueApi;
  jobId: string;
  ticketId: string;
  onClose: () => void;
  /** How often to ask the proxy. */
  pollEveryMs?: number;
}

export function PostingStatus({
  api,
  jobId,
  ticketId,
  onClose,
  pollEveryMs = 1_000,
}: PostingStatusProps) {
  const { t } = useI18n();
  const [job, setJob] = useState<QueueJobStatus>();

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      api.status(jobId).then(
        (answer) => {
          if (stopped) return;
          setJob(answer);
          if (!DONE.includes(answer.status)) timer = setTimeout(ask, pollEveryMs);
        },
        // A lost answer is asked again; the outcome is the proxy's to tell.
        () => {
          if (!stopped) timer = setTimeout(ask, pollEveryMs);
        },
      );
    };
    ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, jobId, pollEveryMs]);

  const status = job?.status;
  const reason = job?.error
    ? KNOWN_FAILURES.includes(job.error.code)
      ? t(`workspace.posting.reason.${job.error.code}`)
      : t('workspace.error.generic', { message: job.error.message })
    : '';
  return (
    <section className="parley-editor" aria-labelledby="parley-posting-heading">
      <h1 id="parley-posting-heading">{t('workspace.posting.heading', { id: ticketId })}</h1>
      {status === 'posted' ? (
        <Alert type="success" role="status">
          {t('workspace.posting.posted', { id: ticketId })}
        </Alert>
      ) : status === 'failed' ? (
        <Alert type="error" role="alert">
          {t('workspace.posting.failed', { reason })}
        </Alert>
      ) : (
        <Alert type="info" role="status">
          {t('workspace.posting.pending', { id: ticketId })}
        </Alert>
      )}
      <div className="parley-actions">
        <Button onClick={onClose}>{t('workspace.editor.backToQueue')}</Button>
      </div>
    </section>
  );
}
