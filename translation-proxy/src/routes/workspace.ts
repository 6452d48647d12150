/**
 * `GET /queue`: the translators' workspace page (apps/dist/workspace), which signs in and works
 * through `/v1/queue`. The page holds a session, so it refuses to be framed and loads nothing
 * from elsewhere.
 */
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { builtFileSender, DEFAULT_APPS_DIST } from './built-files.js';

export interface WorkspaceOptions {
  /** Where `npm run build:apps` wrote its output; defaults to the repository's apps/dist. */
  appsDist?: string;
}

// Garden's styled-components insert <style> elements at run time: inline styles must be allowed.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const workspaceRoutes: FastifyPluginAsync<WorkspaceOptions> = async (app, options) => {
  const root = join(options.appsDist ?? DEFAULT_APPS_DIST, 'workspace');
  const sendFile = builtFileSender('workspace', join(root, 'index.html'));

  // Encapsulated: these headers go on this plugin's routes only.
  app.addHook('onSend', async (_request, reply) => {
    void reply
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin');
  });
  for (const url of ['/queue', '/queue/']) {
    app.get(url, { schema: { hide: true } }, (_request, reply) =>
      sendFile(reply, root, 'index.html'),
    );
  }
  app.get<{ Params: { '*': string } }>('/queue/*', { schema: { hide: true } }, (request, reply) =>
    sendFile(reply, root, request.params['*']),
  );
};

export default workspaceRoutes;
