/** `GET /healthz`: liveness plus the embedded engines' health, for load balancers and the sidebar. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthResponse } from '@parley/shared/api/schemas';
import type { TenantEngines } from '../translation/tenant-engines.js';

const routes: FastifyPluginAsyncTypebox<{ tenantEngines: TenantEngines }> = async (
  app,
  { tenantEngines },
) => {
  app.get(
    '/healthz',
    { schema: { summary: 'Service and engine health', response: { 200: HealthResponse } } },
    async () => {
      const engines = await Promise.all(
        tenantEngines.sharedEngines.map(async (engine) => {
          const [healthy, pairs] = await Promise.all([
            engine.healthy().catch(() => false),
            tenantEngines.pairsOf(engine),
          ]);
          return { id: engine.id, healthy, pairs: pairs.length };
        }),
      );
      return {
        status: engines.every((engine) => engine.healthy) ? 'ok' : 'degraded',
        engines,
      } as const;
    },
  );
};

export default routes;
