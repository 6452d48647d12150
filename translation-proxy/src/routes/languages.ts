/** `GET /v1/languages`: the pairs the tenant's engines serve, directly or through a bridge. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, LanguagesResponse } from '@parley/shared/api/schemas';
import type { TenantEngines } from '../translation/tenant-engines.js';

const routes: FastifyPluginAsyncTypebox<{ routers: TenantEngines }> = async (app, { routers }) => {
  app.get(
    '/v1/languages',
    {
      schema: {
        summary: 'Language pairs available to this tenant',
        security: [{ bearer: [] }],
        response: { 200: LanguagesResponse, '4xx': ErrorBody },
      },
    },
    async (request) => ({ pairs: await (await routers.routerFor(request.tenantId)).pairs() }),
  );
};

export default routes;
