/**
 * "Reply in my language": the agent writes in their language, translates (button or Ctrl/Cmd+Enter),
 * edits the translation, and inserts it into the helpdesk's editor, or sends the draft to a
 * translator for review and follows the job until it is posted.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Textarea } from '@zendeskgarden/react-forms';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { createProxyApi, type ReplyJob } from '../api/proxyApi.js';
import { ProxyError } from '../host/helpdeskHost.js';
import { useHost } from '../host/HostProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { textToHtml } from '../model/html.js';
import { languageName, languageOf } from '../model/languages.js';
import { ErrorNotice } from './ErrorNotice.js';
import { ReviewJobStatus } from './ReviewJobStatus.js';

interface ReplyComposerProps {
  /** The language the reply is translated into; undefined until known or chosen. */
  customerLanguage: string | undefined;
  /** The thread could not be translated because the pair is missing: review is the way forward. */
  pairUnavailable: boolean;
  onChooseLanguage: () => void;
  pollIntervalMs?: number;
}

type Phase = 'idle' | 'translating' | 'sending';

function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Lines are translated as segments of one request, so the reply keeps its line layout. */
function lineSegments(text: string): { id: string; text: string }[] {
  return text
    .split('\n')
    .map((line, index) => ({ id: String(index), text: line }))
    .filter((segment) => segment.text.trim() !== '');
}

export function ReplyComposer({
  customerLanguage,
  pairUnavailable,
  onChooseLanguage,
  pollIntervalMs = 3_000,
}: ReplyComposerProps) {
  const host = useHost();
  const { t, locale } = useI18n();
  const api = useMemo(() => createProxyApi(host), [host]);
  const agentLanguage = languageOf(host.context.agentLocale);
  const [draft, setDraft] = useState('');
  const [preview, setPreview] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<ProxyError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [job, setJob] = useState<ReplyJob | null>(null);
  // One key per draft text: re-sending the same draft (a retry) is the same job on the proxy.
  const idempotencyKey = useMemo(() => (draft ? newIdempotencyKey() : ''), [draft]);
  const reviewFirst = host.context.defaultMode === 'review' || pairUnavailable;
  const target = customerLanguage;

  // A preview in the previous language must not be inserted after the agent changes it.
  useEffect(() => setPreview(null), [target]);

  const fail = (failure: unknown, action: 'translate' | 'insert' | 'review') => {
    const error =
      failure instanceof ProxyError
        ? failure
        : new ProxyError(
            'client_error',
            failure instanceof Error ? failure.message : String(failure),
            0,
          );
    // A proxy without the post-edit queue answers 404 on /v1/replies.
    const queueMissing = action === 'review' && error.code === 'not_found';
    setError(queueMissing ? new ProxyError('review_unavailable', error.message, 404) : error);
  };

  async function translate() {
    if (!target || !draft.trim() || phase !== 'idle') return;
    setPhase('translating');
    setError(null);
    setNotice(null);
    try {
      const segments = lineSegments(draft);
      const response = await api.translate({ segments, source: agentLanguage, target });
      const byId = new Map((response.segments ?? []).map((s) => [s.id, s.text ?? s.html ?? '']));
      setPreview(
        draft
          .split('\n')
          .map((line, index) => byId.get(String(index)) ?? line)
          .join('\n'),
      );
    } catch (failure) {
      fail(failure, 'translate');
    } finally {
      setPhase('idle');
    }
  }

  async function insert() {
    if (preview === null) return;
    setError(null);
    try {
      await host.insertReply({ html: textToHtml(preview), text: preview.trim() });
      setNotice(t('compose.inserted'));
      host.notify(t('compose.inserted'));
    } catch (failure) {
      fail(failure, 'insert');
    }
  }

  async function sendForReview() {
    if (!target || !draft.trim() || phase !== 'idle') return;
    setPhase('sending');
    setError(null);
    setNotice(null);
    try {
      const created = await api.createReply(
        {
          helpdesk: host.context.helpdesk,
          ticketId: host.context.ticketId,
          authorId: host.context.agentId,
          draft: textToHtml(draft),
          format: 'html',
          source: agentLanguage,
          target,
          mode: 'review',
        },
        idempotencyKey,
      );
      setJob(created);
    } catch (failure) {
      fail(failure, 'review');
    } finally {
      setPhase('idle');
    }
  }

  function onDraftKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void translate();
    }
  }

  const canAct = Boolean(target && draft.trim()) && phase === 'idle';
  const customerName = target ? languageName(target, locale) : '';

  return (
    <section className="parley-compose">
      <Field>
        <Field.Label>
          {t('compose.label', { language: languageName(agentLanguage, locale) })}
        </Field.Label>
        <Field.Hint>{target ? t('compose.hint') : t('compose.noTarget')}</Field.Hint>
        <Textarea
          minRows={3}
          maxRows={10}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            setPreview(null);
            setJob(null);
          }}
          onKeyDown={onDraftKeyDown}
        />
      </Field>
      <div className="parley-actions">
        <Button
          size="small"
          isPrimary={!reviewFirst}
          disabled={!canAct}
          onClick={() => void translate()}
        >
          {phase === 'translating' ? t('compose.translating') : t('compose.translate')}
        </Button>
        <Button
          size="small"
          isPrimary={reviewFirst}
          disabled={!canAct}
          onClick={() => void sendForReview()}
        >
          {phase === 'sending' ? t('compose.sending') : t('compose.review')}
        </Button>
      </div>
      {error && (
        <ErrorNotice
          error={error}
          {...(target ? { pair: { source: agentLanguage, target } } : {})}
          onRetry={() => void translate()}
          onChooseLanguage={onChooseLanguage}
          onSendForReview={() => void sendForReview()}
        />
      )}
      {preview !== null && (
        <Field>
          <Field.Label>{t('compose.preview', { language: customerName })}</Field.Label>
          <Textarea
            minRows={3}
            maxRows={12}
            lang={target}
            value={preview}
            onChange={(event) => setPreview(event.target.value)}
          />
          <div className="parley-actions">
            <Button size="small" isPrimary onClick={() => void insert()}>
              {t('compose.insert')}
            </Button>
          </div>
        </Field>
      )}
      {notice && (
        <p className="parley-notice" role="status">
          {notice}
        </p>
      )}
      {job && <ReviewJobStatus api={api} job={job} pollIntervalMs={pollIntervalMs} />}
    </section>
  );
}
