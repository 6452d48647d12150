/** The workspace route serves the built page with headers for a page that holds a session. */
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import workspaceRoutes, { reportsPageRoutes } from './workspace.js';

let appsDist: string;
let app: FastifyInstance;

beforeEach(async () => {
  appsDist = await mkdtemp(join(tmpdir(), 'parley-apps-dist-'));
  app = Fastify();
  await app.register(workspaceRoutes, { appsDist });
});

afterEach(async () => {
  await app.close();
  await rm(appsDist, { recursive: true, force: true });
});

async function writeBuild() {
  await mkdir(join(appsDist, 'workspace', 'assets'), { recursive: true });
  await writeFile(join(appsDist, 'workspace', 'index.html'), '<title>Parley workspace</title>');
  await writeFile(join(appsDist, 'workspace', 'assets', 'index.js'), 'console.log("queue")');
  await writeFile(join(appsDist, 'secret.txt'), 'outside');
}

describe('GET /queue', () => {
  it('serves the page with and without the trailing slash', async () => {
    await writeBuild();
    for (const url of ['/queue', '/queue/']) {
      const response = await app.inject({ url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toBe('<title>Parley workspace</title>');
    }
  });

  it('forbids framing and foreign scripts on the page and its assets', async () => {
    await writeBuild();
    for (const url of ['/queue', '/queue/assets/index.js']) {
      const response = await app.inject({ url });
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('serves nothing outside the build folder', async () => {
    await writeBuild();
    const response = await app.inject({ url: '/queue/..%2Fsecret.txt' });
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('outside');
  });

  it('says how to build the workspace when it is not built', async () => {
    const response = await app.inject({ url: '/queue' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      error: {
        code: 'not_built',
        message: 'The workspace is not built yet: run `npm run build:apps`.',
      },
    });
  });
});

describe('caching of the built files', () => {
  const HASHED_CHUNK = 'JobEditor-BhVx9WeZ.js';

  /** The build with one content-hashed chunk, served over HTTP on a free port. */
  async function serveBuild(): Promise<string> {
    await writeBuild();
    await writeFile(join(appsDist, 'workspace', 'assets', HASHED_CHUNK), 'export const e = 1;');
    return app.listen({ host: '127.0.0.1', port: 0 });
  }

  it('lets browsers keep a chunk named after its content for a year without asking again', async () => {
    const url = await serveBuild();
    const response = await fetch(`${url}/queue/assets/${HASHED_CHUNK}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('has browsers revalidate the page and a file whose name has no hash, by ETag', async () => {
    const url = await serveBuild();
    for (const path of ['/queue', '/queue/assets/index.js']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const etag = response.headers.get('etag') ?? '';
      expect(etag).not.toBe('');
      // As a browser revalidates (fetch() alone would add `no-cache`, which forces a full answer).
      const again = await fetch(`${url}${path}`, {
        headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' },
      });
      expect(again.status).toBe(304);
    }
  });

  it('does not let browsers keep the 404 of a chunk a newer build has not written yet', async () => {
    const url = await serveBuild();
    const response = await fetch(`${url}/queue/assets/JobEditor-Zz9Yy8Xx.js`);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });
});

describe('GET /reports', () => {
  it('serves the managers’ reports page from its own build folder, unframed', async () => {
    await app.register(reportsPageRoutes, { appsDist });
    await mkdir(join(appsDist, 'reports', 'assets'), { recursive: true });
    await writeFile(join(appsDist, 'reports', 'index.html'), '<title>Parley reports</title>');
    for (const url of ['/reports', '/reports/']) {
      const response = await app.inject({ url });
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe('<title>Parley reports</title>');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
    expect((await app.inject({ url: '/reports/assets/missing.js' })).statusCode).toBe(404);
  });
});
