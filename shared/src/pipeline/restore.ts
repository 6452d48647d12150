/**
 * Restores one translated masked segment: placeholders back to their tags and spans, glossary
 * targets in, text unescaped, and QA of what the engine did. Nothing is lost: a placeholder the
 * engine dropped is re-inserted (start tags at the start, everything else at the end), extra
 * copies and unknown ids are removed, and each repair is reported.
 */
import { escapeHtmlText, unescapeXmlText } from './escape.js';
import type { SegmentPlan } from './document-builder.js';
import { compareNumbers, numbersIn } from './numbers.js';
import type { Placeholder } from './placeholder.js';
import { describePlaceholder, PLACEHOLDER_IN_OUTPUT } from './placeholder.js';
import type { DocumentFormat, QaIssue, RestoreOptions } from './types.js';

export interface RestoredSegment {
  output: string;
  /** The engine reordered tags so that they cross or close before they open. */
  tagsUnbalanced: boolean;
}

/** Text, or the 0-based index of a placeholder of the segment. */
type Token = string | number;

const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const ENDS_WITH_WORD = /[\p{L}\p{N}\p{P}]$/u;

export function restoreSegment(
  plan: SegmentPlan,
  translated: string,
  format: DocumentFormat,
  segment: number,
  qa: QaIssue[],
  options: RestoreOptions = {},
): RestoredSegment {
  const { placeholders } = plan;
  const tokens = readPlaceholders(translated, placeholders, segment, qa);
  trimEdges(tokens);

  const text = tokens.filter((token): token is string => typeof token === 'string').join('');
  if (plan.translatable && text.trim() === '') {
    qa.push({
      code: 'translation_empty',
      severity: 'error',
      message: 'The translation has no text.',
      segment,
    });
  }
  reinsertMissing(tokens, placeholders, segment, qa, options.termsAsText === true);
  const tagsUnbalanced = !tagsNest(tokens, placeholders);
  if (tagsUnbalanced) {
    qa.push({
      code: 'tags_unbalanced',
      severity: 'warning',
      message:
        'The translation reordered formatting tags so that they overlap; the markup was repaired.',
      segment,
    });
  }
  if (plan.translatable && translated !== plan.masked)
    checkNumbers(plan.sourceText, text, segment, qa);
  return { output: render(tokens, placeholders, format), tagsUnbalanced };
}

function readPlaceholders(
  translated: string,
  placeholders: readonly Placeholder[],
  segment: number,
  qa: QaIssue[],
): Token[] {
  const tokens: Token[] = [];
  const seen = new Uint8Array(placeholders.length);
  let textStart = 0;
  PLACEHOLDER_IN_OUTPUT.lastIndex = 0;
  for (
    let match = PLACEHOLDER_IN_OUTPUT.exec(translated);
    match;
    match = PLACEHOLDER_IN_OUTPUT.exec(translated)
  ) {
    if (match.index > textStart)
      tokens.push(unescapeXmlText(translated.slice(textStart, match.index)));
    textStart = match.index + match[0].length;
    if (match[1] === undefined) continue;
    const index = Number(match[1]) - 1;
    const placeholder = placeholders[index];
    if (!placeholder) {
      qa.push({
        code: 'placeholder_unknown',
        severity: 'warning',
        message: `The translation contains a placeholder that is not in the source (${match[0]}); it was removed.`,
        segment,
        detail: match[0],
      });
    } else if (seen[index] === 1) {
      qa.push({
        code: 'placeholder_duplicated',
        severity: 'warning',
        message: `${describePlaceholder(placeholder)} appeared more than once in the translation; the copy was removed.`,
        segment,
        detail: describePlaceholder(placeholder),
      });
    } else {
      seen[index] = 1;
      tokens.push(index);
    }
  }
  if (textStart < translated.length) tokens.push(unescapeXmlText(translated.slice(textStart)));
  return tokens;
}

/** The segment's own edge whitespace is restored from the source; engines' is dropped. */
function trimEdges(tokens: Token[]): void {
  const first = tokens[0];
  if (typeof first === 'string') tokens[0] = first.trimStart();
  const lastIndex = tokens.length - 1;
  const last = tokens[lastIndex];
  if (typeof last === 'string') tokens[lastIndex] = last.trimEnd();
}

function reinsertMissing(
  tokens: Token[],
  placeholders: readonly Placeholder[],
  segment: number,
  qa: QaIssue[],
  termsAsText: boolean,
): void {
  const present = new Set(tokens.filter((token) => typeof token === 'number'));
  placeholders.forEach((placeholder, index) => {
    if (present.has(index) || (termsAsText && placeholder.kind === 'term')) return;
    const isTag =
      placeholder.kind === 'open' || placeholder.kind === 'close' || placeholder.kind === 'void';
    if (placeholder.kind === 'open') {
      tokens.unshift(index);
    } else {
      const last = tokens[tokens.length - 1];
      if (!isTag && typeof last === 'string' && ENDS_WITH_WORD.test(last)) tokens.push(' ');
      tokens.push(index);
    }
    const described = describePlaceholder(placeholder);
    qa.push({
      code: 'placeholder_missing',
      severity: isTag ? 'warning' : 'error',
      message: isTag
        ? `The translation lost the tag ${described}; it was put back.`
        : `The translation lost ${described}; it was re-inserted at the end of the sentence.`,
      segment,
      detail: described,
    });
  });
}

/** Whether start and end tags that are both in this segment still nest properly. */
function tagsNest(tokens: readonly Token[], placeholders: readonly Placeholder[]): boolean {
  const open: number[] = [];
  const opened = new Set<number>();
  const paired = new Set<number>();
  const starts = new Set<number>();
  for (const placeholder of placeholders) {
    if (placeholder.kind === 'open') starts.add(placeholder.element);
    else if (placeholder.kind === 'close' && starts.has(placeholder.element))
      paired.add(placeholder.element);
  }
  if (paired.size === 0) return true;
  for (const token of tokens) {
    if (typeof token === 'string') continue;
    const placeholder = placeholders[token];
    if (!placeholder || (placeholder.kind !== 'open' && placeholder.kind !== 'close')) continue;
    if (!paired.has(placeholder.element)) continue;
    if (placeholder.kind === 'open') {
      open.push(placeholder.element);
      opened.add(placeholder.element);
    } else if (!opened.has(placeholder.element) || open.pop() !== placeholder.element) {
      return false;
    }
  }
  return true;
}

function checkNumbers(
  sourceText: string,
  translatedText: string,
  segment: number,
  qa: QaIssue[],
): void {
  const { missing, extra } = compareNumbers(numbersIn(sourceText), numbersIn(translatedText));
  if (missing.length === 0 && extra.length === 0) return;
  const parts = [
    missing.length > 0 ? `missing ${missing.join(', ')}` : '',
    extra.length > 0 ? `unexpected ${extra.join(', ')}` : '',
  ].filter(Boolean);
  qa.push({
    code: 'number_mismatch',
    severity: 'warning',
    message: `The numbers differ from the source: ${parts.join('; ')}.`,
    segment,
    detail: parts.join('; '),
  });
}

function render(
  tokens: readonly Token[],
  placeholders: readonly Placeholder[],
  format: DocumentFormat,
): string {
  let output = '';
  let atSentenceStart = true;
  for (const token of tokens) {
    if (typeof token === 'string') {
      output += format === 'html' ? escapeHtmlText(token) : token;
      if (atSentenceStart && WORD_CHARACTER.test(token)) atSentenceStart = false;
      continue;
    }
    const placeholder = placeholders[token];
    if (!placeholder) continue;
    if (placeholder.kind === 'term') {
      // The glossary writes terms as they appear mid-sentence; a sentence still starts with a capital.
      const target = atSentenceStart ? capitalize(placeholder.target) : placeholder.target;
      output += format === 'html' ? escapeHtmlText(target) : target;
      atSentenceStart = false;
    } else {
      output += placeholder.output;
      if (placeholder.kind === 'span') atSentenceStart = false;
    }
  }
  return output;
}

/** The text with its first letter in upper case, as a sentence starts. */
export function capitalize(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const character = String.fromCodePoint(first);
  return character.toUpperCase() + text.slice(character.length);
}
