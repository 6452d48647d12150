/**
 * The public types of the text pipeline: what callers pass in (options, glossary) and what they get
 * back (masked segments, QA issues, a document they can restore).
 */

import type { KnownPersonalValue, PersonalDataKind } from './personal-data/index.js';

/** A tenant glossary entry. Without `target` the term is never translated (do-not-translate). */
export interface GlossaryTerm {
  source: string;
  target?: string;
  /** Match the exact case of `source`; by default matching ignores case. */
  caseSensitive?: boolean;
}

export interface PipelineOptions {
  /** BCP 47 code of the text's language; drives sentence segmentation. */
  sourceLanguage: string;
  terms?: readonly GlossaryTerm[];
  /** Personal data to mask; without it none is (the caller applies the tenant's policy). */
  personalData?: PersonalDataMasking;
}

export interface PersonalDataMasking {
  kinds: ReadonlySet<PersonalDataKind>;
  /** Values the helpdesk knows (requester's and agent's names, e-mails, phones). */
  known?: readonly KnownPersonalValue[];
  /** Placeholders display the values instead of typed tokens (a tenant's translators may see them). */
  showValues?: boolean;
}

export interface Segment {
  /** XML-escaped text with every protected span and inline tag as `<x id="N"/>`, N = 1..n. */
  masked: string;
  /** False when the segment is only placeholders, digits and punctuation: not sent to engines. */
  translatable: boolean;
  /** What each `<x id="N"/>` stands for, in id order: shown as non-editable tokens to translators. */
  placeholders: readonly SegmentPlaceholder[];
}

export interface SegmentPlaceholder {
  /** The N of `<x id="N"/>`. */
  id: number;
  kind: 'open' | 'close' | 'void' | 'span' | 'term';
  /**
   * How it reads: `<b>`, `</b>`, `{{ticket.id}}`, `ORD-77812-B`, a glossary term's source; a
   * personal value as a typed token (`card ••••1111`, `phone`) unless values are shown.
   */
  display: string;
  /** Set when it stands for a personal value. */
  personal?: PersonalDataKind;
  /** What it stands for when `display` does not say: a link's URL, an image's address. */
  target?: string;
}

/** Stable QA codes, shared by machine-translation restore and the translator workspace. */
export type QaCode =
  | 'placeholder_missing'
  | 'placeholder_duplicated'
  | 'placeholder_unknown'
  | 'tags_unbalanced'
  | 'number_mismatch'
  | 'url_mismatch'
  | 'whitespace'
  | 'translation_empty'
  | 'term_missing';

export interface QaIssue {
  code: QaCode;
  /** An error must be fixed; a warning may be dismissed. */
  severity: 'error' | 'warning';
  message: string;
  /** Index of the segment concerned, when the issue belongs to one. */
  segment?: number;
  /** The span, tag or number concerned, as it appears in the source. */
  detail?: string;
}

export type DocumentFormat = 'text' | 'html';

export interface RestoredDocument {
  output: string;
  qa: QaIssue[];
}

export interface RestoreOptions {
  /**
   * The translation is a translator's edit, where glossary terms are text they may inflect: a
   * term placeholder left out is not missing (a term they kept as a placeholder is still written
   * as its target).
   */
  termsAsText?: boolean;
}

export interface PreparedDocument {
  readonly format: DocumentFormat;
  readonly segments: readonly Segment[];
  /**
   * Rebuilds the document from one translated masked string per segment (for untranslatable
   * segments pass the original masked string back). Throws a RangeError on a count mismatch.
   */
  restore(translated: readonly string[], options?: RestoreOptions): RestoredDocument;
}
