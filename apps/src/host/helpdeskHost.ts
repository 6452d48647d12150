/**
 * What the sidebar UI needs from a helpdesk, and nothing helpdesk-specific: Zendesk and Freshdesk
 * each implement this once (an adapter), and every component talks only to this interface.
 */

import type { KnownPersonalValue } from '@parley/shared/api/schemas';

/** Who wrote a comment, as far as translation cares: customers are translated, agents are not. */
export type AuthorRole = 'customer' | 'agent';

export interface TicketComment {
  id: string;
  authorRole: AuthorRole;
  authorName: string;
  /** The comment body as the helpdesk renders it (HTML). */
  html: string;
  /** ISO 8601 time the comment was created, when the helpdesk says. */
  createdAt?: string;
}

/** Whether replies go straight into the editor or through a translator first (a manifest setting). */
export type ReplyMode = 'machine' | 'review';

export interface TicketContext {
  helpdesk: 'zendesk' | 'freshdesk';
  ticketId: string;
  /** The ticket's subject, for the translator who reviews a reply; absent when the ticket has none. */
  subject?: string;
  /** The requester's profile locale (BCP 47), a prior for language detection; absent when unset. */
  requesterLocale?: string;
  /** The language the agent reads and writes: the app's override setting, else the agent's locale. */
  agentLocale: string;
  agentId: string;
  defaultMode: ReplyMode;
  /**
   * The requester's and agent's names, e-mail addresses and phone numbers as the ticket shows
   * them: sent as `hints.pii` so the proxy masks them before any engine sees the text.
   */
  personalData?: KnownPersonalValue[];
  /** The helpdesk's own colour scheme, when it says; the sidebar follows it. */
  colorScheme?: 'light' | 'dark';
}

/** What was put into the helpdesk's reply editor. */
export type InsertedFormat = 'html' | 'text';

export interface ProxyRequest {
  method: 'GET' | 'POST';
  /** Path on the proxy, starting with `/v1/`. */
  path: string;
  body?: unknown;
  /** Sent as `Idempotency-Key` so a retried submission is not a second job. */
  idempotencyKey?: string;
}

export type NoticeKind = 'notice' | 'alert' | 'error';

/** A reply the agent is sending from the helpdesk's own editor. */
export interface OutgoingReply {
  /** The reply body as the editor holds it (HTML). */
  html: string;
}

/** Whether a reply may go out; a stopped one carries the message the helpdesk shows the agent. */
export type SendDecision = { send: true } | { send: false; message: string };

export type SendCheck = (reply: OutgoingReply) => Promise<SendDecision>;

export interface HelpdeskHost {
  context: TicketContext;
  getComments(): Promise<TicketComment[]>;
  /** Calls `callback` when the ticket's conversation changes; returns the unsubscribe function. */
  onCommentsChanged(callback: () => void): () => void;
  /**
   * Puts a reply into the helpdesk's own editor, as HTML when the editor is rich text and as plain
   * text otherwise; says which it used.
   */
  insertReply(reply: { html: string; text: string }): Promise<InsertedFormat>;
  /**
   * Calls the Parley proxy with the tenant's key added by the helpdesk (never visible to this page).
   * Resolves with the parsed JSON body; rejects with a `ProxyError`.
   */
  request<T>(request: ProxyRequest): Promise<T>;
  /** A toast in the helpdesk's own UI. */
  notify(message: string, kind?: NoticeKind): void;
  /**
   * Asks the helpdesk to make the app's frame `height` CSS pixels tall: helpdesks give an app's
   * frame a fixed default height, and the sidebar grows and shrinks with the thread and composer.
   */
  resize(height: number): void;
  /**
   * Holds each reply the agent sends from the helpdesk's own editor until `check` decides, and
   * stops it when told to. Optional: only helpdesks that let an app hold a send have it (Freshdesk's
   * intercepted `ticket.sendReply`, Zendesk's `ticket.save` hook). One check at a time, the latest given; returns the function
   * that removes it. A check that rejects lets the reply go: Parley never stops an agent because
   * Parley itself failed.
   */
  onReplySending?(check: SendCheck): () => void;
}

/** The values a ticket shows that are set, each once, as `TicketContext.personalData`. */
export function knownValues(
  entries: readonly [KnownPersonalValue['kind'], string | undefined][],
): KnownPersonalValue[] {
  const known: KnownPersonalValue[] = [];
  for (const [kind, raw] of entries) {
    const value = raw?.trim().slice(0, 200);
    if (value && !known.some((entry) => entry.kind === kind && entry.value === value))
      known.push({ kind, value });
  }
  return known;
}

/**
 * A failed proxy call. `code` is the proxy's stable error code, or `proxy_unreachable` when no
 * answer came back (proxy down, wrong URL, domain not allowed by the helpdesk).
 */
export class ProxyError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ProxyError';
  }
}
