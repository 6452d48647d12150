/**
 * The ticket context a reply sent for review carries to the translator: the ticket's subject and
 * the customer's last message as plain text, cut to what the proxy accepts (it masks personal data
 * in both before storing them).
 */
import type { ReplyTicketContext } from '@parley/shared/api/schemas';
import type { TicketComment } from '../host/helpdeskHost.js';
import { htmlToText } from './html.js';

const MAX_SUBJECT = 250;
const MAX_MESSAGE = 4000;

/** The first `max` characters, not cutting a character in two; an ellipsis says it was cut. */
function cut(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}

export function reviewContext(
  subject: string | undefined,
  comments: readonly TicketComment[],
): ReplyTicketContext | undefined {
  const last = comments.findLast((comment) => comment.authorRole === 'customer');
  const message = last ? htmlToText(last.html) : '';
  const title = subject?.trim() ?? '';
  if (!title && !message) return undefined;
  return {
    ...(title ? { subject: cut(title, MAX_SUBJECT) } : {}),
    ...(message ? { lastMessage: cut(message, MAX_MESSAGE) } : {}),
  };
}
