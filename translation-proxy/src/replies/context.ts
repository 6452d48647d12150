/**
 * What translators read besides the segments — a queued reply's preview, the ticket's subject and
 * the customer's last message — with personal values as typed tokens (`[email]`, `[phone]`),
 * masked as the reply's draft was. Jobs queued before masking existed are masked in full.
 */
import { PERSONAL_DATA_KINDS } from '@parley/shared/pipeline/personal-data/index';
import { personalDataToken, replacePersonalData } from '@parley/shared/pipeline/personal-spans';
import type { ReplyTicketContext } from '@parley/shared/api/schemas';
import type { JobMasking } from '../store/reply-jobs.js';
import type { ReplyContext } from '../store/reply-contexts.js';

export const maskForTranslators = (text: string, masking: JobMasking | null): string =>
  replacePersonalData(
    text,
    {
      kinds: new Set(masking?.kinds ?? PERSONAL_DATA_KINDS),
      ...(masking ? { known: masking.known } : {}),
    },
    (kind, value) => `[${personalDataToken(kind, value)}]`,
  );

/**
 * The ticket context as it is stored: masked, whitespace runs as one space, empty parts left out.
 * Stored masked even for a tenant whose translators may see values, so that no personal value
 * outlives the job's own masking in a second table.
 */
export function maskedContext(
  context: ReplyTicketContext,
  masking: JobMasking | null,
): ReplyContext | undefined {
  const clean = (text: string | undefined) => {
    const masked = text && maskForTranslators(text, masking).replace(/\s+/g, ' ').trim();
    return masked ? masked : undefined;
  };
  const subject = clean(context.subject);
  const lastMessage = clean(context.lastMessage);
  if (!subject && !lastMessage) return undefined;
  return { ...(subject ? { subject } : {}), ...(lastMessage ? { lastMessage } : {}) };
}
