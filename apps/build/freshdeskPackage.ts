/**
 * The Freshdesk part of `npm run build:apps`: builds the sidebar page with vite into a Freshworks
 * app folder (apps/dist/freshdesk: manifest.json, config/, app/) that `fdk run` serves and
 * `fdk pack` zips, checks it with the offline validator, and builds the Freshdesk playground
 * (apps/dist/playground/freshdesk.html): a stand-in Freshworks host around a copy of the same
 * built app whose `{{{appclient}}}` is the stand-in client script, as Freshworks substitutes its own.
 */
import react from '@vitejs/plugin-react';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { validateFreshdeskApp } from './validateFreshdeskApp.js';

/** Where the stand-in Freshworks client is served in the playground, relative to the app page. */
export const STAND_IN_CLIENT = 'freshworks-client.js';

async function bundleSize(dir: string): Promise<{ raw: number; gzip: number }> {
  let raw = 0;
  let gzip = 0;
  for (const entry of await readdir(dir, { recursive: true })) {
    if (!/\.(js|css)$/.test(entry)) continue;
    const bytes = await readFile(join(dir, entry));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/**
 * Builds `<dist>/freshdesk` and the Freshdesk playground into `<dist>/playground` (after the
 * Zendesk playground, whose folder it adds to); returns the validator's problems. `dist` is
 * apps/dist, or a staging folder swapped in afterwards.
 */
export async function buildFreshdeskApp(
  appsDir: string,
  dist = join(appsDir, 'dist'),
): Promise<string[]> {
  const outDir = join(dist, 'freshdesk');
  const playgroundApp = join(dist, 'playground', 'freshdesk-app');
  await rm(outDir, { recursive: true, force: true });
  await rm(playgroundApp, { recursive: true, force: true });

  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(appsDir, 'src/freshdesk'),
    // Freshworks serves app/ under its own path: every URL must be relative.
    base: './',
    plugins: [react()],
    build: {
      outDir: join(outDir, 'app'),
      emptyOutDir: true,
      rollupOptions: { input: join(appsDir, 'src/freshdesk/index.html') },
    },
  });
  const source = join(appsDir, 'freshdesk');
  await cp(join(source, 'manifest.json'), join(outDir, 'manifest.json'));
  await cp(join(source, 'config'), join(outDir, 'config'), { recursive: true });
  await cp(join(source, 'app'), join(outDir, 'app'), { recursive: true });

  // The playground: the same built app, with Freshworks' client script swapped for the stand-in.
  await cp(join(outDir, 'app'), playgroundApp, { recursive: true });
  const page = join(playgroundApp, 'index.html');
  await writeFile(
    page,
    (await readFile(page, 'utf8')).replace('src="{{{appclient}}}"', `src="${STAND_IN_CLIENT}"`),
  );
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: playgroundApp,
      emptyOutDir: false,
      lib: {
        entry: join(appsDir, 'playground/freshworksClientStandIn.ts'),
        formats: ['iife'],
        name: 'ParleyFreshworksClientStandIn',
        fileName: () => STAND_IN_CLIENT,
      },
    },
  });
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(appsDir, 'playground'),
    base: '/playground/',
    build: {
      outDir: join(dist, 'playground'),
      emptyOutDir: false,
      rollupOptions: { input: join(appsDir, 'playground/freshdesk.html') },
    },
  });

  const problems = await validateFreshdeskApp(outDir);
  if (problems.length === 0) {
    const size = await bundleSize(join(outDir, 'app'));
    console.log(
      `Freshdesk app written to ${outDir} (passes the offline checks); ` +
        `JS+CSS ${(size.raw / 1024).toFixed(1)} KiB raw, ${(size.gzip / 1024).toFixed(1)} KiB gzip`,
    );
  }
  return problems;
}
