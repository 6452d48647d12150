/**
 * QA of a translator's submission, segment by segment on the masked text: every placeholder of
 * the source exactly once (the check the workspace also runs live; a dropped `{{ticket.id}}` or
 * tag is an error to fix), then what restoring the document reports (empty segments, numbers, tag
 * order) and whether the glossary was followed (its targets found, inflected or recased: see
 * `term-forms.ts`).
 */
import { checkTranslation, type QaIssue } from '@parley/shared/pipeline/index';
import { checkPlaceholders } from '@parley/shared/pipeline/masked-segment';
import type { GlossaryTerm, PreparedDocument } from '@parley/shared/pipeline/index';
import type { JobSegment } from '../store/reply-jobs.js';

export interface SubmissionQa {
  output: string;
  issues: QaIssue[];
}

export function checkSubmission(
  draft: string,
  document: PreparedDocument,
  segments: readonly JobSegment[],
  targets: readonly string[],
  terms: readonly GlossaryTerm[],
): SubmissionQa {
  const issues = checkPlaceholders(segments, targets);
  // Glossary terms are the translator's text: they may have inflected them out of their tokens.
  const restored = document.restore(targets, { termsAsText: true });
  // Placeholder problems are already reported above, as errors.
  issues.push(...restored.qa.filter((issue) => !issue.code.startsWith('placeholder_')));
  issues.push(
    ...checkTranslation(draft, restored.output, document.format, { terms }).filter(
      (issue) => issue.code === 'term_missing',
    ),
  );
  return { output: restored.output, issues };
}
