/**
 * `GET /playground`: the Zendesk sidebar app running in a stand-in for a Zendesk ticket, against
 * this proxy, for a first look without a helpdesk account. Serves the files `npm run build:apps`
 * writes (apps/dist/playground for the host page, apps/dist/zendesk for the app itself) and
 * `config.json`, which hands the page the key of the built-in dev tenant when one is configured.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

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

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

// src/routes/playground and dist/routes/playground are both four levels below the repository.
const DEFAULT_APPS_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../apps/dist');

const playgroundRoutes: FastifyPluginAsync<PlaygroundOptions> = async (app, options) => {
  const appsDist = options.appsDist ?? DEFAULT_APPS_DIST;
  const roots = {
    page: join(appsDist, 'playground'),
    app: join(appsDist, 'zendesk'),
  };

  async function sendFile(reply: FastifyReply, root: string, relative: string) {
    const path = resolve(root, relative);
    if (path !== root && !path.startsWith(root + sep)) {
      return reply
        .code(404)
        .send({ error: { code: 'not_found', message: 'No such playground file.' } });
    }
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) {
      const built = await stat(join(roots.page, 'index.html')).catch(() => null);
      return built
        ? reply
            .code(404)
            .send({ error: { code: 'not_found', message: 'No such playground file.' } })
        : reply.code(503).send({
            error: {
              code: 'not_built',
              message: 'The playground is not built yet: run `npm run build:apps`.',
            },
          });
    }
    return reply
      .type(CONTENT_TYPES[extname(path)] ?? 'application/octet-stream')
      .header('cache-control', 'no-cache')
      .send(await readFile(path));
  }

  // The page's own URLs are absolute (/playground/...), so it works with or without the slash.
  for (const url of ['/playground', '/playground/']) {
    app.get(url, { schema: { hide: true } }, (_request, reply) =>
      sendFile(reply, roots.page, 'index.html'),
    );
  }
  app.get('/playground/config.json', { schema: { hide: true } }, async () => ({
    apiKey: options.devApiKey ?? null,
  }));
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
