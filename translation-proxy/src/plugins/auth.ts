/**
 * Tenant authentication for the agent endpoints: `Authorization: Bearer <key>`. The dev key from
 * the environment is compared in memory (never stored), so unsetting it revokes it at once. The
 * dev tenant has no helpdesk to check agents with, so it starts out trusting the author a
 * request names (an admin can change that like any tenant's).
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../errors.js';
import type { Store } from '../store/index.js';

export const DEV_TENANT_ID = 'dev';

declare module 'fastify' {
  interface FastifyRequest {
    tenantId: string;
  }
  interface FastifyInstance {
    authenticate(request: FastifyRequest): Promise<void>;
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export default fp(
  async function authPlugin(
    app: FastifyInstance,
    options: { store: Store; devApiKey: string | undefined },
  ) {
    const { store } = options;
    const devKeyDigest = options.devApiKey ? digest(options.devApiKey) : undefined;
    if (options.devApiKey) {
      await store.tenants.ensure(DEV_TENANT_ID, 'Development');
      await store.identity.ensureUnsigned(DEV_TENANT_ID, 'trust');
    }

    app.decorateRequest('tenantId', '');
    app.decorate('authenticate', async (request: FastifyRequest) => {
      const key = bearerToken(request);
      if (!key)
        throw new ApiError(
          'unauthorized',
          'Send the tenant API key as "Authorization: Bearer <key>".',
        );
      if (devKeyDigest && timingSafeEqual(digest(key), devKeyDigest)) {
        request.tenantId = DEV_TENANT_ID;
        return;
      }
      const tenantId = await store.apiKeys.tenantFor(key);
      if (!tenantId)
        throw new ApiError('unauthorized', 'The API key is unknown or has been revoked.');
      request.tenantId = tenantId;
    });
  },
  { name: 'parley-auth' },
);
