/**
 * Assembles the zcli-ready Zendesk app folder around the built iframe: manifest.json from the
 * top-level manifest (with the proxy's domain allowed when given), translations/*.json with the
 * marketplace `app.*` strings taken from the UI's own locale files, and the two logos.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parleyLogo } from './png.js';

/** The app's locale files: `ui.*` strings for the sidebar, `app.*` for the marketplace listing. */
export const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../src/i18n/locales');

export interface AssembleOptions {
  /** Path of the top-level manifest.json. */
  manifestPath: string;
  /** The app folder; `assets/iframe.html` is expected there already (the vite build). */
  outDir: string;
  /** Host name of the Parley proxy, allowed for secure requests (`domainWhitelist`). */
  proxyDomain?: string;
}

export async function assembleZendeskPackage({
  manifestPath,
  outDir,
  proxyDomain,
}: AssembleOptions) {
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  if (proxyDomain) manifest.domainWhitelist = [proxyDomain];
  await mkdir(join(outDir, 'assets'), { recursive: true });
  await mkdir(join(outDir, 'translations'), { recursive: true });
  await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const file of await readdir(LOCALES_DIR)) {
    if (!file.endsWith('.json')) continue;
    const { app } = JSON.parse(await readFile(join(LOCALES_DIR, file), 'utf8')) as { app: unknown };
    await writeFile(join(outDir, 'translations', file), `${JSON.stringify({ app }, null, 2)}\n`);
  }
  await writeFile(join(outDir, 'assets', 'logo.png'), parleyLogo(320));
  await writeFile(join(outDir, 'assets', 'logo-small.png'), parleyLogo(128));
}
