/**
 * What the proxy needs from a helpdesk: post a comment on a ticket (public reply or internal
 * note), after an attempt whose outcome is unknown find a comment it may already have posted, and
 * look up who a user is and whose a ticket is before acting for an agent. Failures are classified
 * so callers know whether to retry, wait, or give up.
 */
import { htmlToText } from '@parley/shared/pipeline/html-text';
import { isAxiosError } from 'axios';
import { parseRetryAfter } from '../retry-policy.js';

export interface OutgoingComment {
  /** Sanitized HTML. */
  html: string;
  public: boolean;
  authorId: string | null;
}

/** What a helpdesk says a user is: staff (admins included), a customer, or a disabled account. */
export type PersonKind = 'agent' | 'end-user' | 'inactive';

export interface HelpdeskClient {
  /** What the user is; undefined when the helpdesk has no such user (Freshdesk: no such agent). */
  person(userId: string): Promise<PersonKind | undefined>;
  /** The ticket's requester; undefined when the helpdesk has no such ticket. */
  ticket(ticketId: string): Promise<{ requesterId: string } | undefined>;
  /** Posts and returns the new comment's id. */
  post(ticketId: string, comment: OutgoingComment): Promise<string>;
  /** The id of a comment on the ticket with this content, created at or after `since`. */
  findPosted(
    ticketId: string,
    comment: OutgoingComment,
    since: number,
  ): Promise<string | undefined>;
}

export type HelpdeskFailure =
  /** 4xx other than 429: the helpdesk refused the request; retrying will not help. */
  | 'rejected'
  /** 429: nothing was posted; retry after the given delay. */
  | 'rate_limited'
  /** Network error, timeout or 5xx: the comment may or may not have been posted. */
  | 'unavailable';

export class HelpdeskError extends Error {
  override readonly name = 'HelpdeskError';
  constructor(
    readonly failure: HelpdeskFailure,
    message: string,
    readonly status?: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** Turns an axios failure into a HelpdeskError carrying the helpdesk's own message. */
export function classify(
  error: unknown,
  helpdesk: string,
  describe: (body: unknown) => string | undefined,
): HelpdeskError {
  if (!isAxiosError(error) || !error.response)
    return new HelpdeskError(
      'unavailable',
      `${helpdesk} could not be reached: ${error instanceof Error ? error.message : String(error)}`,
    );
  const { status, data, headers } = error.response;
  const detail = describe(data) ?? error.message;
  if (status === 429)
    return new HelpdeskError(
      'rate_limited',
      `${helpdesk} rate limit: ${detail}`,
      status,
      parseRetryAfter(headers['retry-after']),
    );
  if (status >= 400 && status < 500)
    return new HelpdeskError(
      'rejected',
      `${helpdesk} refused the reply (${status}): ${detail}`,
      status,
    );
  return new HelpdeskError('unavailable', `${helpdesk} failed (${status}): ${detail}`, status);
}

/** Runs a read that may name something the helpdesk does not have: its 404 becomes undefined. */
export async function lookUp<T>(
  read: () => Promise<T>,
  helpdesk: string,
  describe: (body: unknown) => string | undefined,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (isAxiosError(error) && error.response?.status === 404) return undefined;
    throw classify(error, helpdesk, describe);
  }
}

/** Comment text compared without markup, entities or whitespace (helpdesks re-format HTML). */
export function comparableText(html: string): string {
  return htmlToText(html).replace(/\s+/g, '');
}
