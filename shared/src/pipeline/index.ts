/**
 * The text pipeline: HTML or plain text in → masked sentence segments for the engines → restore
 * → QA → sanitized HTML out. Used for agent drafts, customer comments and translators' edits.
 *
 *   const document = prepareHtml(commentHtml, { sourceLanguage: 'es', terms });
 *   const translated = await engine(document.segments.filter(s => s.translatable)…);
 *   const { output, qa } = document.restore(oneMaskedStringPerSegment);
 *
 * QA codes and when restore() reports them (checkTranslation() reports the same codes for a human
 * edit, where a missing span or URL and any tag mismatch are errors the translator must fix):
 *   placeholder_missing     engine dropped a placeholder; re-inserted. Span/term: error; tag: warning
 *   placeholder_duplicated  extra copy removed (warning)
 *   placeholder_unknown     id not in the source segment, removed (warning)
 *   tags_unbalanced         engine made tags overlap; markup re-nested (warning)
 *   number_mismatch         digits differ, separators ignored (warning)
 *   translation_empty       a translatable segment came back empty (error)
 *   url_mismatch, whitespace, term_missing   only from checkTranslation()
 */
export { prepareText } from './prepare-text.js';
export { prepareHtml } from './prepare-html.js';
export { sanitizeHtml } from './sanitize.js';
export { checkTranslation } from './check-translation.js';
export type { CheckOptions } from './check-translation.js';
export type {
  DocumentFormat,
  GlossaryTerm,
  PersonalDataMasking,
  PipelineOptions,
  PreparedDocument,
  QaCode,
  QaIssue,
  RestoreOptions,
  RestoredDocument,
  Segment,
  SegmentPlaceholder,
} from './types.js';
