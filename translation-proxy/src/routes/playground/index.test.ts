/** The playground route serves the built page and app, its config, and nothing outside them. */
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import errorsPlugin from '../../plugins/errors.js';
import playgroundRoutes from './index.js';

let appsDist: string;
let app: FastifyInstance;

async function build(options: { devApiKey?: string } = {}) {
  app = Fastify();
  await app.register(errorsPlugin);
  await app.register(playgroundRoutes, { appsDist, ...options });
  return app;
}

beforeEach(async () => {
  appsDist = await mkdtemp(join(tmpdir(), 'parley-apps-dist-'));
});

afterEach(async () => {
  await app?.close();
  await rm(appsDist, { recursive: true, force: true });
});

async function writeBuild() {
  await mkdir(join(appsDist, 'playground', 'assets'), { recursive: true });
  await mkdir(join(appsDist, 'zendesk', 'assets'), { recursive: true });
  await writeFile(join(appsDist, 'playground', 'index.html'), '<title>Parley playground</title>');
  await writeFile(join(appsDist, 'playground', 'assets', 'page.js'), 'console.log("host")');
  await writeFile(join(appsDist, 'zendesk', 'assets', 'iframe.html'), '<div id="root"></div>');
  await writeFile(join(appsDist, 'secret.txt'), 'outside');
}

describe('GET /playground', () => {
  it('serves the playground page with and without the trailing slash', async () => {
    await writeBuild();
    await build();
    for (const url of ['/playground', '/playground/']) {
      const response = await app.inject({ url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toBe('<title>Parley playground</title>');
    }
  });

  it('serves the page assets and the built Zendesk app under /playground/app', async () => {
    await writeBuild();
    await build();
    const script = await app.inject({ url: '/playground/assets/page.js' });
    expect(script.headers['content-type']).toMatch(
      /^(text|application)\/javascript; charset=utf-8$/,
    );
    const iframe = await app.inject({ url: '/playground/app/assets/iframe.html' });
    expect(iframe.body).toBe('<div id="root"></div>');
  });

  it('serves nothing outside the build folders', async () => {
    await writeBuild();
    await build();
    const response = await app.inject({ url: '/playground/app/..%2Fsecret.txt' });
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('outside');
  });

  it('says how to build the playground when it is not built', async () => {
    await build();
    const response = await app.inject({ url: '/playground' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      error: {
        code: 'not_built',
        message: 'The playground is not built yet: run `npm run build:apps`.',
      },
    });
  });

  it('hands the page the dev tenant key only when one is configured', async () => {
    await build({ devApiKey: 'dev-key-0123456789abcdef' });
    expect((await app.inject({ url: '/playground/config.json' })).json()).toEqual({
      apiKey: 'dev-key-0123456789abcdef',
    });
    await app.close();
    await build();
    expect((await app.inject({ url: '/playground/config.json' })).json()).toEqual({ apiKey: null });
  });

  it('refuses the dev tenant key to a page on a rebound name pointing at 127.0.0.1', async () => {
    await build({ devApiKey: 'dev-key-0123456789abcdef' });
    const response = await app.inject({
      url: '/playground/config.json',
      remoteAddress: '127.0.0.1',
      headers: { host: 'rebind.attacker.example:8787' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
    expect(response.body).not.toContain('dev-key-0123456789abcdef');
  });

  it('refuses the dev tenant key to another machine, whatever Host it sends', async () => {
    await build({ devApiKey: 'dev-key-0123456789abcdef' });
    const response = await app.inject({
      url: '/playground/config.json',
      remoteAddress: '192.0.2.44',
      headers: { host: '127.0.0.1:8787', 'x-forwarded-for': '127.0.0.1' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('dev-key-0123456789abcdef');
  });

  it('hands the key to a loopback client by any loopback name', async () => {
    await build({ devApiKey: 'dev-key-0123456789abcdef' });
    for (const [remoteAddress, host] of [
      ['127.0.0.1', '127.0.0.1:8787'],
      ['127.0.0.1', 'localhost:8787'],
      ['::1', '[::1]:8787'],
    ] as const) {
      const response = await app.inject({
        url: '/playground/config.json',
        remoteAddress,
        headers: { host },
      });
      expect(response.json(), host).toEqual({ apiKey: 'dev-key-0123456789abcdef' });
    }
  });

  it('lets only its own page frame it, loads nothing from elsewhere and forbids sniffing', async () => {
    await writeBuild();
    await build({ devApiKey: 'dev-key-0123456789abcdef' });
    for (const url of [
      '/playground',
      '/playground/app/assets/iframe.html',
      '/playground/config.json',
    ]) {
      const response = await app.inject({ url });
      expect(response.headers['content-security-policy'], url).toContain("frame-ancestors 'self'");
      expect(response.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });
});
