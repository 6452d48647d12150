/**
 * `GET /playground`: the Zendesk sidebar app running in a stand-in for a Zendesk ticket, against
 * this proxy, for a first look without a helpdesk account. Serves the files `npm run build:apps`
 * writes (apps/dist/playground for the host page, apps/dist/zendesk for the app itself) and
 * `config.json`, which hands the page the key of the built-in dev tenant when one is configured —
 * to this machine only: a page on another name that resolves to 127.0.0.1 (DNS rebinding) sends
 * its own Host header and is refused.
 */
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../errors.js';
import { isLoopbackRequest } from '../../loopback.js';
import { builtFileSender, DEFAULT_APPS_DIST } from '../built-files.js';
import { addPageHeaders } from '../page-headers.js';

export interface PlaygroundOptions {
  /** Where `npm run build:apps` wrote its output; defaults to the repository's apps/dist. */
  appsDist?: string;
  /**
   * The dev tenant's key (PARLEY_DEV_API_KEY), given to the page so it can call /v1 the way
   * Zendesk would with the secure setting. Leave unset outside development: the page then asks
   * the visitor for a tenant key.
   */
  devApiKey?: string;
}

const playgroundRoutes: FastifyPluginAsync<PlaygroundOptions> = async (app, options) => {
  const appsDist = options.appsDist ?? DEFAULT_APPS_DIST;
  const roots = {
    page: join(appsDist, 'playground'),
    app: join(appsDist, 'zendesk'),
  };

  const sendFile = await builtFileSender(app, 'playground', join(roots.page, 'index.html'));

  // The page frames the sidebar app from this origin; nothing else may frame either.
  addPageHeaders(app, { frameAncestors: "'self'" });

  // The page's own URLs are absolute (/playground/...), so it works with or without the slash.
  for (const url of ['/playground', '/playground/']) {
    app.get(url, { schema: { hide: true } }, (_request, reply) =>
      sendFile(reply, roots.page, 'index.html'),
    );
  }
  app.get('/playground/config.json', { schema: { hide: true } }, async (request) => {
    if (options.devApiKey && !isLoopbackRequest(request))
      throw new ApiError(
        'forbidden',
        'The development key is handed only to a browser on this machine, at http://127.0.0.1 or http://localhost.',
      );
    return { apiKey: options.devApiKey ?? null };
  });
  app.get<{ Params: { '*': string } }>(
    '/playground/app/*',
    { schema: { hide: true } },
    (request, reply) => sendFile(reply, roots.app, request.params['*']),
  );
  app.get<{ Params: { '*': string } }>(
    '/playground/*',
    { schema: { hide: true } },
    (request, reply) => sendFile(reply, roots.page, request.params['*']),
  );
};

export default playgroundRoutes;
