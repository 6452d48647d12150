/**
 * A review job as the agent follows it, polled from the proxy until the reply is posted (or the job
 * ends): where it stands, when it is due, who is reviewing it; and a failed job as a failure, with
 * why in the agent's words and the ways forward — insert the approved (else the machine)
 * translation by hand, or send the draft for review again.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { Alert, Well } from '@zendeskgarden/react-notifications';
import { useEffect, useState } from 'react';
import { FINAL_REPLY_STATUSES, type ProxyApi, type ReplyJob } from '../api/proxyApi.js';
import type { ProxyError } from '../host/helpdeskHost.js';
import { useHost } from '../host/HostProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Translate } from '../i18n/i18n.js';
import { htmlToText } from '../model/html.js';
import { ErrorNotice } from './ErrorNotice.js';

interface ReviewJobStatusProps {
  api: ProxyApi;
  job: ReplyJob;
  pollIntervalMs: number;
  onSendAgain: () => void;
}

/** Failure codes a job can end with (the outbox's and the translator's), each with its own message. */
const FAILURE_CODES = [
  'rejected',
  'helpdesk_not_configured',
  'helpdesk_rejected',
  'helpdesk_unavailable',
];

/** "14:30" today, "30 Nov, 14:30" another day, in the agent's locale. */
export function dueTime(iso: string, locale: string, now = new Date()): string {
  const due = new Date(iso);
  const sameDay = due.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(locale, {
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
    hour: 'numeric',
    minute: '2-digit',
  }).format(due);
}

function failureReason(t: Translate, job: ReplyJob, helpdesk: string): string {
  const code = job.error?.code ?? '';
  if (!FAILURE_CODES.includes(code)) return t('review.failure.other');
  // A translator's reason is their own words; the helpdesks' messages are for admins.
  return t(`review.failure.${code}`, { helpdesk, reason: job.error?.message ?? '' });
}

function FailedJob({ job, onSendAgain }: { job: ReplyJob; onSendAgain: () => void }) {
  const host = useHost();
  const { t } = useI18n();
  const [inserted, setInserted] = useState(false);
  const helpdesk = host.context.helpdesk === 'zendesk' ? 'Zendesk' : 'Freshdesk';
  const text = job.approved ?? job.machine;
  const insert = async (html: string) => {
    await host.insertReply({ html, text: htmlToText(html) });
    setInserted(true);
  };
  return (
    <Alert type="error" role="alert">
      <Alert.Title>{t('review.failure.title')}</Alert.Title>
      <Alert.Paragraph>{failureReason(t, job, helpdesk)}</Alert.Paragraph>
      {inserted ? (
        <Alert.Paragraph>{t('compose.inserted')}</Alert.Paragraph>
      ) : (
        <div className="parley-actions">
          {text !== undefined && (
            <Button size="small" isPrimary onClick={() => void insert(text)}>
              {job.approved !== undefined ? t('review.insertApproved') : t('review.insertMachine')}
            </Button>
          )}
          <Button size="small" onClick={onSendAgain}>
            {t('review.sendAgain')}
          </Button>
        </div>
      )}
    </Alert>
  );
}

export function ReviewJobStatus({
  api,
  job: created,
  pollIntervalMs,
  onSendAgain,
}: ReviewJobStatusProps) {
  const { t, locale } = useI18n();
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

  if (job.status === 'failed') return <FailedJob job={job} onSendAgain={onSendAgain} />;

  const status =
    job.status === 'in_review' && job.editor
      ? t('review.reviewedBy', { name: job.editor.name })
      : t(`review.status.${job.status}`);
  return (
    <Well isRecessed className="parley-job" data-job-id={job.id}>
      <strong>{t('review.title')}</strong>
      <p role="status" aria-live="polite" data-testid="review-status" data-status={job.status}>
        {!final && <Dots size={14} />} {status}
      </p>
      {job.dueAt && !final && (
        <p className="parley-muted">{t('review.due', { time: dueTime(job.dueAt, locale) })}</p>
      )}
      {job.flagged && !final && <p className="parley-warning">{t('review.overdue')}</p>}
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
