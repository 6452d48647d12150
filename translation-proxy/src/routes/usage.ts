/** `GET /v1/usage` and `GET /v1/engines`: what the tenant's engines billed, and their state. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EnginesResponse, ErrorBody, UsageQuery, UsageResponse } from '@parley/shared/api/schemas';
import type { TenantEngines } from '../translation/tenant-engines.js';
import type { UsageRecorder } from '../translation/usage-recorder.js';
import type { Store } from '../store/index.js';

const routes: FastifyPluginAsyncTypebox<{
  store: Store;
  tenantEngines: TenantEngines;
  usage: UsageRecorder;
}> = async (app, { store, tenantEngines, usage }) => {
  app.get(
    '/v1/usage',
    {
      schema: {
        summary: 'Characters billed per engine and UTC day',
        security: [{ bearer: [] }],
        querystring: UsageQuery,
        response: { 200: UsageResponse, '4xx': ErrorBody },
      },
    },
    async (request) => {
      // Counts are written in batches; a report includes what is still in memory.
      await usage.flush();
      return { usage: await store.usage.list(request.tenantId, request.query.from) };
    },
  );

  app.get(
    '/v1/engines',
    {
      schema: {
        summary: "The tenant's engines, their health and circuit-breaker state",
        security: [{ bearer: [] }],
        response: { 200: EnginesResponse, '4xx': ErrorBody },
      },
    },
    async (request) => ({
      engines: await (await tenantEngines.chainFor(request.tenantId)).health(),
    }),
  );
};

export default routes;
