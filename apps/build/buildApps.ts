/**
 * `npm run build:apps`: builds the sidebar iframe with vite into a zcli-ready Zendesk app folder
 * (apps/dist/zendesk), builds the playground page (apps/dist/playground) and the translators'
 * workspace (apps/dist/workspace, served at /queue) and the managers' reports page
 * (apps/dist/reports, served at /reports), checks the app folder with the offline validator, and
 * prints the bundle sizes. Set PARLEY_PROXY_DOMAIN to the proxy's
 * host name to allow it in the packaged manifest's domainWhitelist.
 */
import react from '@vitejs/plugin-react';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, defaultClientConditions } from 'vite';
import { buildFreshdeskApp } from './freshdeskPackage.js';
import { validateZendeskApp } from './validateZendeskApp.js';
import { assembleZendeskPackage } from './zendeskPackage.js';

// What ships is always the production build, even when a test runner (NODE_ENV=test) runs this
// script: a development React bundle is larger and runs every effect twice.
process.env.NODE_ENV = 'production';

const appsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(appsDir, 'dist');
const zendeskDir = join(dist, 'zendesk');
const playgroundDir = join(dist, 'playground');
const workspaceDir = join(dist, 'workspace');
const reportsDir = join(dist, 'reports');
// Built beside the served folders and swapped in at the end, so a proxy serving the playground
// (or another test run building at the same time) never sees a half-written folder.
const staging = join(dist, `.staging-${process.pid}`);

/** Replaces `target` by `built` with two renames: the folder is missing for microseconds only. */
async function swapIn(built: string, target: string): Promise<void> {
  const old = `${built}.old`;
  await rename(target, old).catch(() => undefined);
  await rename(built, target);
  await rm(old, { recursive: true, force: true });
}

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
  const stagedZendesk = join(staging, 'zendesk');
  const stagedPlayground = join(staging, 'playground');
  const stagedWorkspace = join(staging, 'workspace');
  const stagedReports = join(staging, 'reports');
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });

  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(appsDir, 'src/zendesk'),
    // Zendesk serves the app's assets under a per-installation path: every URL must be relative.
    base: './',
    plugins: [react()],
    build: {
      outDir: join(stagedZendesk, 'assets'),
      assetsDir: '.',
      emptyOutDir: true,
      rollupOptions: { input: join(appsDir, 'src/zendesk/iframe.html') },
    },
  });
  await assembleZendeskPackage({
    manifestPath: join(appsDir, '..', 'manifest.json'),
    outDir: stagedZendesk,
    ...(process.env.PARLEY_PROXY_DOMAIN ? { proxyDomain: process.env.PARLEY_PROXY_DOMAIN } : {}),
  });

  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(appsDir, 'playground'),
    base: '/playground/',
    build: { outDir: stagedPlayground, emptyOutDir: true },
  });

  // The translators' workspace, served by the proxy at /queue. It runs shared code (the masked
  // segment model): `source` bundles it from TypeScript, so no build of shared/ is needed first.
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(appsDir, 'src/workspace'),
    base: '/queue/',
    plugins: [react()],
    resolve: { conditions: ['source', ...defaultClientConditions] },
    build: { outDir: stagedWorkspace, emptyOutDir: true },
  });

  // The managers' reports page, served at /reports: a page of its own, so the workspace's bundle
  // carries none of it.
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(appsDir, 'src/reports'),
    base: '/reports/',
    plugins: [react()],
    resolve: { conditions: ['source', ...defaultClientConditions] },
    build: { outDir: stagedReports, emptyOutDir: true },
  });

  const problems = await validateZendeskApp(stagedZendesk);
  if (problems.length > 0) {
    await rm(staging, { recursive: true, force: true });
    console.error(`apps/dist/zendesk fails Zendesk's checks:\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
    return;
  }
  // Only this build's folders: other apps (Freshdesk) build into apps/dist too.
  await swapIn(stagedZendesk, zendeskDir);
  await swapIn(stagedPlayground, playgroundDir);
  await swapIn(stagedWorkspace, workspaceDir);
  await swapIn(stagedReports, reportsDir);
  await rm(staging, { recursive: true, force: true });
  const size = await bundleSize(join(zendeskDir, 'assets'));
  console.log(
    `Zendesk app written to ${zendeskDir} (passes the offline checks); ` +
      `JS+CSS ${(size.raw / 1024).toFixed(1)} KiB raw, ${(size.gzip / 1024).toFixed(1)} KiB gzip`,
  );

  const workspaceSize = await bundleSize(join(workspaceDir, 'assets'));
  console.log(
    `Translators' workspace written to ${workspaceDir}; ` +
      `JS+CSS ${(workspaceSize.raw / 1024).toFixed(1)} KiB raw, ${(workspaceSize.gzip / 1024).toFixed(1)} KiB gzip`,
  );

  // The reports page's budget is the workspace's weight: managers open it on the same machines,
  // and its charts are plain SVG and HTML, so it should never weigh more. The build fails if so.
  const reportsSize = await bundleSize(join(reportsDir, 'assets'));
  console.log(
    `Reports page written to ${reportsDir}; ` +
      `JS+CSS ${(reportsSize.raw / 1024).toFixed(1)} KiB raw, ${(reportsSize.gzip / 1024).toFixed(1)} KiB gzip`,
  );
  if (reportsSize.gzip > workspaceSize.gzip) {
    console.error(
      "The reports page's bundle is heavier than the translators' workspace's, its budget.",
    );
    process.exitCode = 1;
  }

  const freshdeskProblems = await buildFreshdeskApp(appsDir);
  if (freshdeskProblems.length > 0) {
    console.error(
      `apps/dist/freshdesk fails Freshworks' checks:\n- ${freshdeskProblems.join('\n- ')}`,
    );
    process.exitCode = 1;
  }
}

await main();
