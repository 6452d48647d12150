/**
 * The target editor of a segment is a contenteditable element holding text and placeholder
 * tokens (`contenteditable=false` spans): a translator moves and deletes a token as one
 * character but cannot edit inside it. Glossary terms are not tokens there but text, so the
 * translator can inflect them. These functions fill such an element from a masked segment and
 * read it back.
 */
import { termsAsText, type MaskedPart } from '@parley/shared/pipeline/masked-segment';
import { placeholderElement } from '@parley/shared/pipeline/placeholder';
import type { QueueSegment } from './queueApi.js';

type SegmentPlaceholder = QueueSegment['placeholders'][number];

export const TOKEN_ATTRIBUTE = 'data-placeholder';

/** What a token shows: a glossary term as its target, everything else as it reads in the source. */
export function tokenLabel(placeholder: SegmentPlaceholder, segment: QueueSegment): string {
  if (placeholder.kind !== 'term') return placeholder.display;
  const term = segment.terms.find(
    (entry) => entry.source.toLowerCase() === placeholder.display.toLowerCase(),
  );
  return term?.target ?? placeholder.display;
}

/** What a token stands for, said on hover (see tokenMeaning.ts). */
export type DescribeToken = (placeholder: SegmentPlaceholder) => string;

export function createToken(
  document: Document,
  placeholder: SegmentPlaceholder,
  segment: QueueSegment,
  describe: DescribeToken,
): HTMLSpanElement {
  const token = document.createElement('span');
  token.className = `parley-token parley-token-${placeholder.kind}`;
  token.setAttribute('contenteditable', 'false');
  token.setAttribute(TOKEN_ATTRIBUTE, String(placeholder.id));
  token.textContent = tokenLabel(placeholder, segment);
  token.title = describe(placeholder);
  return token;
}

/**
 * Replaces the element's content by the parts, glossary terms as their target text; unknown
 * placeholder ids are kept as plain ids.
 */
export function fillEditor(
  element: HTMLElement,
  parts: readonly MaskedPart[],
  segment: QueueSegment,
  describe: DescribeToken,
) {
  const document = element.ownerDocument;
  const termTarget = (id: number) => {
    const placeholder = segment.placeholders.find((entry) => entry.id === id);
    return placeholder?.kind === 'term' ? tokenLabel(placeholder, segment) : undefined;
  };
  element.replaceChildren(
    ...termsAsText(parts, termTarget).map((part) => {
      if ('text' in part) return document.createTextNode(part.text);
      const placeholder = segment.placeholders.find((entry) => entry.id === part.placeholder);
      return placeholder
        ? createToken(document, placeholder, segment, describe)
        : document.createTextNode(placeholderElement(part.placeholder));
    }),
  );
}

/**
 * The element's content as parts. Browsers write runs of typed spaces as no-break spaces to keep
 * them visible; they are read back as plain spaces, which is what the translator meant.
 */
export function readEditor(element: HTMLElement): MaskedPart[] {
  const parts: MaskedPart[] = [];
  const addText = (text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && 'text' in last) last.text += text;
    else parts.push({ text });
  };
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        addText((child.textContent ?? '').replace(/\u00A0/g, ' '));
      } else if (child instanceof HTMLElement) {
        const id = child.getAttribute(TOKEN_ATTRIBUTE);
        if (id !== null) parts.push({ placeholder: Number(id) });
        else if (child.tagName === 'BR') addText(' ');
        else walk(child);
      }
    }
  };
  walk(element);
  return parts;
}

/** Inserts a token at the caret when it is inside the element, else at the end. */
export function insertToken(
  element: HTMLElement,
  placeholder: SegmentPlaceholder,
  segment: QueueSegment,
  describe: DescribeToken,
): void {
  const document = element.ownerDocument;
  const token = createToken(document, placeholder, segment, describe);
  const selection = document.getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  if (range && element.contains(range.commonAncestorContainer)) {
    range.deleteContents();
    range.insertNode(token);
    range.setStartAfter(token);
    range.collapse(true);
    selection?.removeAllRanges();
    selection?.addRange(range);
  } else {
    element.append(token);
  }
}
