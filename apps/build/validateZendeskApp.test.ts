/**
 * The offline stand-in for Zendesk's app validator: the assembled package passes, and each rule
 * Zendesk enforces at upload is caught when broken.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodePng } from './png.js';
import { validateZendeskApp } from './validateZendeskApp.js';
import { assembleZendeskPackage } from './zendeskPackage.js';

const MANIFEST = resolve(import.meta.dirname, '../../manifest.json');
let dir: string;

// Each test breaks one arbitrary spot of the JSON; typing every path would only hide the intent.
/* eslint-disable @typescript-eslint/no-explicit-any */
async function editJson(path: string, edit: (json: Record<string, any>) => void) {
  const json = JSON.parse(await readFile(join(dir, path), 'utf8')) as Record<string, any>;
  /* eslint-enable @typescript-eslint/no-explicit-any */
  edit(json);
  await writeFile(join(dir, path), JSON.stringify(json));
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-zendesk-app-'));
  await assembleZendeskPackage({
    manifestPath: MANIFEST,
    outDir: dir,
    proxyDomain: 'parley.acme.test',
  });
  await writeFile(join(dir, 'assets', 'iframe.html'), '<!doctype html><div id="root"></div>');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('validateZendeskApp', () => {
  it('passes the package the build assembles, with the proxy domain allowed', async () => {
    expect(await validateZendeskApp(dir)).toEqual([]);
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.domainWhitelist).toEqual(['parley.acme.test']);
  });

  it('writes marketplace strings for every UI locale', async () => {
    const spanish = JSON.parse(await readFile(join(dir, 'translations', 'es.json'), 'utf8'));
    expect(spanish.app.parameters.proxyUrl.label).toBe('URL del proxy de Parley');
  });

  it('requires framework 2.0', async () => {
    await editJson('manifest.json', (m) => (m.frameworkVersion = '1.0'));
    expect(await validateZendeskApp(dir)).toEqual([
      'manifest.json: "frameworkVersion" must be "2.0"',
    ]);
  });

  it('rejects a location URL that is not HTTPS', async () => {
    await editJson(
      'manifest.json',
      (m) => (m.location.support.ticket_sidebar.url = 'http://localhost:4567/'),
    );
    expect(await validateZendeskApp(dir)).toEqual([
      'manifest.json: location "ticket_sidebar" url must use HTTPS (http://localhost:4567/)',
    ]);
  });

  it('rejects a location page missing from the package', async () => {
    await rm(join(dir, 'assets', 'iframe.html'));
    expect(await validateZendeskApp(dir)).toEqual([
      'manifest.json: location "ticket_sidebar" url assets/iframe.html is not in the package',
    ]);
  });

  it('requires scopes on a secure parameter', async () => {
    await editJson('manifest.json', (m) => delete m.parameters[1].scopes);
    expect(await validateZendeskApp(dir)).toEqual([
      'manifest.json: secure parameter "proxyApiKey" must declare scopes (header, body, url)',
    ]);
  });

  it('requires a domainWhitelist when a parameter is secure', async () => {
    await editJson('manifest.json', (m) => delete m.domainWhitelist);
    expect(await validateZendeskApp(dir)).toEqual([
      'manifest.json: secure parameters need a non-empty "domainWhitelist"',
    ]);
  });

  it('rejects a token-like parameter that is not secure', async () => {
    await editJson('manifest.json', (m) => m.parameters.push({ name: 'deeplToken', type: 'text' }));
    await editJson(
      'translations/en.json',
      (t) => (t.app.parameters.deeplToken = { label: 'DeepL token' }),
    );
    expect(await validateZendeskApp(dir)).toEqual([
      'manifest.json: parameter "deeplToken" looks like a secret and must be "secure": true',
    ]);
  });

  it('requires a label per parameter in the default locale', async () => {
    await editJson('translations/en.json', (t) => delete t.app.parameters.defaultMode.label);
    expect(await validateZendeskApp(dir)).toEqual([
      'translations/en.json: parameter "defaultMode" needs "app.parameters.defaultMode.label"',
    ]);
  });

  it('limits the short description to 80 characters', async () => {
    await editJson('translations/en.json', (t) => (t.app.short_description = 'x'.repeat(81)));
    expect(await validateZendeskApp(dir)).toEqual([
      'translations/en.json: "app.short_description" is 81 characters (80 at most)',
    ]);
  });

  it('requires the marketplace descriptions', async () => {
    await editJson('translations/en.json', (t) => delete t.app.long_description);
    expect(await validateZendeskApp(dir)).toEqual([
      'translations/en.json: "app.long_description" is required',
    ]);
  });

  it('requires logos of the documented sizes', async () => {
    await writeFile(
      join(dir, 'assets', 'logo.png'),
      encodePng(256, () => [0, 0, 0, 255]),
    );
    await rm(join(dir, 'assets', 'logo-small.png'));
    expect(await validateZendeskApp(dir)).toEqual([
      'assets/logo.png must be a 320x320 PNG',
      'assets/logo-small.png is required',
    ]);
  });
});
