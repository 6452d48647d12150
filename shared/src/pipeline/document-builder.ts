/**
 * Turns a document's translatable runs into masked sentence segments. A run is a stretch of
 * inline content between block boundaries (or a line of plain text); the caller feeds runs as
 * text and placeholders, and literal output (block markup, line breaks) between them. Each run is
 * then: protected spans and glossary terms masked → split into sentences → edge whitespace and
 * edge tags moved out of each segment (so a sentence in `<p><b>…</b></p>` is keyed without its
 * wrapper) → placeholders numbered 1..n per segment.
 */
import { escapeHtmlText, escapeXmlText } from './escape.js';
import { findTerms } from './glossary.js';
import type { Placeholder } from './placeholder.js';
import { placeholderElement } from './placeholder.js';
import { findPersonalData, type PersonalDataKind } from './personal-data/index.js';
import { personalDataToken, replacePersonalData, withPersonalData } from './personal-spans.js';
import { findProtectedSpans } from './protected-spans.js';
import type { SpanCategory } from './protected-spans.js';
import { sentenceStarts } from './sentences.js';
import { trailingWhitespace } from './trailing.js';
import type { DocumentFormat, GlossaryTerm, PipelineOptions } from './types.js';

type RunToken = string | Placeholder;

export interface SegmentPlan {
  masked: string;
  translatable: boolean;
  /** Placeholder N of the masked text is `placeholders[N - 1]`. */
  placeholders: readonly Placeholder[];
  /** The segment's text outside placeholders, for number checks. */
  sourceText: string;
}

/** Literal output, or the index of the segment whose restored text goes there. */
export type DocumentPart = string | number;

export interface DocumentPlan {
  parts: DocumentPart[];
  segments: SegmentPlan[];
}

type Masked = { start: number; end: number } & (
  | { category: SpanCategory; term?: GlossaryTerm }
  | { category: 'personal'; personal: PersonalDataKind }
);

const LETTER = /\p{L}/u;
const LEADING_SPACE = /^\s+/u;

/**
 * What stands for a placeholder while ICU looks for sentence breaks. An end tag reads as closing
 * punctuation, so `First.</b> Second` breaks after the tag; a span reads as a capital letter, so a
 * sentence may start with `{{name}}`; start and void tags read as neutral symbols.
 */
const SENTENCE_STAND_IN: Readonly<Record<Placeholder['kind'], string>> = {
  open: '\uFFFC',
  close: ')',
  void: '\uFFFC',
  span: 'X',
  term: 'X',
};

export class DocumentBuilder {
  private readonly plan: DocumentPlan = { parts: [], segments: [] };
  /** Literal output and protected runs in document order, segmented together by `finish`. */
  private readonly pending: (string | RunToken[])[] = [];
  private run: RunToken[] = [];
  private elements = 0;

  constructor(
    private readonly format: DocumentFormat,
    private readonly options: PipelineOptions,
  ) {}

  /** Output copied as is; ends the current run. */
  literal(output: string): void {
    this.endRun();
    this.pending.push(output);
  }

  text(text: string): void {
    const last = this.run.length - 1;
    const previous = this.run[last];
    if (typeof previous === 'string') this.run[last] = previous + text;
    else this.run.push(text);
  }

  placeholder(placeholder: Placeholder): void {
    this.run.push(placeholder.kind === 'span' ? this.withTokens(placeholder) : placeholder);
  }

  /**
   * A span the caller masked whole (an HTML `<code>` element) reaches no engine, but translators
   * read its source: the personal values in it read as tokens there too.
   */
  private withTokens(span: Extract<Placeholder, { kind: 'span' }>): Placeholder {
    const masking = this.options.personalData;
    if (!masking || masking.kinds.size === 0 || masking.showValues) return span;
    const source = replacePersonalData(
      span.source,
      { kinds: masking.kinds, ...(masking.known ? { known: masking.known } : {}) },
      personalDataToken,
    );
    return source === span.source ? span : { ...span, source };
  }

  /** A fresh id pairing an inline element's start and end tags. */
  newElement(): number {
    return ++this.elements;
  }

  endRun(): void {
    if (this.run.length === 0) return;
    this.pending.push(this.protect(this.run));
    this.run = [];
  }

  finish(): DocumentPlan {
    this.endRun();
    const runs = this.pending.filter((item) => typeof item !== 'string');
    // Segmented after the whole document is read: one ICU call for all runs (see sentenceStarts).
    const starts = sentenceStarts(runs.map(standInText), this.options.sourceLanguage);
    let run = 0;
    for (const item of this.pending) {
      if (typeof item === 'string') this.plan.parts.push(item);
      else for (const sentence of splitAt(item, starts[run++] ?? [])) this.emitSentence(sentence);
    }
    return this.plan;
  }

  private render(text: string): string {
    return this.format === 'html' ? escapeHtmlText(text) : text;
  }

  /** Replaces personal data, protected spans and glossary terms in the run's text by placeholders. */
  private protect(run: readonly RunToken[]): RunToken[] {
    const tokens: RunToken[] = [];
    for (const token of run) {
      if (typeof token !== 'string') {
        tokens.push(token);
        continue;
      }
      const masked = this.maskedIn(token);
      let from = 0;
      for (const span of masked) {
        if (span.start > from) tokens.push(token.slice(from, span.start));
        tokens.push(this.placeholderFor(span, token.slice(span.start, span.end)));
        from = span.end;
      }
      if (from < token.length) tokens.push(from === 0 ? token : token.slice(from));
    }
    return tokens;
  }

  private placeholderFor(span: Masked, source: string): Placeholder {
    if (span.category === 'personal') {
      const display = this.options.personalData?.showValues
        ? source
        : personalDataToken(span.personal, source);
      const { personal } = span;
      return {
        kind: 'span',
        category: 'personal',
        personal,
        source,
        output: this.render(source),
        display,
      };
    }
    if (span.term?.target !== undefined) return { kind: 'term', source, target: span.term.target };
    return { kind: 'span', category: span.category, source, output: this.render(source) };
  }

  private maskedIn(text: string): Masked[] {
    const spans = this.spansAndTerms(text);
    const masking = this.options.personalData;
    if (!masking || masking.kinds.size === 0) return spans;
    const personal = findPersonalData(text, {
      kinds: masking.kinds,
      language: this.options.sourceLanguage,
      ...(masking.known ? { known: masking.known } : {}),
    });
    if (personal.length === 0) return spans;
    return withPersonalData(spans, personal, (span) => span.category !== 'term').map(
      (span): Masked =>
        'kind' in span
          ? { start: span.start, end: span.end, category: 'personal', personal: span.kind }
          : span,
    );
  }

  private spansAndTerms(text: string): Masked[] {
    const spans: Masked[] = findProtectedSpans(text);
    const terms = findTerms(text, this.options.terms);
    if (terms.length === 0) return spans;
    const all: Masked[] = [
      ...spans,
      ...terms.map(({ start, end, term }) => ({ start, end, term, category: 'term' as const })),
    ].sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: Masked[] = [];
    let keptEnd = 0;
    for (const candidate of all) {
      if (candidate.start < keptEnd) continue;
      kept.push(candidate);
      keptEnd = candidate.end;
    }
    return kept;
  }

  private emitSentence(sentence: RunToken[]): void {
    const before: string[] = [];
    const after: string[] = [];
    let start = 0;
    let end = sentence.length;
    for (;;) {
      // Whitespace at the edges stays outside the segment.
      const first = sentence[start];
      if (typeof first === 'string') {
        const space = LEADING_SPACE.exec(first)?.[0];
        if (space !== undefined) {
          before.push(this.render(space));
          if (space.length === first.length) start++;
          else sentence[start] = first.slice(space.length);
          continue;
        }
      }
      const last = sentence[end - 1];
      if (start < end && typeof last === 'string') {
        const space = trailingWhitespace(last);
        if (space !== '') {
          after.unshift(this.render(space));
          if (space.length === last.length) end--;
          else sentence[end - 1] = last.slice(0, last.length - space.length);
          continue;
        }
      }
      if (start >= end) break;
      // Tags at the edges stay outside too: a wrapper around the whole sentence, or a start or end
      // tag whose partner lies in another segment.
      if (
        isTag(first) &&
        isTag(last) &&
        end - start > 1 &&
        first.kind === 'open' &&
        first.element === last.element
      ) {
        before.push(first.output);
        after.unshift(last.output);
        start++;
        end--;
      } else if (isTag(first) && !hasPartner(sentence, start, end, first)) {
        before.push(first.output);
        start++;
      } else if (isTag(last) && !hasPartner(sentence, start, end, last)) {
        after.unshift(last.output);
        end--;
      } else {
        break;
      }
    }

    this.plan.parts.push(...before);
    if (start < end) {
      this.plan.parts.push(this.plan.segments.length);
      this.plan.segments.push(planSegment(sentence.slice(start, end)));
    }
    this.plan.parts.push(...after);
  }
}

function standInText(tokens: readonly RunToken[]): string {
  let standIn = '';
  for (const token of tokens)
    standIn += typeof token === 'string' ? token : SENTENCE_STAND_IN[token.kind];
  return standIn;
}

/** Cuts a run into sentences at the given offsets of its stand-in text. */
function splitAt(tokens: readonly RunToken[], starts: readonly number[]): RunToken[][] {
  if (starts.length === 0) return [[...tokens]];

  const sentences: RunToken[][] = [];
  let current: RunToken[] = [];
  let offset = 0;
  let next = 0;
  for (const token of tokens) {
    if (typeof token === 'string') {
      let from = 0;
      for (
        let start = starts[next];
        start !== undefined && start < offset + token.length;
        start = starts[++next]
      ) {
        const cut = start - offset;
        if (cut > from) current.push(token.slice(from, cut));
        sentences.push(current);
        current = [];
        from = cut;
      }
      if (from < token.length) current.push(from === 0 ? token : token.slice(from));
      offset += token.length;
    } else {
      if (starts[next] === offset) {
        sentences.push(current);
        current = [];
        next++;
      }
      current.push(token);
      offset += 1;
    }
  }
  sentences.push(current);
  return mergeWordless(sentences.filter((sentence) => sentence.length > 0));
}

type TagPlaceholder = Extract<Placeholder, { kind: 'open' | 'close' }>;

function isTag(token: RunToken | undefined): token is TagPlaceholder {
  return typeof token === 'object' && (token.kind === 'open' || token.kind === 'close');
}

function hasPartner(
  tokens: readonly RunToken[],
  start: number,
  end: number,
  tag: TagPlaceholder,
): boolean {
  for (let index = start; index < end; index++) {
    const token = tokens[index];
    if (isTag(token) && token !== tag && token.element === tag.element) return true;
  }
  return false;
}

function hasWords(sentence: readonly RunToken[]): boolean {
  return sentence.some((token) => typeof token === 'string' && LETTER.test(token));
}

/**
 * A "sentence" without words (a trailing URL, a smiley, a lone tag) joins its neighbour, so the
 * engine gets context and the memory keys on whole sentences.
 */
function mergeWordless(sentences: RunToken[][]): RunToken[][] {
  const merged: RunToken[][] = [];
  for (const sentence of sentences) {
    const previous = merged[merged.length - 1];
    if (previous && (!hasWords(sentence) || !hasWords(previous))) appendTokens(previous, sentence);
    else merged.push(sentence);
  }
  return merged;
}

function appendTokens(target: RunToken[], tokens: readonly RunToken[]): void {
  for (const token of tokens) {
    const last = target.length - 1;
    const previous = target[last];
    if (typeof token === 'string' && typeof previous === 'string') target[last] = previous + token;
    else target.push(token);
  }
}

function planSegment(tokens: readonly RunToken[]): SegmentPlan {
  const placeholders: Placeholder[] = [];
  let masked = '';
  let sourceText = '';
  for (const token of tokens) {
    if (typeof token === 'string') {
      masked += escapeXmlText(token);
      sourceText += token;
    } else {
      placeholders.push(token);
      masked += placeholderElement(placeholders.length);
    }
  }
  return { masked, translatable: LETTER.test(sourceText), placeholders, sourceText };
}
