/**
 * QA of a human translation against its source (the translator workspace): every protected span
 * and URL present exactly as often as in the source, the same tags and well-formed markup, the
 * same numbers, the same edge whitespace. Works on whole texts, not masked segments, because a
 * translator edits the real text.
 */
import { walkSanitizedHtml } from './html-walk.js';
import { tagTreatment, VOID_ELEMENTS } from './html-policy.js';
import { compareNumbers, numbersIn } from './numbers.js';
import { findTerms } from './glossary.js';
import { findProtectedSpans } from './protected-spans.js';
import { countTermForms } from './term-forms.js';
import { trailingWhitespace } from './trailing.js';
import type { SpanCategory } from './protected-spans.js';
import type { DocumentFormat, GlossaryTerm, QaIssue } from './types.js';

interface Analysis {
  /** Visible text with protected spans cut out. */
  text: string;
  /** Protected spans (including `<code>` contents) → how often each occurs. */
  spans: Map<string, { category: SpanCategory; count: number }>;
  /** Element name → how many start tags. */
  tags: Map<string, number>;
  /** Elements opened and never closed, or closed and never opened. */
  malformed: string[];
}

const LETTER = /\p{L}/u;
const END_TAG = /<\/([a-zA-Z][a-zA-Z0-9]*)\s*>/g;

export interface CheckOptions {
  /** The tenant glossary: do-not-translate terms must stay, terms with a target must use it. */
  terms?: readonly GlossaryTerm[];
}

export function checkTranslation(
  source: string,
  target: string,
  format: DocumentFormat,
  options: CheckOptions = {},
): QaIssue[] {
  const issues: QaIssue[] = [];
  const from = analyse(source, format);
  const to = analyse(target, format);

  if (LETTER.test(from.text) && to.text.trim() === '' && to.spans.size === 0) {
    return [
      { code: 'translation_empty', severity: 'error', message: 'The translation has no text.' },
    ];
  }
  compareSpans(from, to, issues);
  if (format === 'html') compareTags(from, to, issues);
  if (options.terms && options.terms.length > 0)
    checkTerms(from.text, to.text, options.terms, issues);

  const { missing, extra } = compareNumbers(numbersIn(from.text), numbersIn(to.text));
  if (missing.length > 0 || extra.length > 0) {
    const detail = [
      missing.length > 0 ? `missing ${missing.join(', ')}` : '',
      extra.length > 0 ? `unexpected ${extra.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    issues.push({
      code: 'number_mismatch',
      severity: 'warning',
      message: `The numbers differ from the source: ${detail}.`,
      detail,
    });
  }
  if (
    format === 'text' &&
    (leadingSpace(source) !== leadingSpace(target) ||
      trailingWhitespace(source) !== trailingWhitespace(target))
  ) {
    issues.push({
      code: 'whitespace',
      severity: 'warning',
      message: 'The translation starts or ends with different whitespace than the source.',
    });
  }
  return issues;
}

const leadingSpace = (text: string): string => /^\s*/u.exec(text)?.[0] ?? '';

function analyse(input: string, format: DocumentFormat): Analysis {
  const analysis: Analysis = { text: '', spans: new Map(), tags: new Map(), malformed: [] };
  if (format === 'text') {
    collectText(input, analysis);
    return analysis;
  }
  let text = '';
  let code: { depth: number; text: string } | undefined;
  let explicitEnds = 0;
  walkSanitizedHtml(input, {
    openTag(name) {
      analysis.tags.set(name, (analysis.tags.get(name) ?? 0) + 1);
      if (code) code.depth += VOID_ELEMENTS.has(name) ? 0 : 1;
      else if (name === 'code') code = { depth: 1, text: '' };
      // Block boundaries separate words, so spans and numbers never run across them.
      else text += ' ';
    },
    closeTag(name, implied) {
      if (implied) analysis.malformed.push(`<${name}> is not closed`);
      else explicitEnds++;
      if (code && --code.depth === 0) {
        addSpan(analysis, code.text, 'code');
        code = undefined;
      } else if (!code) {
        text += ' ';
      }
    },
    text(chunk) {
      if (code) code.text += chunk;
      else text += chunk;
    },
  });
  let writtenEnds = 0;
  for (const [, name = ''] of input.matchAll(END_TAG)) {
    const tag = name.toLowerCase();
    if (tagTreatment(tag) === 'keep' && !VOID_ELEMENTS.has(tag)) writtenEnds++;
  }
  if (writtenEnds > explicitEnds)
    analysis.malformed.push(`${writtenEnds - explicitEnds} end tag(s) close nothing`);
  collectText(text, analysis);
  return analysis;
}

function collectText(text: string, analysis: Analysis): void {
  let from = 0;
  for (const { start, end, category } of findProtectedSpans(text)) {
    analysis.text += text.slice(from, start) + ' ';
    addSpan(analysis, text.slice(start, end), category);
    from = end;
  }
  analysis.text += text.slice(from);
}

function addSpan(analysis: Analysis, span: string, category: SpanCategory): void {
  const known = analysis.spans.get(span);
  if (known) known.count++;
  else analysis.spans.set(span, { category, count: 1 });
}

function compareSpans(from: Analysis, to: Analysis, issues: QaIssue[]): void {
  for (const [span, { category, count }] of from.spans) {
    const found = to.spans.get(span)?.count ?? 0;
    const isUrl = category === 'url';
    if (found < count) {
      issues.push({
        code: isUrl ? 'url_mismatch' : 'placeholder_missing',
        severity: 'error',
        message: `${span} must appear in the translation exactly as in the source${count > 1 ? ` (${count} times)` : ''}.`,
        detail: span,
      });
    } else if (found > count) {
      issues.push({
        code: isUrl ? 'url_mismatch' : 'placeholder_duplicated',
        severity: 'warning',
        message: `${span} appears ${found} times in the translation but ${count} in the source.`,
        detail: span,
      });
    }
  }
  for (const [span, { category }] of to.spans) {
    if (from.spans.has(span)) continue;
    issues.push({
      code: category === 'url' ? 'url_mismatch' : 'placeholder_unknown',
      severity: 'warning',
      message: `${span} is not in the source.`,
      detail: span,
    });
  }
}

function compareTags(from: Analysis, to: Analysis, issues: QaIssue[]): void {
  const differences: string[] = [];
  for (const name of new Set([...from.tags.keys(), ...to.tags.keys()])) {
    const difference = (to.tags.get(name) ?? 0) - (from.tags.get(name) ?? 0);
    if (difference < 0)
      differences.push(`missing <${name}>${difference < -1 ? ` ×${-difference}` : ''}`);
    if (difference > 0)
      differences.push(`extra <${name}>${difference > 1 ? ` ×${difference}` : ''}`);
  }
  const problems = [...differences, ...to.malformed];
  if (problems.length === 0) return;
  issues.push({
    code: 'tags_unbalanced',
    severity: 'error',
    message: `The translation's tags do not match the source: ${problems.join('; ')}.`,
    detail: problems.join('; '),
  });
}

function checkTerms(
  source: string,
  target: string,
  terms: readonly GlossaryTerm[],
  issues: QaIssue[],
): void {
  const expected = new Map<GlossaryTerm, number>();
  for (const { term } of findTerms(source, terms))
    expected.set(term, (expected.get(term) ?? 0) + 1);
  if (expected.size === 0) return;
  // A do-not-translate term must stay exactly as it is, matched the same whole-word way…
  const kept = [...expected.keys()]
    .filter((term) => term.target === undefined)
    .map((term) => ({ source: term.source, caseSensitive: term.caseSensitive }));
  const found = new Map<string, number>();
  for (const { start, end } of findTerms(target, kept)) {
    const key = target.slice(start, end).toLowerCase();
    found.set(key, (found.get(key) ?? 0) + 1);
  }
  // …while a translator may inflect and recase a glossary target to fit the sentence.
  const targets = [...expected.keys()].flatMap((term) => (term.target ? [term.target] : []));
  for (const [rendering, count] of countTermForms(target, targets))
    found.set(rendering.toLowerCase(), (found.get(rendering.toLowerCase()) ?? 0) + count);
  for (const [term, count] of expected) {
    const rendering = term.target ?? term.source;
    const key = rendering.toLowerCase();
    const available = found.get(key) ?? 0;
    found.set(key, Math.max(0, available - count));
    if (available >= count) continue;
    const doNotTranslate = term.target === undefined;
    issues.push({
      code: 'term_missing',
      severity: doNotTranslate ? 'error' : 'warning',
      message: doNotTranslate
        ? `"${term.source}" must not be translated.`
        : `The glossary translates "${term.source}" as "${rendering}".`,
      detail: term.source,
    });
  }
}
