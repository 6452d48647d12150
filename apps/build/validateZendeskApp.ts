/**
 * Checks a Zendesk app folder offline against the rules Zendesk's validator (`zcli apps:validate`,
 * run at upload) applies, so a broken package fails the build here rather than at upload:
 * required manifest fields, framework 2.0, HTTPS or packaged location URLs, translations with the
 * marketplace strings and a label per parameter, logos of the right size, and secure settings
 * declared safely (scopes, domainWhitelist, no secret-like name left non-secure).
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pngSize } from './png.js';

const PARAMETER_TYPES = [
  'text',
  'password',
  'checkbox',
  'url',
  'number',
  'multiline',
  'hidden',
  'oauth',
];
const SECURE_SCOPES = ['header', 'body', 'url'];
const SUPPORT_LOCATIONS = [
  'background',
  'modal',
  'nav_bar',
  'new_ticket_sidebar',
  'organization_sidebar',
  'ticket_editor',
  'ticket_sidebar',
  'top_bar',
  'user_sidebar',
];
const SECRET_LIKE = /token|password|secret|api_?key|apikey/i;
const LOGOS = [
  { file: 'logo.png', size: 320 },
  { file: 'logo-small.png', size: 128 },
];

interface Parameter {
  name?: unknown;
  type?: unknown;
  secure?: unknown;
  scopes?: unknown;
}

function get(object: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
      object,
    );
}

async function readJson(path: string, problems: string[]): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    problems.push(
      `${path}: ${existsSync(path) ? `not valid JSON (${(error as Error).message})` : 'missing'}`,
    );
    return undefined;
  }
}

/** Returns every problem found; an empty list means the folder passes. */
export async function validateZendeskApp(dir: string): Promise<string[]> {
  const problems: string[] = [];
  const manifest = (await readJson(join(dir, 'manifest.json'), problems)) as
    Record<string, unknown> | undefined;
  if (!manifest) return problems;

  for (const field of [
    'name',
    'author.name',
    'author.email',
    'defaultLocale',
    'version',
    'location',
  ]) {
    if (get(manifest, field) === undefined) problems.push(`manifest.json: "${field}" is required`);
  }
  if (manifest.frameworkVersion !== '2.0')
    problems.push('manifest.json: "frameworkVersion" must be "2.0"');

  const support = get(manifest, 'location.support');
  if (support && typeof support === 'object') {
    for (const [location, value] of Object.entries(support)) {
      if (!SUPPORT_LOCATIONS.includes(location))
        problems.push(`manifest.json: unknown support location "${location}"`);
      const url = typeof value === 'string' ? value : get(value, 'url');
      if (typeof url !== 'string') {
        problems.push(`manifest.json: location "${location}" has no url`);
      } else if (/^[a-z]+:/i.test(url)) {
        if (!url.startsWith('https://'))
          problems.push(`manifest.json: location "${location}" url must use HTTPS (${url})`);
      } else if (!existsSync(join(dir, url))) {
        problems.push(`manifest.json: location "${location}" url ${url} is not in the package`);
      }
    }
  } else {
    problems.push('manifest.json: "location.support" must name at least one location');
  }

  const parameters = (Array.isArray(manifest.parameters) ? manifest.parameters : []) as Parameter[];
  const names = new Set<string>();
  for (const parameter of parameters) {
    const name = String(parameter.name ?? '');
    if (!name) problems.push('manifest.json: a parameter has no name');
    if (names.has(name)) problems.push(`manifest.json: parameter "${name}" is declared twice`);
    names.add(name);
    if (!PARAMETER_TYPES.includes(String(parameter.type))) {
      problems.push(
        `manifest.json: parameter "${name}" has unknown type "${String(parameter.type)}"`,
      );
    }
    if (parameter.secure === true) {
      const scopes = parameter.scopes;
      if (
        !Array.isArray(scopes) ||
        scopes.length === 0 ||
        scopes.some((s) => !SECURE_SCOPES.includes(String(s)))
      ) {
        problems.push(
          `manifest.json: secure parameter "${name}" must declare scopes (${SECURE_SCOPES.join(', ')})`,
        );
      }
    } else if (SECRET_LIKE.test(name) || parameter.type === 'password') {
      problems.push(
        `manifest.json: parameter "${name}" looks like a secret and must be "secure": true`,
      );
    }
  }
  if (parameters.some((p) => p.secure === true)) {
    const whitelist = manifest.domainWhitelist;
    if (
      !Array.isArray(whitelist) ||
      whitelist.length === 0 ||
      whitelist.some((d) => typeof d !== 'string' || !d)
    ) {
      problems.push('manifest.json: secure parameters need a non-empty "domainWhitelist"');
    }
  }

  const defaultLocale = String(manifest.defaultLocale ?? 'en');
  const translationsDir = join(dir, 'translations');
  const defaults = await readJson(join(translationsDir, `${defaultLocale}.json`), problems);
  if (defaults) {
    for (const key of [
      'app.name',
      'app.short_description',
      'app.long_description',
      'app.installation_instructions',
    ]) {
      if (typeof get(defaults, key) !== 'string')
        problems.push(`translations/${defaultLocale}.json: "${key}" is required`);
    }
    const short = get(defaults, 'app.short_description');
    if (typeof short === 'string' && short.length > 80) {
      problems.push(
        `translations/${defaultLocale}.json: "app.short_description" is ${short.length} characters (80 at most)`,
      );
    }
    for (const name of names) {
      if (typeof get(defaults, `app.parameters.${name}.label`) !== 'string') {
        problems.push(
          `translations/${defaultLocale}.json: parameter "${name}" needs "app.parameters.${name}.label"`,
        );
      }
    }
  }
  if (existsSync(translationsDir)) {
    for (const file of await readdir(translationsDir)) {
      if (file.endsWith('.json') && file !== `${defaultLocale}.json`)
        await readJson(join(translationsDir, file), problems);
    }
  }

  for (const { file, size } of LOGOS) {
    const path = join(dir, 'assets', file);
    if (!existsSync(path)) {
      problems.push(`assets/${file} is required`);
      continue;
    }
    const actual = pngSize(await readFile(path));
    if (!actual || actual.width !== size || actual.height !== size) {
      problems.push(`assets/${file} must be a ${size}x${size} PNG`);
    }
  }
  return problems;
}
