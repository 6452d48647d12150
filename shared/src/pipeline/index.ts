/**
 * The text pipeline: HTML or plain text in → masked sentence segments for the engines → restore
 * → QA → sanitized HTML out. Used for agent drafts, customer comments and translators' edits.
 */
export { prepareText } from './prepare-text.js';
export { prepareHtml } from './prepare-html.js';
export { sanitizeHtml } from './sanitize.js';
export { checkTranslation } from './check-translation.js';
export type { CheckOptions } from './check-translation.js';
export type {
  DocumentFormat,
  GlossaryTerm,
  PipelineOptions,
  PreparedDocument,
  QaCode,
  QaIssue,
  RestoredDocument,
  Segment,
} from './types.js';
