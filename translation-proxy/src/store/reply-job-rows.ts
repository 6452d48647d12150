/**
 * What a reply job is in code, and how a `reply_jobs` row becomes one. Statuses, priorities,
 * helpdesks, modes and segments are the HTTP contract's own types (shared/src/api/schemas.ts), so
 * the store cannot drift from what the API promises.
 */
import type {
  Helpdesk as HelpdeskSchema,
  QueueSegment,
  Redactions,
  ReplyPriority,
  ReplyRequest,
  ReplyStatus as ReplyStatusSchema,
} from '@parley/shared/api/schemas';
import type { GlossaryTerm, SegmentPlaceholder } from '@parley/shared/pipeline/index';
import type {
  KnownPersonalValue,
  PersonalDataKind,
} from '@parley/shared/pipeline/personal-data/index';
import type { Static } from 'typebox';
import type { Row } from './database.js';

export type ReplyStatus = Static<typeof ReplyStatusSchema>;
export type ReplyMode = ReplyRequest['mode'];
export type Helpdesk = Static<typeof HelpdeskSchema>;
export type Priority = Static<typeof ReplyPriority>;
export type ReplyFormat = ReplyRequest['format'];

/**
 * The personal-data masking a job's draft was prepared with: needed to prepare it alike when the
 * translator's edit is restored, and cleared once it is (the known values go with it).
 */
export interface JobMasking {
  kinds: PersonalDataKind[];
  known: KnownPersonalValue[];
}

/**
 * One sentence of the draft as the translators' workspace shows it (masked, see the pipeline):
 * the queue's segment without what the view adds (its index, terms, how placeholders read).
 */
export type JobSegment = Pick<
  QueueSegment,
  'source' | 'target' | 'origin' | 'match' | 'translatable' | 'unknown'
> & { placeholders: SegmentPlaceholder[] };

export interface NewReplyJob {
  tenantId: string;
  idempotencyKey: string | null;
  helpdesk: Helpdesk;
  ticketId: string;
  authorId: string | null;
  mode: ReplyMode;
  format: ReplyFormat;
  priority: Priority;
  source: string;
  target: string;
  draft: string;
  terms: GlossaryTerm[];
  segments: JobSegment[];
  machine: string;
  engine: string;
  status: ReplyStatus;
  dueAt: number | null;
  masking: JobMasking | null;
  /** What was masked, by kind: kept for the audit. */
  redactions: Redactions;
}

export interface ReplyJob extends NewReplyJob {
  id: string;
  approved: string | null;
  claimedBy: string | null;
  leaseExpiresAt: number | null;
  editorId: string | null;
  editDistance: number | null;
  editRatio: number | null;
  flagged: boolean;
  error: { code: string; message: string } | null;
  postedCommentId: string | null;
  createdAt: number;
  updatedAt: number;
}

export const num = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
export const str = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
export const maskingFromRow = (value: unknown): JobMasking | null =>
  value ? (JSON.parse(String(value)) as JobMasking) : null;

export function jobFromRow(row: Row): ReplyJob {
  return {
    id: String(row.id),
    tenantId: String(row.tenant_id),
    idempotencyKey: str(row.idempotency_key),
    helpdesk: row.helpdesk as Helpdesk,
    ticketId: String(row.ticket_id),
    authorId: str(row.author_id),
    mode: row.mode as ReplyMode,
    format: row.format as ReplyFormat,
    priority: row.priority as Priority,
    source: String(row.source_lang),
    target: String(row.target_lang),
    draft: String(row.draft),
    terms: JSON.parse(String(row.terms)) as GlossaryTerm[],
    segments: JSON.parse(String(row.segments)) as JobSegment[],
    machine: String(row.machine),
    engine: String(row.engine),
    status: row.status as ReplyStatus,
    dueAt: num(row.due_at),
    masking: maskingFromRow(row.masking),
    redactions: JSON.parse(String(row.redactions ?? '[]')) as Redactions,
    approved: str(row.approved),
    claimedBy: str(row.claimed_by),
    leaseExpiresAt: num(row.lease_expires_at),
    editorId: str(row.editor_id),
    editDistance: num(row.edit_distance),
    editRatio: num(row.edit_ratio),
    flagged: Number(row.flagged) === 1,
    error:
      row.error_code === null || row.error_code === undefined
        ? null
        : { code: String(row.error_code), message: String(row.error_message ?? '') },
    postedCommentId: str(row.posted_comment_id),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
