/**
 * Masked segments as translators edit them: read into text and placeholder parts, written back,
 * and checked for every placeholder of the source exactly once. The translators' workspace uses
 * these to show and edit segments; the proxy uses the same check on submission, so what the
 * editor flags live is what the server refuses.
 */
import { escapeXmlText, unescapeXmlText } from './escape.js';
import { placeholderElement } from './placeholder.js';
import { capitalize } from './restore.js';
import type { QaIssue, SegmentPlaceholder } from './types.js';

/** Text (unescaped), or the N of a `<x id="N"/>`. */
export type MaskedPart = { text: string } | { placeholder: number };

const WORD = /[\p{L}\p{N}]/u;
const PLACEHOLDER = /<x\s+id\s*=\s*["'](\d+)["']\s*\/>/g;

export function parseMaskedSegment(masked: string): MaskedPart[] {
  const parts: MaskedPart[] = [];
  let last = 0;
  for (const match of masked.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ text: unescapeXmlText(masked.slice(last, match.index)) });
    parts.push({ placeholder: Number(match[1]) });
    last = match.index + match[0].length;
  }
  if (last < masked.length) parts.push({ text: unescapeXmlText(masked.slice(last)) });
  return parts;
}

export function writeMaskedSegment(parts: readonly MaskedPart[]): string {
  return parts
    .map((part) =>
      'text' in part ? escapeXmlText(part.text) : placeholderElement(part.placeholder),
    )
    .join('');
}

/**
 * The parts with each glossary-term placeholder written as its target text, for a translator to
 * inflect: capitalised where it starts the segment, as restore writes it. `targetOf` names the
 * target of a placeholder id, or nothing for a placeholder that is not a term.
 */
export function termsAsText(
  parts: readonly MaskedPart[],
  targetOf: (id: number) => string | undefined,
): MaskedPart[] {
  const out: MaskedPart[] = [];
  let started = false;
  for (const part of parts) {
    let text: string | undefined;
    if ('text' in part) text = part.text;
    else {
      const target = targetOf(part.placeholder);
      if (target !== undefined) text = started ? target : capitalize(target);
    }
    if (text === undefined) {
      out.push(part);
      continue;
    }
    started ||= WORD.test(text);
    const last = out.at(-1);
    if (last && 'text' in last) last.text += text;
    else out.push({ text });
  }
  return out;
}

/** A segment as far as the placeholder check needs it. */
export interface PlaceholderOwner {
  placeholders: readonly (Pick<SegmentPlaceholder, 'id' | 'display'> &
    Partial<Pick<SegmentPlaceholder, 'kind'>>)[];
}

/**
 * Errors for each placeholder of a segment missing, repeated, or not from its source. A glossary
 * term is the translator's text to inflect: its placeholder may be left out.
 */
export function checkPlaceholders(
  segments: readonly PlaceholderOwner[],
  targets: readonly string[],
): QaIssue[] {
  const issues: QaIssue[] = [];
  segments.forEach((segment, index) => {
    const counts = new Map<number, number>();
    for (const part of parseMaskedSegment(targets[index] ?? ''))
      if ('placeholder' in part)
        counts.set(part.placeholder, (counts.get(part.placeholder) ?? 0) + 1);
    for (const placeholder of segment.placeholders) {
      const count = counts.get(placeholder.id) ?? 0;
      counts.delete(placeholder.id);
      if (count === 1 || (count === 0 && placeholder.kind === 'term')) continue;
      issues.push({
        code: count === 0 ? 'placeholder_missing' : 'placeholder_duplicated',
        severity: 'error',
        message:
          count === 0
            ? `${placeholder.display} is missing from segment ${index + 1}.`
            : `${placeholder.display} appears ${count} times in segment ${index + 1}; keep it once.`,
        segment: index,
        detail: placeholder.display,
      });
    }
    for (const id of counts.keys())
      issues.push({
        code: 'placeholder_unknown',
        severity: 'error',
        message: `Segment ${index + 1} has a placeholder (${id}) that is not in its source.`,
        segment: index,
        detail: placeholderElement(id),
      });
  });
  return issues;
}
