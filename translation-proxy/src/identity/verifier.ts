/**
 * Who is posting: before the proxy posts a reply or reads a ticket with the tenant's helpdesk
 * credential, it establishes the agent and checks them against the helpdesk. A Zendesk request
 * carries Zendesk's signed identity (`zendesk-token.ts`), which names the agent; an unsigned one
 * (Freshdesk's always, Zendesk's when the tenant allows it) names them in the request. Either
 * way the helpdesk's API must then say the author is an active agent, the ticket exists, and the
 * author is not its requester. Those answers are cached per tenant, helpdesk and id for minutes.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { LRUCache } from 'lru-cache';
import { ApiError } from '../errors.js';
import { HelpdeskError, type HelpdeskClient, type PersonKind } from '../helpdesks/client.js';
import { HelpdeskNotConfigured, type HelpdeskClients } from '../helpdesks/index.js';
import type { SecretBox } from '../secrets.js';
import type { IdentitySettings } from '../store/identity-settings.js';
import type { Store } from '../store/index.js';
import { IdentityTokenError, verifyZendeskToken } from './zendesk-token.js';

/** The header the Zendesk app sends Zendesk's signed identity in. */
const IDENTITY_HEADER = 'x-parley-identity';

/** The signed identity a request carries; a repeated header counts as none. */
export function identityToken(headers: IncomingHttpHeaders): string | undefined {
  const value = headers[IDENTITY_HEADER];
  return typeof value === 'string' ? value : undefined;
}

export interface PostingRequest {
  helpdesk: 'zendesk' | 'freshdesk';
  ticketId: string;
  /** The author the request names: untrusted until checked. */
  authorId: string | undefined;
  /** Zendesk's signed identity, when the request carries one. */
  token: string | undefined;
}

export interface IdentityVerifierOptions {
  store: Store;
  secrets: SecretBox;
  helpdesks: HelpdeskClients;
}

/** How long a helpdesk's answer about a user or ticket is reused: a role change counts within it. */
const CACHE_TTL_MS = 5 * 60_000;
/** Bounds the memory the answers take: about a megabyte. */
const CACHE_MAX_ENTRIES = 10_000;

const NAMES = { zendesk: 'Zendesk', freshdesk: 'Freshdesk' } as const;

const unverified = (message: string) => new ApiError('agent_unverified', message);

export function createIdentityVerifier({ store, secrets, helpdesks }: IdentityVerifierOptions) {
  const cache = new LRUCache<string, PersonKind | { requesterId: string }>({
    ttl: CACHE_TTL_MS,
    max: CACHE_MAX_ENTRIES,
  });

  /** A helpdesk answer, from the cache or the API; "no such thing" is asked again next time. */
  async function cached<T extends PersonKind | { requesterId: string }>(
    key: string,
    read: () => Promise<T | undefined>,
  ): Promise<T | undefined> {
    const hit = cache.get(key) as T | undefined;
    if (hit !== undefined) return hit;
    const value = await read();
    if (value !== undefined) cache.set(key, value);
    return value;
  }

  /** The author the signed identity names, or the request's own when unsigned is allowed. */
  async function claimedAuthor(
    tenantId: string,
    settings: IdentitySettings,
    request: PostingRequest,
  ): Promise<string> {
    // A token is evidence only where the tenant has the secret to check it; elsewhere the
    // request counts as unsigned (the app signs whether or not Parley was given the secret).
    const secret = request.helpdesk === 'zendesk' ? settings.zendeskSecret : null;
    if (secret && request.token !== undefined) {
      const credentials = await helpdesks.credentials(tenantId, 'zendesk');
      if (credentials.helpdesk !== 'zendesk')
        throw new HelpdeskNotConfigured('The stored Zendesk credentials are not Zendesk’s.');
      let userId: string;
      try {
        userId = await verifyZendeskToken(request.token, {
          secret: secrets.open(secret),
          // Zendesk subdomains are lower case; an admin may have typed the credentials otherwise.
          subdomain: credentials.subdomain.toLowerCase(),
        });
      } catch (error) {
        if (error instanceof IdentityTokenError) throw unverified(`Refused: ${error.message}.`);
        throw error;
      }
      if (request.authorId !== undefined && request.authorId !== userId)
        throw unverified('The authorId in the request is not the agent Zendesk signed for.');
      return userId;
    }
    if (request.helpdesk === 'zendesk' && settings.unsigned === 'refuse')
      throw unverified(
        secret
          ? "This tenant accepts Zendesk requests only with Zendesk's signed identity, and this one has none."
          : "This tenant accepts Zendesk requests only with Zendesk's signed identity, but no shared secret is set to check it with (npm run helpdesk -- identity).",
      );
    if (request.authorId === undefined)
      throw unverified('Say which agent is acting: the request names no author.');
    return request.authorId;
  }

  async function check(
    tenantId: string,
    client: HelpdeskClient,
    request: PostingRequest,
    authorId: string,
  ) {
    const name = NAMES[request.helpdesk];
    const key = (kind: string, id: string) => [tenantId, request.helpdesk, kind, id].join('\u0000');
    const [person, ticket] = await Promise.all([
      cached(key('person', authorId), () => client.person(authorId)),
      cached(key('ticket', request.ticketId), () => client.ticket(request.ticketId)),
    ]);
    if (person === undefined)
      throw unverified(
        request.helpdesk === 'freshdesk'
          ? `Freshdesk has no agent ${authorId}.`
          : `Zendesk has no user ${authorId}.`,
      );
    if (person === 'end-user')
      throw unverified(`${name} user ${authorId} is an end user, not an agent.`);
    if (person === 'inactive')
      throw unverified(`${name} user ${authorId} is suspended or deactivated.`);
    if (ticket === undefined)
      throw new ApiError('ticket_not_found', `${name} has no ticket ${request.ticketId}.`);
    if (ticket.requesterId === authorId)
      throw unverified(`User ${authorId} is the requester of ticket ${request.ticketId}.`);
  }

  /**
   * The verified author of a post or read, or null when the tenant trusts the request and it
   * names none. Throws `agent_unverified`, `ticket_not_found`, `helpdesk_not_configured`,
   * `rate_limited` or `identity_check_unavailable`, never lets a failed check through.
   */
  async function agentFor(tenantId: string, request: PostingRequest): Promise<string | null> {
    try {
      const settings = await store.identity.get(tenantId);
      if (settings.unsigned === 'trust') return request.authorId ?? null;
      // Without credentials nothing can be checked (or posted): say so before anything else.
      const client = await helpdesks(tenantId, request.helpdesk);
      const authorId = await claimedAuthor(tenantId, settings, request);
      await check(tenantId, client, request, authorId);
      return authorId;
    } catch (error) {
      throw toApiError(error, NAMES[request.helpdesk]);
    }
  }

  return { agentFor };
}

function toApiError(error: unknown, helpdesk: string): unknown {
  if (error instanceof HelpdeskNotConfigured)
    return new ApiError('helpdesk_not_configured', error.message);
  if (!(error instanceof HelpdeskError)) return error;
  if (error.failure === 'rate_limited')
    return new ApiError(
      'rate_limited',
      `${helpdesk}'s API rate limit is used up; retry in a moment.`,
      Math.ceil(error.retryAfterSeconds ?? 60),
    );
  return new ApiError(
    'identity_check_unavailable',
    `Parley could not check the agent and the ticket with ${helpdesk}, so it did nothing: ${error.message}`,
  );
}

export type IdentityVerifier = ReturnType<typeof createIdentityVerifier>;
