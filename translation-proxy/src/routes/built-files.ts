/**
 * Serving what `npm run build:apps` wrote (apps/dist) through @fastify/static (content types,
 * ETag, ranges, and no path outside the folder), plus the one thing it cannot know: a 503 that
 * says how to build when the build is missing, rather than a 404 for every file.
 */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

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
 * Gives an encapsulated plugin `reply.sendFile` and returns a sender for its build folders.
 * `name` says what is missing in errors ("playground"); `entry` is the file whose absence means
 * "not built" rather than "no such file".
 */
export async function builtFileSender(
  app: FastifyInstance,
  name: string,
  entry: string,
): Promise<SendBuiltFile> {
  await app.register(fastifyStatic, {
    root: dirname(entry),
    serve: false,
    // Rebuilt files keep their names: browsers revalidate (ETag) instead of caching for a while.
    cacheControl: false,
  });
  return async (reply, root, relative) => {
    if (!(await stat(entry).catch(() => null)))
      return reply.code(503).send({
        error: {
          code: 'not_built',
          message: `The ${name} is not built yet: run \`npm run build:apps\`.`,
        },
      });
    return reply.header('cache-control', 'no-cache').sendFile(relative, root);
  };
}
