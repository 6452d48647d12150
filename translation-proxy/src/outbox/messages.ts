/**
 * What the outbox posts for a job: the public reply in the customer's language, and an internal
 * note with the agent's original draft, the engine, and who reviewed it (or why nobody did).
 */
import { escapeHtmlText, textToHtml } from '@parley/shared/pipeline/escape';
import { sanitizeHtml } from '@parley/shared/pipeline/index';
import type { ReplyJob } from '../store/reply-jobs.js';

const asHtml = (content: string, format: 'html' | 'text'): string =>
  format === 'html' ? sanitizeHtml(content) : textToHtml(content);

export function publicReplyHtml(job: ReplyJob): string {
  return asHtml(job.approved ?? job.machine, job.format);
}

export function internalNoteHtml(job: ReplyJob, editorName: string | undefined): string {
  const review =
    job.status === 'fallback'
      ? 'Not reviewed: the review deadline passed, so the machine translation was posted as is.'
      : job.mode === 'machine'
        ? 'Machine translation, posted without review at the agent’s request.'
        : `Reviewed and approved by ${escapeHtmlText(editorName ?? 'a translator')}${
            job.editDistance === null ? '' : ` (${job.editDistance} characters edited)`
          }.`;
  return [
    `<p><strong>Parley</strong> reply ${escapeHtmlText(job.id)}: ${escapeHtmlText(job.source)} → ${escapeHtmlText(job.target)}, engine ${escapeHtmlText(job.engine)}.</p>`,
    `<p>${review}</p>`,
    '<p>Original draft:</p>',
    `<blockquote>${asHtml(job.draft, job.format)}</blockquote>`,
  ].join('');
}
