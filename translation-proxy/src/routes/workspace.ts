/**
 * `GET /queue`: the translators' workspace page (apps/dist/workspace), which signs in and works
 * through `/v1/queue`; `GET /reports`: the managers' reports page (apps/dist/reports), signed in
 * the same way, reading `/v1/reports`. The pages hold a session, so they refuse to be framed and
 * load nothing from elsewhere.
 */
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { builtFileSender, DEFAULT_APPS_DIST } from './built-files.js';
import { addPageHeaders } from './page-headers.js';

export interface WorkspaceOptions {
  /** Where `npm run build:apps` wrote its output; defaults to the repository's apps/dist. */
  appsDist?: string;
}

/** A built page of the workspace app: `url` serves `folder`'s index.html, `url/*` its files. */
function sessionPage(
  url: string,
  folder: string,
  name: string,
): FastifyPluginAsync<WorkspaceOptions> {
  return async (app, options) => {
    const root = join(options.appsDist ?? DEFAULT_APPS_DIST, folder);
    const sendFile = await builtFileSender(app, name, join(root, 'index.html'));

    // Encapsulated: these headers go on this plugin's routes only.
    addPageHeaders(app, { frameAncestors: "'none'" });
    for (const page of [url, `${url}/`]) {
      app.get(page, { schema: { hide: true } }, (_request, reply) =>
        sendFile(reply, root, 'index.html'),
      );
    }
    app.get<{ Params: { '*': string } }>(`${url}/*`, { schema: { hide: true } }, (request, reply) =>
      sendFile(reply, root, request.params['*']),
    );
  };
}

export const reportsPageRoutes = sessionPage('/reports', 'reports', 'reports page');

export default sessionPage('/queue', 'workspace', 'workspace');
