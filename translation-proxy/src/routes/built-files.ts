/**
 * Serving what `npm run build:apps` wrote (apps/dist) through @fastify/static (content types,
 * ETag, ranges, and no path outside the folder), plus what it cannot know: a 503 that says how to
 * build when the build is missing, rather than a 404 for every file, and which files are named
 * after their content, so browsers keep them instead of asking again at every load.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

// src/routes and dist/routes are both three levels below the repository.
export const DEFAULT_APPS_DIST = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../apps/dist',
);

/** A year, never revalidated: this name always has this content. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The rest (pages, unhashed files, a 404) is revalidated at every use (ETag). */
const REVALIDATE = 'no-cache';

/**
 * A file the apps' build named after its content: vite writes chunks and CSS as
 * `assets/<name>-<8-character hash>.<js|css>`, so a rebuild puts changed content under a new name.
 */
const isContentHashed = (path: string) =>
  basename(dirname(path)) === 'assets' && /-[\w-]{8}\.(?:js|css)$/.test(basename(path));

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
    cacheControl: false,
    // Called only for a file it found: a missing chunk's 404 keeps the header set below.
    setHeaders: (reply, path) => {
      if (isContentHashed(path)) void reply.header('cache-control', IMMUTABLE);
    },
  });
  return async (reply, root, relative) => {
    if (!(await stat(entry).catch(() => null)))
      return reply.code(503).send({
        error: {
          code: 'not_built',
          message: `The ${name} is not built yet: run \`npm run build:apps\`.`,
        },
      });
    return reply.header('cache-control', REVALIDATE).sendFile(relative, root);
  };
}
