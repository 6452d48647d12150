/**
 * Concordance search (Ctrl+K): a word or phrase looked up in the sources and targets of the
 * tenant's memory and glossary. A modal dialog: focus starts in the search field, Escape or Close
 * ends it, and focus goes back to where the translator was.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { CONCORDANCE_LIMITS } from '@parley/shared/api/concordance-limits';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { errorMessage } from './errorMessage.js';
import { readableText } from './matchText.js';
import type { ConcordanceResults } from './queueApi.js';

interface ConcordanceDialogProps {
  open: boolean;
  onClose: () => void;
  search: (query: string) => Promise<ConcordanceResults>;
  sourceLanguage: string;
  targetLanguage: string;
}

/** Stored segments number their tokens on their own: shown as numbered tokens. */
const readable = (masked: string) => readableText(masked, (id) => `⟨${id}⟩`);

export function ConcordanceDialog({
  open,
  onClose,
  search,
  sourceLanguage,
  targetLanguage,
}: ConcordanceDialogProps) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ConcordanceResults>();
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnFocus.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    } else if (!open && element.open) {
      element.close();
      returnFocus.current?.focus();
    }
  }, [open]);

  async function submit() {
    const phrase = query.trim();
    if ([...phrase].length < CONCORDANCE_LIMITS.minLength) {
      setMessage(t('workspace.concordance.tooShort'));
      return;
    }
    setMessage(undefined);
    try {
      setResults(await search(phrase));
    } catch (failure) {
      setResults(undefined);
      setMessage(errorMessage(t, failure));
    }
  }

  const found = results && results.memory.length + results.glossary.length > 0;
  return (
    <dialog
      ref={dialog}
      className="parley-concordance"
      aria-labelledby="parley-concordance-title"
      // Escape: the browser closes the dialog; the editor's state follows.
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="parley-concordance-title">{t('workspace.concordance.title')}</h2>
      <form
        className="parley-concordance-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field>
          <Field.Label>{t('workspace.concordance.label')}</Field.Label>
          <Input
            type="text"
            autoFocus
            maxLength={CONCORDANCE_LIMITS.maxLength}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </Field>
        <Button type="submit" isPrimary>
          {t('workspace.concordance.search')}
        </Button>
        <Button isBasic onClick={onClose}>
          {t('workspace.concordance.close')}
        </Button>
      </form>
      <div aria-live="polite">
        {message && <p role="alert">{message}</p>}
        {results && !found && <p className="parley-muted">{t('workspace.concordance.none')}</p>}
        {results && results.memory.length > 0 && (
          <section>
            <h3>{t('workspace.concordance.memory')}</h3>
            <table className="parley-concordance-hits">
              <tbody>
                {results.memory.map((hit, index) => (
                  <tr key={index}>
                    <td lang={sourceLanguage}>{readable(hit.source)}</td>
                    <td lang={targetLanguage}>{readable(hit.target)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {results && results.glossary.length > 0 && (
          <section>
            <h3>{t('workspace.concordance.glossary')}</h3>
            <table className="parley-concordance-hits">
              <tbody>
                {results.glossary.map((term, index) => (
                  <tr key={index}>
                    <td lang={sourceLanguage}>{term.source}</td>
                    <td lang={targetLanguage}>{term.target ?? t('workspace.concordance.keep')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </div>
    </dialog>
  );
}
