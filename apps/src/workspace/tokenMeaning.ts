/**
 * What a token stands for, as a sentence for its hover and keyboard-focus hint: a glossary term
 * and its target, a link's URL, a placeholder's full text. A personal value's hint shows the value
 * only where the tenant lets translators see values — then the proxy already sent the value as the
 * token's text; otherwise it says the value is hidden, and never more than the proxy sent.
 */
import type { Translate } from '../i18n/i18n.js';
import type { QueueSegment } from './queueApi.js';
import { tokenLabel } from './segmentDom.js';

type SegmentPlaceholder = QueueSegment['placeholders'][number];

export function tokenMeaning(
  t: Translate,
  placeholder: SegmentPlaceholder,
  segment: QueueSegment,
  personalValuesShown: boolean,
): string {
  if (placeholder.kind === 'term')
    return t('workspace.editor.glossary', {
      source: placeholder.display,
      target: tokenLabel(placeholder, segment),
    });
  if (placeholder.personal)
    // Without the policy's leave, `display` is the typed token (`phone`, `card ••••1111`).
    return personalValuesShown
      ? t('workspace.token.personal', { value: placeholder.display })
      : t('workspace.token.personalHidden', { kind: placeholder.display });
  if (placeholder.target)
    return t('workspace.token.link', { tag: placeholder.display, target: placeholder.target });
  if (placeholder.kind === 'span') return t('workspace.token.kept', { text: placeholder.display });
  return t('workspace.token.tag', { tag: placeholder.display });
}
