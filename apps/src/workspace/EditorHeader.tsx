/**
 * The head of the editor: which ticket the reply answers (number and subject) and what the
 * customer last wrote, the language pair, due time and claim, how far the translator is (segments
 * confirmed, words of the source) and whether their edit is saved.
 */
import { useI18n } from '../i18n/I18nProvider.js';
import { languageName } from '../model/languages.js';
import type { DraftState } from './useDraftSaver.js';
import type { QueueJobDetail } from './queueApi.js';
import { clockTime, relativeTime } from './time.js';

interface EditorHeaderProps {
  job: QueueJobDetail;
  leaseExpiresAt: string;
  confirmed: number;
  translatable: number;
  words: number;
  draft: DraftState;
}

export function EditorHeader({
  job,
  leaseExpiresAt,
  confirmed,
  translatable,
  words,
  draft,
}: EditorHeaderProps) {
  const { t, locale } = useI18n();
  const now = Date.now();
  const source = languageName(job.source, locale);
  const target = languageName(job.target, locale);
  const { ticket } = job;
  return (
    <header className="parley-editor-head">
      <h1 id="parley-editor-heading">
        {ticket.subject
          ? t('workspace.editor.ticket', { id: ticket.id, subject: ticket.subject })
          : t('workspace.editor.ticketNoSubject', { id: ticket.id })}
      </h1>
      <p className="parley-muted">
        {job.tenant.name} · {t('workspace.queue.pair', { source, target })} ·{' '}
        <span title={clockTime(job.dueAt, now, locale)}>
          {t('workspace.editor.due', { time: relativeTime(job.dueAt, now, locale) })}
        </span>{' '}
        · {t('workspace.editor.lease', { time: clockTime(leaseExpiresAt, now, locale) })}
      </p>
      {ticket.lastMessage && (
        <figure className="parley-last-message">
          <figcaption>{t('workspace.editor.lastMessage')}</figcaption>
          <blockquote lang={job.target}>{ticket.lastMessage}</blockquote>
        </figure>
      )}
      <p className="parley-progress">
        <span>{t('workspace.editor.progress', { confirmed, total: translatable })}</span> ·{' '}
        <span>{t('workspace.editor.words', { count: words })}</span>
        <span className="parley-muted" aria-live="polite">
          {draft === 'idle' ? '' : ` · ${t(`workspace.editor.draft.${draft}`)}`}
        </span>
      </p>
      <p className="parley-muted">{t('workspace.editor.keyboardHint')}</p>
    </header>
  );
}
