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
