/**
 * Serving what `npm run build:apps` wrote (apps/dist): a file under one of the build folders, a
 * 404 for anything else (never a path outside the folder), and a 503 that says how to build when
 * the folder is missing.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply } from 'fastify';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

// src/routes and dist/routes are both three levels below the repository.
export const DEFAULT_APPS_DIST = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../apps/dist',
);

export type SendBuiltFile = (
  reply: FastifyReply,
  root: string,
  relative: string,
) => Promise<FastifyReply>;

/**
 * `name` says what is missing in errors ("playground"); `entry` is the file whose absence means
 * "not built" rather than "no such file".
 */
export function builtFileSender(name: string, entry: string): SendBuiltFile {
  const notFound = (reply: FastifyReply) =>
    reply.code(404).send({ error: { code: 'not_found', message: `No such ${name} file.` } });
  return async (reply, root, relative) => {
    const path = resolve(root, relative);
    if (path !== root && !path.startsWith(root + sep)) return notFound(reply);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) {
      if (await stat(entry).catch(() => null)) return notFound(reply);
      return reply.code(503).send({
        error: {
          code: 'not_built',
          message: `The ${name} is not built yet: run \`npm run build:apps\`.`,
        },
      });
    }
    return reply
      .type(CONTENT_TYPES[extname(path)] ?? 'application/octet-stream')
      .header('cache-control', 'no-cache')
      .send(await readFile(path));
  };
}
