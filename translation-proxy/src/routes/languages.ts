/** `GET /v1/languages`: the pairs the tenant's engines serve, directly or through a bridge. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, LanguagesResponse } from '@parley/shared/api/schemas';
import type { TenantEngines } from '../translation/tenant-engines.js';

const routes: FastifyPluginAsyncTypebox<{ tenantEngines: TenantEngines }> = async (
  app,
  { tenantEngines },
) => {
  app.get(
    '/v1/languages',
    {
      schema: {
        summary: 'Language pairs available to this tenant',
        security: [{ bearer: [] }],
        response: { 200: LanguagesResponse, '4xx': ErrorBody },
      },
    },
    async (request) => ({ pairs: await (await tenantEngines.chainFor(request.tenantId)).pairs() }),
  );
};

export default routes;
