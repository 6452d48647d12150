/**
 * Editing a claimed reply: segments with source and editable target, live placeholder checks,
 * QA before approving (errors block, warnings can be sent anyway; the segments concerned are
 * highlighted), Ctrl+Enter to confirm a segment and move on (its repetitions take its
 * translation), memory matches of the segment being edited (Ctrl+1…3 inserts one), concordance
 * search (Ctrl+K), release and reject. The lease is
 * renewed while the translator works, and the edit saved as a draft a reload comes back to; when
 * the lease is lost the editor says so and stops accepting edits. After approval it follows the
 * reply until it is posted or fails.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Checkbox, Field, Textarea } from '@zendeskgarden/react-forms';
import { Alert } from '@zendeskgarden/react-notifications';
import { checkPlaceholders, parseMaskedSegment } from '@parley/shared/pipeline/masked-segment';
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { languageName } from '../model/languages.js';
import { EditorHeader } from './EditorHeader.js';
import { errorMessage } from './errorMessage.js';
import { MatchesPanel } from './MatchesPanel.js';
import { PostingStatus } from './PostingStatus.js';
import {
  QueueApiError,
  type QueueApi,
  type QueueJobDetail,
  type QueueMatch,
  type QueueQaIssue,
} from './queueApi.js';
import { repetitionsOf } from './repetitions.js';
import { fillEditor } from './segmentDom.js';
import { SegmentRow } from './SegmentRow.js';
import { tokenMeaning } from './tokenMeaning.js';
import { useDraftSaver } from './useDraftSaver.js';
import { useMatches } from './useMatches.js';
import { sourceWords } from './words.js';
import { loadChunk } from './loadChunk.js';

export interface EditorOutcome {
  type: 'success' | 'error';
  text: string;
}

interface JobEditorProps {
  api: QueueApi;
  job: QueueJobDetail;
  onClose: (outcome?: EditorOutcome) => void;
  /** How often to renew the lease while the translator works; a third of the lease by default. */
  renewEveryMs?: number;
  /** How long typing pauses before the draft is saved. */
  saveDraftAfterMs?: number;
  /** How often to ask whether an approved reply was posted. */
  pollPostingEveryMs?: number;
}

/** Renew well before the lease runs out, and not more often than this. */
const MIN_RENEW_MS = 2_000;

// Loaded the first time the translator opens it (Ctrl+K), then kept, with what they searched.
const ConcordanceDialog = lazy(() =>
  loadChunk(() => import('./ConcordanceDialog.js')).then((module) => ({
    default: module.ConcordanceDialog,
  })),
);

const worse = (a: 'error' | 'warning' | undefined, b: 'error' | 'warning') =>
  a === 'error' ? a : b;

export function JobEditor({
  api,
  job,
  onClose,
  renewEveryMs,
  saveDraftAfterMs,
  pollPostingEveryMs,
}: JobEditorProps) {
  const { t, locale } = useI18n();
  // Where the editor starts: the translator's saved draft over the machine translation.
  const [initialTargets] = useState(() => {
    const drafted = new Map(job.draft?.segments.map((edit) => [edit.index, edit.target]));
    return job.segments.map((segment) => drafted.get(segment.index) ?? segment.target);
  });
  const [targets, setTargets] = useState(initialTargets);
  const [confirmed, setConfirmed] = useState<ReadonlySet<number>>(new Set());
  const [qa, setQa] = useState<readonly QueueQaIssue[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [leaseExpiresAt, setLeaseExpiresAt] = useState(job.leaseExpiresAt);
  const [leaseLost, setLeaseLost] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [approved, setApproved] = useState(false);
  const editors = useRef(new Map<number, HTMLDivElement>());
  const approveButton = useRef<HTMLButtonElement>(null);
  const activeSinceRenew = useRef(false);
  const editedByHand = useRef(new Set<number>());
  const [active, setActive] = useState(
    () => job.segments.find((segment) => segment.translatable)?.index ?? 0,
  );
  const [searching, setSearching] = useState(false);
  const [searchOpened, setSearchOpened] = useState(false);
  const matches = useMatches(api, job.id);

  // What the translator changed: what approval sends, and what leaving the page would lose.
  const changedSegments = targets
    .map((target, index) => ({ index, target }))
    .filter(({ index, target }) => target !== job.segments[index]?.target);
  const edited = changedSegments.length > 0;
  const live = useMemo(() => checkPlaceholders(job.segments, targets), [job.segments, targets]);
  const draft = useDraftSaver({
    api,
    jobId: job.id,
    segments: changedSegments,
    enabled: !leaseLost && !approved,
    onLeaseLost: () => setLeaseLost(true),
    ...(saveDraftAfterMs === undefined ? {} : { delayMs: saveDraftAfterMs }),
  });
  const words = useMemo(() => sourceWords(job.segments, job.source), [job.segments, job.source]);

  // Keep the claim while the translator works; an idle tab lets it lapse back to the queue.
  useEffect(() => {
    const leaseMs = Math.max(Date.parse(job.leaseExpiresAt) - Date.now(), MIN_RENEW_MS * 3);
    const timer = setInterval(
      () => {
        if (!activeSinceRenew.current) return;
        activeSinceRenew.current = false;
        api.renew(job.id).then(
          (lease) => setLeaseExpiresAt(lease.leaseExpiresAt),
          (failure: unknown) => {
            if (
              failure instanceof QueueApiError &&
              ['lease_expired', 'not_found'].includes(failure.code)
            )
              setLeaseLost(true);
          },
        );
      },
      renewEveryMs ?? Math.max(leaseMs / 3, MIN_RENEW_MS),
    );
    return () => clearInterval(timer);
  }, [api, job.id, job.leaseExpiresAt, renewEveryMs]);

  useEffect(() => {
    if (!edited || leaseLost || approved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [edited, leaseLost, approved]);

  const translatable = job.segments.filter((segment) => segment.translatable).map((s) => s.index);

  // The segment of the first finding comes into view, so the translator sees what to fix.
  useEffect(() => {
    const first = qa.find((issue) => issue.segment !== undefined)?.segment;
    if (first !== undefined) editors.current.get(first)?.scrollIntoView({ block: 'center' });
  }, [qa]);

  function focusSegment(index: number) {
    const element = editors.current.get(index);
    element?.focus();
    element?.scrollIntoView({ block: 'center' });
  }

  /** Puts a translation into a segment's editor and state, as if typed there. */
  function fill(index: number, target: string) {
    const element = editors.current.get(index);
    const segment = job.segments[index];
    if (element && segment)
      fillEditor(element, parseMaskedSegment(target), segment, (placeholder) =>
        tokenMeaning(t, placeholder, segment, job.personalValuesShown),
      );
    setTargets((previous) => previous.map((value, i) => (i === index ? target : value)));
  }

  function confirm(index: number) {
    setConfirmed((previous) => new Set(previous).add(index));
    const target = targets[index] ?? '';
    for (const repetition of repetitionsOf(job.segments, index, editedByHand.current))
      fill(repetition, target);
    const next = translatable.find((candidate) => candidate > index);
    if (next === undefined) approveButton.current?.focus();
    else focusSegment(next);
  }

  function change(index: number, target: string) {
    activeSinceRenew.current = true;
    editedByHand.current.add(index);
    setTargets((previous) => previous.map((value, i) => (i === index ? target : value)));
    setConfirmed((previous) => {
      const next = new Set(previous);
      next.delete(index);
      return next;
    });
    // A finding about a segment no longer holds once the segment changed.
    setQa((previous) => previous.filter((issue) => issue.segment !== index));
  }

  /**
   * Runs an action and closes the editor with its outcome, unless QA refuses it: then its findings
   * show, whether the action's check found them or the proxy refused the submission itself (the
   * reply changed between the two, or the check was skipped).
   */
  async function act(
    run: () => Promise<readonly QueueQaIssue[] | void>,
    outcome: EditorOutcome | undefined,
  ) {
    setBusy(true);
    setError(undefined);
    try {
      const refusal = await run();
      if (refusal && refusal.length > 0) {
        setBusy(false);
        setQa(refusal);
        return;
      }
      if (outcome) onClose(outcome);
    } catch (failure) {
      setBusy(false);
      if (failure instanceof QueueApiError && failure.code === 'qa_failed') {
        setQa(failure.qa);
        return;
      }
      if (failure instanceof QueueApiError && failure.code === 'lease_expired') setLeaseLost(true);
      setError(errorMessage(t, failure));
    }
  }

  // QA is asked first, so that a refusal the translator is expected to fix is an answer, not a
  // failed request the browser logs as an error.
  const approve = () =>
    act(async () => {
      const submission = { segments: changedSegments, dismissed: [...dismissed] };
      const refusal = await api.check(job.id, submission);
      if (refusal.length > 0) return refusal;
      await api.submit(job.id, submission);
      setApproved(true);
      return [];
    }, undefined);

  function insertMatch(match: QueueMatch | undefined) {
    if (!match || leaseLost || busy) return;
    fill(active, match.target);
    change(active, match.target);
    focusSegment(active);
  }

  /** Ctrl+1…3 inserts a match into the segment being edited; Ctrl+K opens concordance search. */
  function onShortcut(event: KeyboardEvent) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || searching) return;
    const key = event.key.toLowerCase();
    if (key === 'k') {
      event.preventDefault();
      setSearchOpened(true);
      setSearching(true);
    } else if (['1', '2', '3'].includes(key)) {
      event.preventDefault();
      insertMatch(matches.bySegment?.get(active)?.[Number(key) - 1]);
    }
  }

  if (approved)
    return (
      <PostingStatus
        api={api}
        jobId={job.id}
        ticketId={job.ticket.id}
        onClose={() => onClose()}
        {...(pollPostingEveryMs === undefined ? {} : { pollEveryMs: pollPostingEveryMs })}
      />
    );

  const source = languageName(job.source, locale);
  const target = languageName(job.target, locale);
  const qaSeverity = new Map<number, 'error' | 'warning'>();
  for (const issue of qa)
    if (issue.segment !== undefined)
      qaSeverity.set(issue.segment, worse(qaSeverity.get(issue.segment), issue.severity));
  const qaErrors = qa.filter((issue) => issue.severity === 'error');
  const qaWarnings = qa.filter((issue) => issue.severity === 'warning');
  const warningCodes = [...new Set(qaWarnings.map((issue) => issue.code))];

  const issueLine = (issue: QueueQaIssue, key: number) => (
    <li key={key}>
      {issue.segment !== undefined && (
        <Button isLink onClick={() => focusSegment(issue.segment ?? 0)}>
          {t('workspace.editor.goTo', { number: issue.segment + 1 })}
        </Button>
      )}{' '}
      {t(`workspace.qa.${issue.code}`, { detail: issue.detail ?? '' })}
    </li>
  );

  return (
    <section
      className="parley-editor"
      aria-labelledby="parley-editor-heading"
      onKeyDown={onShortcut}
    >
      <EditorHeader
        job={job}
        leaseExpiresAt={leaseExpiresAt}
        confirmed={translatable.filter((index) => confirmed.has(index)).length}
        translatable={translatable.length}
        words={words}
        draft={draft}
      />
      {leaseLost && (
        <Alert type="warning" role="alert">
          {t('workspace.editor.leaseLost')}{' '}
          <Button size="small" onClick={() => onClose()}>
            {t('workspace.editor.backToQueue')}
          </Button>
        </Alert>
      )}
      <div className="parley-columns" aria-hidden="true">
        <span>{t('workspace.editor.source', { language: source })}</span>
        <span>{t('workspace.editor.target', { language: target })}</span>
      </div>
      <MatchesPanel
        segment={job.segments[active]}
        matches={matches.bySegment && (matches.bySegment.get(active) ?? [])}
        failed={matches.failed}
        readOnly={leaseLost || busy}
        onInsert={insertMatch}
        sourceLanguage={job.source}
        targetLanguage={job.target}
      />
      {searchOpened && (
        <Suspense fallback={null}>
          <ConcordanceDialog
            open={searching}
            onClose={() => setSearching(false)}
            search={(query) => api.concordance(job.id, query)}
            sourceLanguage={job.source}
            targetLanguage={job.target}
          />
        </Suspense>
      )}
      <ol
        className="parley-segments"
        onFocus={(event) => {
          const row = (event.target as HTMLElement).closest('[data-segment]');
          if (row) setActive(Number(row.getAttribute('data-segment')));
        }}
      >
        {job.segments.map((segment) => (
          <SegmentRow
            key={segment.index}
            segment={segment}
            initialTarget={initialTargets[segment.index] ?? segment.target}
            target={targets[segment.index] ?? ''}
            confirmed={confirmed.has(segment.index)}
            readOnly={leaseLost || busy}
            qaSeverity={qaSeverity.get(segment.index)}
            personalValuesShown={job.personalValuesShown}
            liveIssues={live.filter((issue) => issue.segment === segment.index)}
            onChange={(value) => change(segment.index, value)}
            onConfirm={() => confirm(segment.index)}
            editorRef={(element) => {
              if (element) editors.current.set(segment.index, element);
              else editors.current.delete(segment.index);
            }}
            sourceLanguage={job.source}
            targetLanguage={job.target}
            engine={job.engine}
          />
        ))}
      </ol>
      {qa.length > 0 && (
        <div
          className={`parley-qa${qaErrors.length > 0 ? ' parley-qa-blocking' : ''}`}
          role="alert"
        >
          <h2>{t('workspace.editor.qaHeading')}</h2>
          {qaErrors.length > 0 && (
            <>
              <h3 className="parley-qa-errors-heading">{t('workspace.editor.qaErrors')}</h3>
              <p>{t('workspace.editor.qaBlocking')}</p>
              <ul className="parley-qa-errors">{qaErrors.map(issueLine)}</ul>
            </>
          )}
          {qaWarnings.length > 0 && (
            <>
              <h3 className="parley-qa-warnings-heading">{t('workspace.editor.qaWarnings')}</h3>
              <ul className="parley-qa-warnings">{qaWarnings.map(issueLine)}</ul>
            </>
          )}
          {warningCodes.map((code) => (
            <Field key={code}>
              <Checkbox
                checked={dismissed.has(code)}
                onChange={(event) => {
                  const next = new Set(dismissed);
                  if (event.target.checked) next.add(code);
                  else next.delete(code);
                  setDismissed(next);
                }}
              >
                <Field.Label>
                  {t('workspace.editor.dismiss')} — {t(`workspace.qaName.${code}`)}
                </Field.Label>
              </Checkbox>
            </Field>
          ))}
        </div>
      )}
      {error && (
        <Alert type="error" role="alert">
          {error}
        </Alert>
      )}
      {rejecting ? (
        <form
          className="parley-reject"
          onSubmit={(event) => {
            event.preventDefault();
            void act(() => api.reject(job.id, reason.trim()), {
              type: 'success',
              text: t('workspace.notice.rejected'),
            });
          }}
        >
          <Field>
            <Field.Label>{t('workspace.editor.rejectReason')}</Field.Label>
            <Textarea
              required
              autoFocus
              maxLength={2000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </Field>
          <div className="parley-actions">
            <Button type="submit" isDanger disabled={busy || leaseLost || reason.trim() === ''}>
              {t('workspace.editor.rejectConfirm')}
            </Button>
            <Button isBasic onClick={() => setRejecting(false)}>
              {t('workspace.editor.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="parley-actions">
          <Button
            ref={approveButton}
            isPrimary
            disabled={busy || leaseLost}
            onClick={() => void approve()}
          >
            {busy ? t('workspace.editor.approving') : t('workspace.editor.approve')}
          </Button>
          <Button
            disabled={busy || leaseLost}
            onClick={() =>
              void act(() => api.release(job.id), {
                type: 'success',
                text: t('workspace.notice.released'),
              })
            }
          >
            {t('workspace.editor.release')}
          </Button>
          <Button isDanger isBasic disabled={busy || leaseLost} onClick={() => setRejecting(true)}>
            {t('workspace.editor.reject')}
          </Button>
        </div>
      )}
    </section>
  );
}
