/**
 * `GET /v1/freshdesk/tickets/:ticketId/conversations`: a Freshdesk ticket's replies and notes, read
 * by the tenant's Freshdesk client (`helpdesks/freshdesk.ts`, every page of
 * `GET /api/v2/tickets/{id}/conversations`) for the Freshdesk app's thread (Freshworks gives apps
 * no conversations data). The ticket's first message is its description, which the app already has.
 * The agent reading (`?agentId=`, the Freshdesk app's logged-in agent) and the ticket are checked
 * with Freshdesk first (`identity/verifier.ts`): the key in every agent's sidebar reads nothing else.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@parley/shared/api/schemas';
import { Type } from 'typebox';
import { ApiError } from '../errors.js';
import { HelpdeskError } from '../helpdesks/client.js';
import { HelpdeskNotConfigured, type HelpdeskClients } from '../helpdesks/index.js';
import type { IdentityVerifier } from '../identity/verifier.js';

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
const Query = Type.Object(
  { agentId: Type.Optional(Type.String({ pattern: '^[0-9]{1,19}$' })) },
  { additionalProperties: false },
);

function toApiError(error: unknown, ticketId: string): unknown {
  if (error instanceof HelpdeskNotConfigured)
    return new ApiError('helpdesk_not_configured', error.message);
  if (!(error instanceof HelpdeskError)) return error;
  if (error.status === 404)
    return new ApiError(
      'ticket_not_found',
      `Freshdesk has no ticket ${ticketId} this API key can read.`,
    );
  if (error.failure === 'rate_limited')
    return new ApiError(
      'rate_limited',
      `Freshdesk's API rate limit is used up; retry in a moment.`,
      Math.ceil(error.retryAfterSeconds ?? 60),
    );
  return new ApiError('helpdesk_unavailable', error.message);
}

const routes: FastifyPluginAsyncTypebox<{
  helpdesks: HelpdeskClients;
  identity: IdentityVerifier;
}> = async (app, { helpdesks, identity }) => {
  app.get(
    '/v1/freshdesk/tickets/:ticketId/conversations',
    {
      schema: {
        summary: "A Freshdesk ticket's replies and notes, read with the tenant's Freshdesk key",
        security: [{ bearer: [] }],
        params: Params,
        querystring: Query,
        response: { 200: ConversationsResponse, '4xx': ErrorBody, '5xx': ErrorBody },
      },
    },
    async (request) => {
      const { ticketId } = request.params;
      await identity.agentFor(request.tenantId, {
        helpdesk: 'freshdesk',
        ticketId,
        authorId: request.query.agentId,
        // Freshworks cannot sign an agent's identity: the Freshdesk API vouches for it instead.
        token: undefined,
      });
      try {
        const freshdesk = await helpdesks.freshdesk(request.tenantId);
        return { conversations: await freshdesk.conversations(ticketId) };
      } catch (error) {
        throw toApiError(error, ticketId);
      }
    },
  );
};

export default routes;
