/**
 * The memory matches of the segment the translator is in: up to three, best first, each with its
 * match %, whether a translator approved it, its source with the words that differ from the
 * segment's marked, and its translation, which a button or Ctrl+1…3 puts into the segment.
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Tag } from '@zendeskgarden/react-tags';
import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { readableText } from './matchText.js';
import type { QueueMatch, QueueSegment } from './queueApi.js';
import { tokenLabel } from './segmentDom.js';
import { loadChunk } from './loadChunk.js';
import './memory.css';

// Until the word diff has loaded, a match's source shows without its differences marked.
const MatchDifference = lazy(() =>
  loadChunk(() => import('./MatchDifference.js')).then((module) => ({
    default: module.MatchDifference,
  })),
);

interface MatchesPanelProps {
  segment: QueueSegment | undefined;
  /** The segment's matches; `undefined` while they are looked up. */
  matches: readonly QueueMatch[] | undefined;
  failed: boolean;
  readOnly: boolean;
  onInsert: (match: QueueMatch) => void;
  sourceLanguage: string;
  targetLanguage: string;
}

export function MatchesPanel({
  segment,
  matches,
  failed,
  readOnly,
  onInsert,
  sourceLanguage,
  targetLanguage,
}: MatchesPanelProps) {
  const { t } = useI18n();
  if (!segment) return null;
  // Tokens read as the segment's own: a stored segment numbers its placeholders as this one does.
  const label = (id: number) => {
    const placeholder = segment.placeholders.find((entry) => entry.id === id);
    return placeholder ? tokenLabel(placeholder, segment) : `⟨${id}⟩`;
  };
  const segmentText = readableText(segment.source, label);

  return (
    <aside className="parley-matches" aria-labelledby="parley-matches-heading">
      <h2 id="parley-matches-heading">
        {t('workspace.matches.heading', { number: segment.index + 1 })}
      </h2>
      <p className="parley-muted">{t('workspace.matches.hint')}</p>
      {failed ? (
        <p>{t('workspace.matches.failed')}</p>
      ) : matches === undefined ? (
        <p className="parley-muted">{t('workspace.matches.loading')}</p>
      ) : matches.length === 0 ? (
        <p className="parley-muted">{t('workspace.matches.none')}</p>
      ) : (
        <>
          <ol className="parley-match-list">
            {matches.map((match, index) => (
              <li key={index} className="parley-match" data-match={index + 1}>
                <div className="parley-match-head">
                  <strong className="parley-match-score">
                    {t('workspace.matches.score', { score: match.score })}
                  </strong>
                  <Tag hue={match.origin === 'human' ? 'green' : 'grey'} size="small">
                    {t(`workspace.matches.${match.origin}`)}
                  </Tag>
                  <Button size="small" isBasic disabled={readOnly} onClick={() => onInsert(match)}>
                    {t('workspace.matches.insert', { number: index + 1 })}
                  </Button>
                </div>
                <div className="parley-match-source" lang={sourceLanguage}>
                  <Suspense fallback={readableText(match.source, label)}>
                    <MatchDifference
                      match={readableText(match.source, label)}
                      segment={segmentText}
                    />
                  </Suspense>
                </div>
                <div className="parley-match-target" lang={targetLanguage}>
                  {readableText(match.target, label)}
                </div>
              </li>
            ))}
          </ol>
          <p className="parley-muted">{t('workspace.matches.legend')}</p>
        </>
      )}
    </aside>
  );
}
