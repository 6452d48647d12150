/**
 * "Reply in my language": the agent writes in their language, translates (button or Ctrl/Cmd+Enter),
 * edits the translation, and inserts it into the helpdesk's editor, or sends the draft to a
 * translator for review and follows the job until it is posted. Each reply goes out once: after an
 * insert or a send the composer is empty again and says what was done.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Textarea } from '@zendeskgarden/react-forms';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { createProxyApi, type ReplyJob } from '../api/proxyApi.js';
import { ProxyError } from '../host/helpdeskHost.js';
import { useHost } from '../host/HostProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { textToHtml } from '@parley/shared/pipeline/escape';
import type { LanguagePairs } from '../model/languagePairs.js';
import { languageName, languageOf } from '../model/languages.js';
import { ErrorNotice } from './ErrorNotice.js';
import { ReviewJobStatus } from './ReviewJobStatus.js';

interface ReplyComposerProps {
  /** The language the reply is translated into; undefined until known or chosen. */
  customerLanguage: string | undefined;
  /** What the engines serve; undefined while unknown (then Translate is tried and errors shown). */
  pairs: LanguagePairs | undefined;
  onChooseLanguage: () => void;
  pollIntervalMs?: number;
}

type Phase = 'idle' | 'translating' | 'inserting' | 'sending';

/** A draft sent for review: the job, and the draft itself, to send again if the job fails. */
interface SentReply {
  job: ReplyJob;
  draftHtml: string;
}

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
  pairs,
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
  const [inserted, setInserted] = useState(false);
  const [sent, setSent] = useState<SentReply | null>(null);
  const draftRef = useRef<HTMLTextAreaElement>(null);
  // One key per draft text: re-sending the same draft (a retry) is the same job on the proxy.
  const idempotencyKey = useMemo(() => (draft ? newIdempotencyKey() : ''), [draft]);
  const target = customerLanguage;
  const machineServed = target ? pairs?.serves(agentLanguage, target) !== false : false;
  const reviewFirst = host.context.defaultMode === 'review' || (Boolean(target) && !machineServed);

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

  /** The reply went out: the composer empties, and keyboard users land in it for the next one. */
  const finish = () => {
    setDraft('');
    setPreview(null);
    draftRef.current?.focus();
  };

  /** A new draft starts: what was done with the previous one is no longer news. */
  const startOver = () => {
    setError(null);
    setInserted(false);
  };

  async function translate() {
    if (!target || !machineServed || !draft.trim() || phase !== 'idle') return;
    setPhase('translating');
    startOver();
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
    if (preview === null || phase !== 'idle') return;
    setPhase('inserting');
    setError(null);
    try {
      await host.insertReply({ html: textToHtml(preview), text: preview.trim() });
      host.notify(t('compose.inserted'));
      finish();
      setInserted(true);
    } catch (failure) {
      fail(failure, 'insert');
    } finally {
      setPhase('idle');
    }
  }

  async function sendForReview(draftHtml: string, key: string) {
    if (!target || phase !== 'idle') return;
    setPhase('sending');
    startOver();
    try {
      const job = await api.createReply(
        {
          helpdesk: host.context.helpdesk,
          ticketId: host.context.ticketId,
          authorId: host.context.agentId,
          draft: draftHtml,
          format: 'html',
          source: agentLanguage,
          target,
          mode: 'review',
        },
        key,
      );
      setSent({ job, draftHtml });
      finish();
    } catch (failure) {
      fail(failure, 'review');
    } finally {
      setPhase('idle');
    }
  }

  const sendDraftForReview = () => {
    if (draft.trim()) void sendForReview(textToHtml(draft), idempotencyKey);
  };

  function onDraftKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void translate();
    }
  }

  const canAct = Boolean(target && draft.trim()) && phase === 'idle';
  const customerName = target ? languageName(target, locale) : '';
  const hint = !target
    ? t('compose.noTarget')
    : machineServed
      ? t('compose.hint')
      : t('compose.reviewOnly', { language: customerName });

  return (
    <section className="parley-compose">
      <Field>
        <Field.Label>
          {t('compose.label', { language: languageName(agentLanguage, locale) })}
        </Field.Label>
        <Field.Hint>{hint}</Field.Hint>
        <Textarea
          ref={draftRef}
          minRows={3}
          maxRows={10}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            setPreview(null);
            startOver();
          }}
          onKeyDown={onDraftKeyDown}
        />
      </Field>
      <div className="parley-actions">
        <Button
          size="small"
          isPrimary={!reviewFirst}
          disabled={!canAct || !machineServed}
          onClick={() => void translate()}
        >
          {phase === 'translating' ? t('compose.translating') : t('compose.translate')}
        </Button>
        <Button
          size="small"
          isPrimary={reviewFirst}
          disabled={!canAct}
          onClick={sendDraftForReview}
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
          onSendForReview={sendDraftForReview}
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
            <Button
              size="small"
              isPrimary
              disabled={phase !== 'idle'}
              onClick={() => void insert()}
            >
              {t('compose.insert')}
            </Button>
          </div>
        </Field>
      )}
      {inserted && (
        <p className="parley-notice" role="status">
          {t('compose.inserted')}
        </p>
      )}
      {sent && (
        <ReviewJobStatus
          key={sent.job.id}
          api={api}
          job={sent.job}
          pollIntervalMs={pollIntervalMs}
          onSendAgain={() => void sendForReview(sent.draftHtml, newIdempotencyKey())}
        />
      )}
    </section>
  );
}
