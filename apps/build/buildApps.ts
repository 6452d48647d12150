/**
 * `npm run build:apps`: builds the sidebar iframe with vite into a zcli-ready Zendesk app folder
 * (apps/dist/zendesk), builds the playground page (apps/dist/playground), checks the app folder
 * with the offline validator, and prints the bundle size. Set PARLEY_PROXY_DOMAIN to the proxy's
 * host name to allow it in the packaged manifest's domainWhitelist.
 */
import react from '@vitejs/plugin-react';
import { readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { buildFreshdeskApp } from './freshdeskPackage.js';
import { validateZendeskApp } from './validateZendeskApp.js';
import { assembleZendeskPackage } from './zendeskPackage.js';

const appsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(appsDir, 'dist');
const zendeskDir = join(dist, 'zendesk');

async function bundleSize(dir: string): Promise<{ raw: number; gzip: number }> {
  let raw = 0;
  let gzip = 0;
  for (const file of await readdir(dir)) {
    if (!/\.(js|css)$/.test(file)) continue;
    const bytes = await readFile(join(dir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

async function main(): Promise<void> {
  // Only this build's folders: other apps (Freshdesk) build into apps/dist too.
  await rm(zendeskDir, { recursive: true, force: true });
  await rm(join(dist, 'playground'), { recursive: true, force: true });

  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(appsDir, 'src/zendesk'),
    // Zendesk serves the app's assets under a per-installation path: every URL must be relative.
    base: './',
    plugins: [react()],
    build: {
      outDir: join(zendeskDir, 'assets'),
      assetsDir: '.',
      emptyOutDir: true,
      rollupOptions: { input: join(appsDir, 'src/zendesk/iframe.html') },
    },
  });
  await assembleZendeskPackage({
    manifestPath: join(appsDir, '..', 'manifest.json'),
    outDir: zendeskDir,
    ...(process.env.PARLEY_PROXY_DOMAIN ? { proxyDomain: process.env.PARLEY_PROXY_DOMAIN } : {}),
  });

  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(appsDir, 'playground'),
    base: '/playground/',
    build: { outDir: join(dist, 'playground'), emptyOutDir: true },
  });

  const problems = await validateZendeskApp(zendeskDir);
  if (problems.length > 0) {
    console.error(`apps/dist/zendesk fails Zendesk's checks:\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
    return;
  }
  const size = await bundleSize(join(zendeskDir, 'assets'));
  console.log(
    `Zendesk app written to ${zendeskDir} (passes the offline checks); ` +
      `JS+CSS ${(size.raw / 1024).toFixed(1)} KiB raw, ${(size.gzip / 1024).toFixed(1)} KiB gzip`,
  );

  const freshdeskProblems = await buildFreshdeskApp(appsDir);
  if (freshdeskProblems.length > 0) {
    console.error(
      `apps/dist/freshdesk fails Freshworks' checks:\n- ${freshdeskProblems.join('\n- ')}`,
    );
    process.exitCode = 1;
  }
}

await main();
