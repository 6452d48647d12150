/**
 * Checks a Freshworks app folder (platform 3.0) offline against the formats Freshworks documents
 * and `fdk validate` enforces, since the `fdk` CLI cannot be installed here: the manifest's
 * platform version, engines, product module locations and declared request templates; the
 * installation parameters (iparams.json); and the request templates (requests.json): HTTPS, a
 * bare host, a path without a query, known placeholders only, and secure iparams in headers only.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const SUPPORT_TICKET_LOCATIONS = [
  'ticket_sidebar',
  'ticket_conversation_editor',
  'ticket_requester_info',
  'ticket_top_navigation',
  'ticket_background',
  'new_ticket_requester_info',
  'new_ticket_background',
];
/** Locations shown as an app icon in Freshdesk's UI, which therefore need an icon file. */
const ICON_LOCATIONS = ['ticket_sidebar', 'ticket_top_navigation'];
const IPARAM_TYPES = [
  'text',
  'paragraph',
  'dropdown',
  'email',
  'phone_number',
  'number',
  'url',
  'radio',
  'checkbox',
  'multiselect',
  'date',
  'domain',
  'api_key',
];
const OPTION_TYPES = ['dropdown', 'radio', 'multiselect'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const SEMVER = /^\d+\.\d+\.\d+$/;
const SECRET_LIKE = /token|password|secret|api_?key|apikey/i;
const PLACEHOLDER = /<%=\s*(.*?)\s*%>/g;
/** What a template placeholder may be: an iparam (optionally base64-encoded), a context value, an OAuth token. */
const PLACEHOLDER_EXPRESSION = /^(?:(?:encode\()?iparam\.(\w+)\)?|context\.(\w+)|access_token)$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readJson(
  path: string,
  label: string,
  problems: string[],
): Promise<Json | undefined> {
  if (!existsSync(path)) {
    problems.push(`${label}: missing`);
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (isObject(value)) return value;
    problems.push(`${label}: must be a JSON object`);
  } catch (error) {
    problems.push(`${label}: not valid JSON (${(error as Error).message})`);
  }
  return undefined;
}

function checkIparams(iparams: Json, problems: string[]): Map<string, boolean> {
  const secure = new Map<string, boolean>();
  for (const [name, value] of Object.entries(iparams)) {
    const where = `config/iparams.json: "${name}"`;
    if (!isObject(value)) {
      problems.push(`${where} must be an object`);
      continue;
    }
    if (typeof value.display_name !== 'string' || !value.display_name)
      problems.push(`${where} needs a "display_name"`);
    const type = String(value.type);
    if (!IPARAM_TYPES.includes(type)) problems.push(`${where} has unknown type "${type}"`);
    if (OPTION_TYPES.includes(type)) {
      const options = value.options;
      if (!Array.isArray(options) || options.length === 0) {
        problems.push(`${where} is a ${type} and needs "options"`);
      } else if ('default_value' in value && !options.includes(value.default_value)) {
        problems.push(`${where} has a "default_value" that is not one of its options`);
      }
    }
    const isSecure = value.secure === true;
    if (!isSecure && (SECRET_LIKE.test(name) || type === 'api_key'))
      problems.push(`${where} looks like a secret and must be "secure": true`);
    secure.set(name, isSecure);
  }
  return secure;
}

function checkPlaceholders(
  text: string,
  where: string,
  inHeader: boolean,
  iparams: Map<string, boolean>,
  problems: string[],
): void {
  for (const [, expression = ''] of text.matchAll(PLACEHOLDER)) {
    const match = PLACEHOLDER_EXPRESSION.exec(expression);
    if (!match) {
      problems.push(`${where}: unknown placeholder "<%= ${expression} %>"`);
      continue;
    }
    const iparam = match[1];
    if (iparam === undefined) continue;
    if (!iparams.has(iparam)) problems.push(`${where}: iparam "${iparam}" is not in iparams.json`);
    else if (iparams.get(iparam) && !inHeader)
      problems.push(`${where}: secure iparam "${iparam}" may only be used in headers`);
  }
}

function checkTemplate(
  name: string,
  template: unknown,
  iparams: Map<string, boolean>,
  problems: string[],
): void {
  const where = `config/requests.json: "${name}"`;
  const schema = isObject(template) ? template.schema : undefined;
  if (!isObject(schema)) {
    problems.push(`${where} needs a "schema" object`);
    return;
  }
  if (!METHODS.includes(String(schema.method)))
    problems.push(`${where} has method "${String(schema.method)}" (one of ${METHODS.join(', ')})`);
  if (schema.protocol !== undefined && schema.protocol !== 'https')
    problems.push(`${where} must use "protocol": "https"`);
  const host = schema.host;
  if (typeof host !== 'string' || !host) {
    problems.push(`${where} needs a "host"`);
  } else {
    if (/:\/\/|\//.test(host))
      problems.push(`${where}: "host" is a host name only, without protocol or path`);
    checkPlaceholders(host, `${where} host`, false, iparams, problems);
  }
  const path = schema.path;
  if (path !== undefined) {
    if (typeof path !== 'string' || !path.startsWith('/'))
      problems.push(`${where}: "path" must start with /`);
    else {
      if (path.includes('?'))
        problems.push(`${where}: put query parameters in "query", not "path"`);
      checkPlaceholders(path, `${where} path`, false, iparams, problems);
    }
  }
  for (const [part, inHeader] of [
    ['headers', true],
    ['query', false],
  ] as const) {
    const values = schema[part];
    if (values === undefined) continue;
    if (!isObject(values)) {
      problems.push(`${where}: "${part}" must be an object`);
      continue;
    }
    for (const [key, value] of Object.entries(values)) {
      if (typeof value !== 'string') problems.push(`${where}: ${part}.${key} must be a string`);
      else checkPlaceholders(value, `${where} ${part}.${key}`, inHeader, iparams, problems);
    }
  }
  const options = isObject(template) ? template.options : undefined;
  if (options !== undefined) {
    if (!isObject(options)) problems.push(`${where}: "options" must be an object`);
    else
      for (const key of ['maxAttempts', 'retryDelay', 'timeout'])
        if (key in options && !Number.isInteger(options[key]))
          problems.push(`${where}: options.${key} must be a whole number`);
  }
}

/** Returns every problem found; an empty list means the folder passes. */
export async function validateFreshdeskApp(dir: string): Promise<string[]> {
  const problems: string[] = [];
  const manifest = await readJson(join(dir, 'manifest.json'), 'manifest.json', problems);
  const iparamsJson = await readJson(
    join(dir, 'config/iparams.json'),
    'config/iparams.json',
    problems,
  );
  const requests = await readJson(
    join(dir, 'config/requests.json'),
    'config/requests.json',
    problems,
  );
  if (!manifest) return problems;

  if (manifest['platform-version'] !== '3.0')
    problems.push('manifest.json: "platform-version" must be "3.0"');
  const engines = manifest.engines;
  for (const engine of ['node', 'fdk']) {
    const version = isObject(engines) ? engines[engine] : undefined;
    if (typeof version !== 'string' || !SEMVER.test(version))
      problems.push(`manifest.json: "engines.${engine}" must be a version such as 18.20.4`);
  }

  const modules = isObject(manifest.modules) ? manifest.modules : {};
  const ticket = modules.support_ticket;
  const locations = isObject(ticket) && isObject(ticket.location) ? ticket.location : {};
  if (Object.keys(locations).length === 0)
    problems.push('manifest.json: "modules.support_ticket.location" must name a location');
  for (const [location, value] of Object.entries(locations)) {
    const where = `manifest.json: location "${location}"`;
    if (!SUPPORT_TICKET_LOCATIONS.includes(location))
      problems.push(`${where} is not a ticket location`);
    const url = isObject(value) ? value.url : undefined;
    if (typeof url !== 'string' || /^[a-z]+:/i.test(url)) {
      problems.push(`${where} needs a "url" to a page in app/`);
    } else if (!existsSync(join(dir, 'app', url))) {
      problems.push(`${where}: app/${url} is not in the package`);
    } else if (!(await readFile(join(dir, 'app', url), 'utf8')).includes('{{{appclient}}}')) {
      problems.push(
        `${where}: app/${url} must load the Freshworks client with <script src="{{{appclient}}}">`,
      );
    }
    const icon = isObject(value) ? value.icon : undefined;
    if (ICON_LOCATIONS.includes(location)) {
      if (typeof icon !== 'string') problems.push(`${where} needs an "icon"`);
      else if (!existsSync(join(dir, 'app', icon)))
        problems.push(`${where}: app/${icon} is not in the package`);
    }
  }

  const secureIparams = iparamsJson
    ? checkIparams(iparamsJson, problems)
    : new Map<string, boolean>();
  const common = modules.common;
  const declared =
    isObject(common) && isObject(common.requests) ? Object.keys(common.requests) : [];
  const templates = requests ?? {};
  for (const name of declared)
    if (!(name in templates))
      problems.push(
        `manifest.json: request "${name}" is declared but config/requests.json has no such template`,
      );
  for (const [name, template] of Object.entries(templates)) {
    if (!declared.includes(name))
      problems.push(
        `config/requests.json: "${name}" is not declared in manifest.json modules.common.requests`,
      );
    checkTemplate(name, template, secureIparams, problems);
  }
  return problems;
}
