/**
 * The ticket's thread inside the sidebar: customer comments in the agent's language with the
 * original one click away, agent comments as written; a customer who writes in the agent's
 * language gets one line saying so instead, since the helpdesk already shows the thread.
 */
import { DISPLAY_POLICY, sanitizeHtmlInBrowser } from '@parley/shared/pipeline/sanitize-dom';
import { Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { useId, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Conversation, ConversationEntry } from '../model/conversation.js';
import { languageName } from '../model/languages.js';
import { ErrorNotice } from './ErrorNotice.js';
import { sanitizeWithUnknownWords } from './unknownWords.js';

function CommentItem({
  entry,
  sourceLanguage,
  markUntranslated,
}: {
  entry: ConversationEntry;
  sourceLanguage?: string;
  /** Say so under a customer comment left untranslated; not when an alert already says it of all. */
  markUntranslated: boolean;
}) {
  const { t, locale } = useI18n();
  const [showOriginal, setShowOriginal] = useState(false);
  const { comment, translationHtml, unknownWords = [] } = entry;
  const isCustomer = comment.authorRole === 'customer';
  const translated = translationHtml !== undefined;
  const showingTranslation = translated && !showOriginal;
  const html = showingTranslation
    ? sanitizeWithUnknownWords(translationHtml, unknownWords, t('thread.unknownWord'))
    : sanitizeHtmlInBrowser(comment.html, DISPLAY_POLICY);

  return (
    <li
      className={`parley-comment parley-comment-${comment.authorRole}`}
      data-comment-id={comment.id}
    >
      <div className="parley-comment-head">
        <strong>{isCustomer ? t('thread.customer') : t('thread.agent')}</strong>
        {comment.authorName && <span className="parley-muted"> · {comment.authorName}</span>}
      </div>
      <div
        className="parley-comment-body"
        lang={translated && !showOriginal ? undefined : sourceLanguage}
        dangerouslySetInnerHTML={{ __html: html }}
      />
      {showingTranslation && unknownWords.length > 0 && (
        <p className="parley-muted parley-unknown-note">{t('thread.unknownWordsNote')}</p>
      )}
      {translated && (
        <div className="parley-comment-foot">
          {sourceLanguage && !showOriginal && (
            <span className="parley-muted">
              {t('thread.translatedFrom', { language: languageName(sourceLanguage, locale) })}
            </span>
          )}
          <Button
            size="small"
            isLink
            aria-pressed={showOriginal}
            onClick={() => setShowOriginal(!showOriginal)}
          >
            {showOriginal ? t('thread.showTranslation') : t('thread.showOriginal')}
          </Button>
        </div>
      )}
      {isCustomer && !translated && markUntranslated && (
        <span className="parley-muted">{t('thread.untranslated')}</span>
      )}
    </li>
  );
}

interface ConversationViewProps {
  conversation: Conversation | null;
  loading: boolean;
  onRetry: () => void;
  onChooseLanguage: () => void;
}

export function ConversationView({
  conversation,
  loading,
  onRetry,
  onChooseLanguage,
}: ConversationViewProps) {
  const { t } = useI18n();
  const headingId = useId();
  const hasCustomerComments = conversation?.entries.some(
    (e) => e.comment.authorRole === 'customer',
  );
  const source = conversation?.customerLanguage?.code;

  return (
    <section className="parley-thread" aria-labelledby={headingId} aria-busy={loading}>
      <h2 id={headingId} className="parley-heading">
        {t('thread.title')}
      </h2>
      {loading && (
        <p className="parley-muted" role="status">
          <Dots size={16} /> {t('loading')}
        </p>
      )}
      {conversation?.error && (
        <ErrorNotice
          error={conversation.error}
          {...(source ? { pair: { source, target: conversation.agentLanguage } } : {})}
          onRetry={onRetry}
          onChooseLanguage={onChooseLanguage}
        />
      )}
      {conversation && !hasCustomerComments && !conversation.error && (
        <p className="parley-muted">{t('thread.empty')}</p>
      )}
      {conversation?.sameLanguage && <p className="parley-muted">{t('thread.sameLanguage')}</p>}
      {conversation && !conversation.sameLanguage && conversation.entries.length > 0 && (
        <ol className="parley-comments">
          {conversation.entries.map((entry) => (
            <CommentItem
              key={entry.comment.id}
              entry={entry}
              markUntranslated={!conversation.error}
              {...(source && source !== 'und' ? { sourceLanguage: source } : {})}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
