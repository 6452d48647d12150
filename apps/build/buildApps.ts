/**
 * `npm run build:apps`: builds the sidebar iframe with vite into a zcli-ready Zendesk app folder
 * (apps/dist/zendesk), builds the playground page (apps/dist/playground) and the translators'
 * workspace (apps/dist/workspace, served at /queue) and the managers' reports page
 * (apps/dist/reports, served at /reports), checks the app folder with the offline validator, and
 * prints the bundle sizes. It fails when what the workspace or the reports page can load in all
 * (first load, every lazy chunk, one UI language's strings) is over its budget. Set PARLEY_PROXY_DOMAIN to the proxy's
 * host name to allow it in the packaged manifest's domainWhitelist.
 */
import react from '@vitejs/plugin-react';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, defaultClientConditions } from 'vite';
import { chunkName, pageWeight, type BuiltFile } from './bundleBudget.js';
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

/**
 * Gzipped KiB a translator downloads in all, whatever the language and however far they go (queue,
 * editor, memory matches, concordance): the workspace's weight before the editor's memory matches,
 * concordance, glossary hovers and drafts (issue 15), when it was one file.
 */
const WORKSPACE_BUDGET_KIB = 106.4;
/** The reports page's weight when it was added: plain SVG and HTML charts, no chart library. */
const REPORTS_BUDGET_KIB = 108.9;

/** The files of a vite build (never a watcher here: watch mode is off). */
function builtFiles(result: Awaited<ReturnType<typeof build>>): BuiltFile[] {
  if (Array.isArray(result)) return result.flatMap((one) => one.output);
  if ('output' in result) return result.output;
  throw new Error('vite build returned a watcher');
}

/** A locale file's module: a page loads the strings of the visitor's language only. */
const isLocale = (moduleId: string) => /\/i18n\/locales\/[\w-]+\.json$/.test(moduleId);

/**
 * Prints a page's first load, its lazy chunks and the heaviest path a visit can take; false when
 * that path is over `budgetKiB`. The path that loads no language's strings is the English one.
 */
function reportWeight(label: string, files: BuiltFile[], budgetKiB: number): boolean {
  const { initial, lazy, paths } = pageWeight(files, { isAlternative: isLocale });
  const later = lazy.map((load) => `${chunkName(load.chunk)} ${load.gzipKiB.toFixed(1)}`);
  const pathName = (alternative?: string) => (alternative ? chunkName(alternative) : 'en');
  const [heaviest] = paths;
  console.log(
    `${label}: first load ${initial.gzipKiB.toFixed(1)} KiB gzip (${initial.files.length} JS and ` +
      `CSS files)` +
      (later.length > 0 ? `; loaded when needed, KiB gzip: ${later.join(', ')}` : '') +
      (paths.length > 1
        ? `; with all of it, by UI language, KiB gzip: ` +
          paths.map((path) => `${pathName(path.alternative)} ${path.gzipKiB.toFixed(1)}`).join(', ')
        : `; with all of it ${heaviest?.gzipKiB.toFixed(1)} KiB gzip`) +
      ` (budget ${budgetKiB} KiB)`,
  );
  if (!heaviest || heaviest.gzipKiB <= budgetKiB) return true;
  console.error(
    `${label} loads ${heaviest.gzipKiB.toFixed(1)} KiB gzip in all ` +
      `(${pathName(heaviest.alternative)}), over its budget of ${budgetKiB} KiB gzip.`,
  );
  return false;
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
  const workspaceBuild = await build({
    configFile: false,
    logLevel: 'warn',
    root: join(appsDir, 'src/workspace'),
    base: '/queue/',
    plugins: [react()],
    resolve: { conditions: ['source', ...defaultClientConditions] },
    build: {
      outDir: stagedWorkspace,
      emptyOutDir: true,
      // Browsers that run the workspace preload modules natively: the polyfill would be dead weight.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        output: {
          // The libraries the first paint needs in one file rather than split by which lazy
          // chunk shares them: one file compresses better than five (3 KiB less gzipped).
          codeSplitting: {
            groups: [{ name: 'libraries', test: /node_modules/, tags: ['$initial'] }],
          },
        },
      },
    },
  });

  // The managers' reports page, served at /reports: a page of its own, so the workspace's bundle
  // carries none of it.
  const reportsBuild = await build({
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

  console.log(`Translators' workspace written to ${workspaceDir}`);
  const workspaceFits = reportWeight(
    "Translators' workspace",
    builtFiles(workspaceBuild),
    WORKSPACE_BUDGET_KIB,
  );
  console.log(`Reports page written to ${reportsDir}`);
  const reportsFit = reportWeight('Reports page', builtFiles(reportsBuild), REPORTS_BUDGET_KIB);
  if (!workspaceFits || !reportsFit) process.exitCode = 1;

  const freshdeskProblems = await buildFreshdeskApp(appsDir);
  if (freshdeskProblems.length > 0) {
    console.error(
      `apps/dist/freshdesk fails Freshworks' checks:\n- ${freshdeskProblems.join('\n- ')}`,
    );
    process.exitCode = 1;
  }
}

await main();
