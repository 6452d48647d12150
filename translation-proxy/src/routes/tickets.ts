/**
 * `GET /v1/freshdesk/tickets/:ticketId/conversations`: a Freshdesk ticket's replies and notes, read
 * from Freshdesk's `GET /api/v2/tickets/{id}/conversations` with the tenant's stored Freshdesk
 * credentials, for the Freshdesk app's thread (Freshworks gives apps no conversations data). The
 * ticket's first message is its description, which the app already has.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@parley/shared/api/schemas';
import axios from 'axios';
import { Type } from 'typebox';
import { ApiError } from '../errors.js';
import { classify, type HelpdeskError } from '../helpdesks/client.js';
import { helpdeskOrigin, parseHelpdeskCredentials } from '../helpdesks/credentials.js';
import type { SecretBox } from '../secrets.js';
import type { Store } from '../store/index.js';

/** Freshdesk's page size limit; a ticket with more conversations is read page by page. */
const PER_PAGE = 100;
/** Enough for any ticket an agent reads in a sidebar; bounds the calls one request makes. */
const MAX_PAGES = 10;

const Conversation = Type.Object({
  id: Type.Number(),
  body: Type.String(),
  incoming: Type.Boolean(),
  private: Type.Boolean(),
  user_id: Type.Number(),
  created_at: Type.String(),
});
const ConversationsResponse = Type.Object({ conversations: Type.Array(Conversation) });
const Params = Type.Object({ ticketId: Type.String({ pattern: '^[0-9]{1,19}$' }) });

export interface FreshdeskConversation {
  id: number;
  body: string;
  incoming: boolean;
  private: boolean;
  user_id: number;
  created_at: string;
}

/** Reads one Freshdesk ticket's conversations for a tenant; throws `ApiError`s. */
export type ConversationReader = (
  tenantId: string,
  ticketId: string,
) => Promise<FreshdeskConversation[]>;

const describe = (body: unknown): string | undefined => {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? body : undefined;
  const { description, message } = body as { description?: string; message?: string };
  return description ?? message;
};

export function freshdeskConversationReader(deps: {
  store: Store;
  secrets: SecretBox;
  allowHttp: boolean;
  timeoutMs?: number;
}): ConversationReader {
  return async (tenantId, ticketId) => {
    const sealed = await deps.store.replySettings.helpdesk(tenantId, 'freshdesk');
    if (!sealed)
      throw new ApiError(
        'helpdesk_not_configured',
        `No Freshdesk credentials are set for this tenant (npm run helpdesk -- set ${tenantId} …).`,
      );
    const credentials = parseHelpdeskCredentials(deps.secrets.open(sealed), { allowHttp: true });
    if (credentials.helpdesk !== 'freshdesk')
      throw new ApiError('helpdesk_not_configured', 'The stored credentials are not Freshdesk’s.');
    const http = axios.create({
      baseURL: `${helpdeskOrigin(credentials, deps.allowHttp)}/api/v2`,
      timeout: deps.timeoutMs ?? 15_000,
      headers: {
        authorization: `Basic ${Buffer.from(`${credentials.apiKey}:X`).toString('base64')}`,
      },
    });
    const conversations: FreshdeskConversation[] = [];
    try {
      for (let page = 1; page <= MAX_PAGES; page++) {
        const { data } = await http.get<FreshdeskConversation[]>(
          `/tickets/${ticketId}/conversations`,
          { params: { per_page: PER_PAGE, page } },
        );
        conversations.push(...data);
        if (data.length < PER_PAGE) break;
      }
    } catch (error) {
      throw toApiError(classify(error, 'Freshdesk', describe), ticketId);
    }
    return conversations;
  };
}

function toApiError(error: HelpdeskError, ticketId: string): ApiError {
  if (error.status === 404)
    return new ApiError('not_found', `Freshdesk has no ticket ${ticketId} this API key can read.`);
  if (error.failure === 'rate_limited')
    return new ApiError(
      'rate_limited',
      `Freshdesk's API rate limit is used up; retry in a moment.`,
      Math.ceil(error.retryAfterSeconds ?? 60),
    );
  return new ApiError('helpdesk_unavailable', error.message);
}

const routes: FastifyPluginAsyncTypebox<{ conversations: ConversationReader }> = async (
  app,
  { conversations },
) => {
  app.get(
    '/v1/freshdesk/tickets/:ticketId/conversations',
    {
      schema: {
        summary: "A Freshdesk ticket's replies and notes, read with the tenant's Freshdesk key",
        security: [{ bearer: [] }],
        params: Params,
        response: { 200: ConversationsResponse, '4xx': ErrorBody, '5xx': ErrorBody },
      },
    },
    async (request) => ({
      conversations: await conversations(request.tenantId, request.params.ticketId),
    }),
  );
};

export default routes;
