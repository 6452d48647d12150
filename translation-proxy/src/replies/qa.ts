/**
 * QA of a translator's submission, segment by segment on the masked text: every placeholder of
 * the source exactly once (an error otherwise: a dropped `{{ticket.id}}` or tag must be fixed),
 * then what restoring the document reports (empty segments, numbers, tag order) and whether the
 * glossary was followed.
 */
import { checkTranslation, type QaIssue } from '@parley/shared/pipeline/index';
import type { GlossaryTerm, PreparedDocument } from '@parley/shared/pipeline/index';
import type { JobSegment } from '../store/reply-jobs.js';

const PLACEHOLDER = /<x\s+id\s*=\s*["'](\d+)["']\s*\/>/g;

export function checkPlaceholders(segments: readonly JobSegment[], targets: readonly string[]) {
  const issues: QaIssue[] = [];
  segments.forEach((segment, index) => {
    const counts = new Map<number, number>();
    for (const match of (targets[index] ?? '').matchAll(PLACEHOLDER)) {
      const id = Number(match[1]);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const placeholder of segment.placeholders) {
      const count = counts.get(placeholder.id) ?? 0;
      counts.delete(placeholder.id);
      if (count === 1) continue;
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
        detail: `<x id="${id}"/>`,
      });
  });
  return issues;
}

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
  const restored = document.restore(targets);
  // Placeholder problems are already reported above, as errors.
  issues.push(...restored.qa.filter((issue) => !issue.code.startsWith('placeholder_')));
  issues.push(
    ...checkTranslation(draft, restored.output, document.format, { terms }).filter(
      (issue) => issue.code === 'term_missing',
    ),
  );
  return { output: restored.output, issues };
}
