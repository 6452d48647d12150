/**
 * Words of a translated comment that the engine did not know, marked for the agent: a dotted
 * underline with a title saying to check them in the original. The proxy gives their offsets
 * into the translation's HTML, always inside one text node; they cross the sanitizer as in-band
 * marks (noncharacters it keeps as text) and become elements after it, so the sanitizer's
 * allow-list stays the customer's and offsets need no re-counting.
 */
import type { UnknownWords } from '@parley/shared/api/schemas';
import {
  insertMarks,
  UNKNOWN_END,
  UNKNOWN_START,
  withoutMarks,
} from '@parley/shared/pipeline/unknown-words';
import { DISPLAY_POLICY, sanitizeHtmlInBrowser } from '@parley/shared/pipeline/sanitize-dom';

const MARKED = new RegExp(
  `${UNKNOWN_START}([^${UNKNOWN_START}${UNKNOWN_END}<>]*)${UNKNOWN_END}`,
  'g',
);

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The translation's HTML sanitized, with each unknown word in a titled `parley-unknown` span. */
export function sanitizeWithUnknownWords(
  html: string,
  unknown: UnknownWords,
  title: string,
): string {
  const sanitized = sanitizeHtmlInBrowser(insertMarks(withoutMarks(html), unknown), DISPLAY_POLICY);
  const span = `<span class="parley-unknown" title="${escapeAttribute(title)}">`;
  // A mark the sanitizer separated from its end (a span across markup) is dropped, not opened.
  return withoutMarks(sanitized.replace(MARKED, `${span}$1</span>`));
}
