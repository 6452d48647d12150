/**
 * Assembles the zcli-ready Zendesk app folder around the built iframe: manifest.json from the
 * top-level manifest (with the proxy's domain allowed when given), translations/*.json with the
 * marketplace `app.*` strings taken from the UI's own locale files, and the two logos.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCALE_FILES } from '../src/i18n/i18n.js';
import { parleyLogo } from './png.js';

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
  for (const [locale, messages] of Object.entries(LOCALE_FILES)) {
    await writeFile(
      join(outDir, 'translations', `${locale}.json`),
      `${JSON.stringify({ app: messages.app }, null, 2)}\n`,
    );
  }
  await writeFile(join(outDir, 'assets', 'logo.png'), parleyLogo(320));
  await writeFile(join(outDir, 'assets', 'logo-small.png'), parleyLogo(128));
}
