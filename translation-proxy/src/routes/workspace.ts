/**
 * `GET /queue`: the translators' workspace page (apps/dist/workspace), which signs in and works
 * through `/v1/queue`. The page holds a session, so it refuses to be framed and loads nothing
 * from elsewhere.
 */
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { builtFileSender, DEFAULT_APPS_DIST } from './built-files.js';
import { addPageHeaders } from './page-headers.js';

export interface WorkspaceOptions {
  /** Where `npm run build:apps` wrote its output; defaults to the repository's apps/dist. */
  appsDist?: string;
}

const workspaceRoutes: FastifyPluginAsync<WorkspaceOptions> = async (app, options) => {
  const root = join(options.appsDist ?? DEFAULT_APPS_DIST, 'workspace');
  const sendFile = await builtFileSender(app, 'workspace', join(root, 'index.html'));

  // Encapsulated: these headers go on this plugin's routes only.
  addPageHeaders(app, { frameAncestors: "'none'" });
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
