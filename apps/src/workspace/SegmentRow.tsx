/**
 * One segment: the source (glossary terms marked, placeholders as tokens, each with a hint on
 * hover and focus saying what it stands for) beside an editable target where placeholders are
 * tokens the translator can move or delete but not alter and glossary terms are text to inflect,
 * with its origin (memory match or machine), the words of the machine translation the engine did
 * not know, live placeholder checks and buttons to put a missing token back.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Tag } from '@zendeskgarden/react-tags';
import {
  parseMaskedSegment,
  writeMaskedSegment,
  type MaskedPart,
} from '@parley/shared/pipeline/masked-segment';
import { findTerms } from '@parley/shared/pipeline/glossary';
import type { QaIssue } from '@parley/shared/pipeline/types';
import {
  Fragment,
  useEffect,
  useRef,
  type ClipboardEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { QueueSegment } from './queueApi.js';
import { fillEditor, insertToken, readEditor, tokenLabel } from './segmentDom.js';
import { TokenHint } from './TokenHint.js';
import { tokenMeaning } from './tokenMeaning.js';

interface SegmentRowProps {
  segment: QueueSegment;
  /** The masked target when the row mounts; the editor owns its content afterwards. */
  initialTarget: string;
  /** The masked target as it is now. */
  target: string;
  confirmed: boolean;
  readOnly: boolean;
  /** The worst QA finding of the last check about this segment, to highlight it. */
  qaSeverity?: 'error' | 'warning' | undefined;
  /** Whether personal tokens carry their values (the tenant's policy). */
  personalValuesShown: boolean;
  /** Placeholder problems of the current target, checked as the translator types. */
  liveIssues: readonly QaIssue[];
  onChange: (maskedTarget: string) => void;
  onConfirm: () => void;
  editorRef: (element: HTMLDivElement | null) => void;
  sourceLanguage: string;
  targetLanguage: string;
  /** The engine that made the job's machine translation. */
  engine: string;
}

/**
 * Text with each glossary term marked, found as the pipeline finds them (whole words, the
 * term's own case rule).
 */
function withTerms(
  text: string,
  segment: QueueSegment,
  title: (term: QueueSegment['terms'][number]) => string,
): ReactNode[] {
  const pieces: ReactNode[] = [];
  let last = 0;
  for (const match of findTerms(text, segment.terms)) {
    pieces.push(text.slice(last, match.start));
    pieces.push(
      <TokenHint key={match.start} className="parley-term" hint={title(match.term)}>
        {text.slice(match.start, match.end)}
      </TokenHint>,
    );
    last = match.end;
  }
  pieces.push(text.slice(last));
  return pieces;
}

export function SegmentRow({
  segment,
  initialTarget,
  target,
  confirmed,
  readOnly,
  qaSeverity,
  personalValuesShown,
  liveIssues,
  onChange,
  onConfirm,
  editorRef,
  sourceLanguage,
  targetLanguage,
  engine,
}: SegmentRowProps) {
  const { t } = useI18n();
  const editor = useRef<HTMLDivElement | null>(null);
  const number = segment.index + 1;

  const describe = (placeholder: QueueSegment['placeholders'][number]) =>
    tokenMeaning(t, placeholder, segment, personalValuesShown);

  useEffect(() => {
    if (editor.current)
      fillEditor(editor.current, parseMaskedSegment(initialTarget), segment, describe);
    // Filled once: afterwards the DOM is the state and React must not re-render into it.
  }, []);

  const termTitle = (term: QueueSegment['terms'][number]) =>
    term.target
      ? t('workspace.editor.glossary', { source: term.source, target: term.target })
      : t('workspace.editor.doNotTranslate', { source: term.source });

  const renderParts = (parts: readonly MaskedPart[]): ReactNode[] =>
    parts.map((part, index) => {
      if ('text' in part)
        return <span key={index}>{withTerms(part.text, segment, termTitle)}</span>;
      const placeholder = segment.placeholders.find((entry) => entry.id === part.placeholder);
      if (!placeholder)
        return (
          <span key={index} className="parley-token">
            ?
          </span>
        );
      return (
        <TokenHint
          key={index}
          className={`parley-token parley-token-${placeholder.kind}`}
          hint={describe(placeholder)}
        >
          {placeholder.display}
        </TokenHint>
      );
    });

  const changed = () => {
    if (editor.current) onChange(writeMaskedSegment(readEditor(editor.current)));
  };

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'Enter') return;
    // A segment is one line of the reply: Enter never adds a line break inside it.
    event.preventDefault();
    if (event.ctrlKey || event.metaKey) onConfirm();
  }

  function onPaste(event: ClipboardEvent<HTMLDivElement>) {
    // Pasted markup would bring foreign tags into the reply: paste its text only.
    event.preventDefault();
    const text = event.clipboardData.getData('text/plain').replace(/\s*\n\s*/g, ' ');
    document.execCommand('insertText', false, text);
  }

  const present = new Set(
    parseMaskedSegment(target).flatMap((part) => ('placeholder' in part ? [part.placeholder] : [])),
  );
  // A glossary term is text the translator writes, not a token to put back.
  const missing = segment.placeholders.filter(
    (placeholder) => placeholder.kind !== 'term' && !present.has(placeholder.id),
  );
  // Words of the machine translation the engine did not know (letters only: no escapes inside).
  const unknownWords = (segment.unknown ?? []).map(({ start, end }) =>
    segment.target.slice(start, end),
  );
  // Missing tokens get a button to put them back instead of a message.
  const otherIssues = liveIssues.filter((issue) => issue.code !== 'placeholder_missing');

  return (
    <li
      className={`parley-segment${confirmed ? ' parley-segment-confirmed' : ''}${liveIssues.length > 0 ? ' parley-segment-issue' : ''}${qaSeverity ? ` parley-segment-qa-${qaSeverity}` : ''}`}
      data-segment={segment.index}
    >
      <div className="parley-segment-head">
        <span className="parley-segment-number">{t('workspace.editor.segment', { number })}</span>
        {segment.origin === 'memory' ? (
          <Tag hue="green" size="small">
            {t('workspace.editor.memory', { match: segment.match ?? 100 })}
          </Tag>
        ) : (
          <Tag hue="grey" size="small">
            {t('workspace.editor.machine', { engine })}
          </Tag>
        )}
        {confirmed && (
          <Tag hue="blue" size="small">
            {t('workspace.editor.confirmed')}
          </Tag>
        )}
      </div>
      <div className="parley-segment-source" lang={sourceLanguage}>
        {renderParts(parseMaskedSegment(segment.source))}
      </div>
      {segment.translatable ? (
        <div
          ref={(element) => {
            editor.current = element;
            editorRef(element);
          }}
          className="parley-segment-target"
          lang={targetLanguage}
          role="textbox"
          aria-label={t('workspace.editor.segmentTranslation', { number })}
          contentEditable={!readOnly}
          suppressContentEditableWarning
          spellCheck
          onInput={changed}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
      ) : (
        <div className="parley-segment-target parley-segment-fixed" lang={targetLanguage}>
          {renderParts(parseMaskedSegment(initialTarget))}{' '}
          <span className="parley-muted">{t('workspace.editor.nothingToTranslate')}</span>
        </div>
      )}
      {unknownWords.length > 0 && (
        <p className="parley-muted parley-segment-unknown">
          {t('workspace.editor.unknownWords')}{' '}
          {unknownWords.map((word, index) => (
            <Fragment key={index}>
              {index > 0 && ', '}
              <span className="parley-unknown">{word}</span>
            </Fragment>
          ))}
        </p>
      )}
      {(missing.length > 0 || otherIssues.length > 0) && (
        <div className="parley-segment-checks">
          {missing.map((placeholder) => {
            const label = tokenLabel(placeholder, segment);
            return (
              <Button
                key={placeholder.id}
                size="small"
                isBasic
                disabled={readOnly}
                // Keeps the caret in the editor, where the token goes.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  if (!editor.current) return;
                  insertToken(editor.current, placeholder, segment, describe);
                  changed();
                }}
              >
                {t('workspace.editor.insert', { token: label })}
              </Button>
            );
          })}
          {otherIssues.map((issue, index) => (
            <span key={index} className="parley-check">
              {t(`workspace.qa.${issue.code}`, { detail: issue.detail ?? '' })}
            </span>
          ))}
        </div>
      )}
    </li>
  );
}
