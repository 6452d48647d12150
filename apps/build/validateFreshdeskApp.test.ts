/**
 * The offline Freshworks checks on the Freshdesk app package: the package as committed passes,
 * its request templates are exactly the ones the adapter calls, and each documented rule rejects
 * a package that breaks it.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROXY_TEMPLATE_ROUTES } from '../src/freshdesk/freshdeskHost.js';
import { validateFreshdeskApp } from './validateFreshdeskApp.js';

const appsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
let dir: string;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function edit(file: string, change: (json: Json) => void): Promise<void> {
  const path = join(dir, file);
  const json = JSON.parse(await readFile(path, 'utf8')) as Json;
  change(json);
  await writeFile(path, JSON.stringify(json));
}

beforeEach(async () => {
  // The committed package, with the page source standing in for the built app/index.html.
  dir = await mkdtemp(join(tmpdir(), 'parley-freshdesk-'));
  await cp(join(appsDir, 'freshdesk'), dir, { recursive: true });
  await cp(join(appsDir, 'src/freshdesk/index.html'), join(dir, 'app/index.html'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('validateFreshdeskApp', () => {
  it('passes the Freshdesk app package as committed', async () => {
    expect(await validateFreshdeskApp(dir)).toEqual([]);
  });

  it('has one request template per proxy route the adapter calls, with its method and path', async () => {
    const templates = JSON.parse(await readFile(join(dir, 'config/requests.json'), 'utf8')) as Json;
    expect(Object.keys(templates).sort()).toEqual(
      PROXY_TEMPLATE_ROUTES.map((r) => r.template).sort(),
    );
    for (const route of PROXY_TEMPLATE_ROUTES) {
      const { method, path, query } = templates[route.template].schema as {
        method: string;
        path: string;
        query?: Record<string, string>;
      };
      expect(method).toBe(route.method);
      const search = Object.entries(query ?? {})
        .map(([name, value]) => `${name}=${value}`)
        .join('&');
      let sample = search ? `${path}?${search}` : path;
      for (const name of route.contextFromPath ?? [])
        sample = sample.replace(`<%= context.${name} %>`, '2001');
      expect(sample).toMatch(route.path);
    }
  });

  it('rejects a manifest that is not platform 3.0 or has no engines', async () => {
    await edit('manifest.json', (m) => {
      m['platform-version'] = '2.3';
      delete m.engines;
    });
    expect(await validateFreshdeskApp(dir)).toEqual([
      'manifest.json: "platform-version" must be "3.0"',
      'manifest.json: "engines.node" must be a version such as 18.20.4',
      'manifest.json: "engines.fdk" must be a version such as 18.20.4',
    ]);
  });

  it('rejects a location page that does not load the Freshworks client', async () => {
    await writeFile(join(dir, 'app/index.html'), '<div id="root"></div>');
    expect(await validateFreshdeskApp(dir)).toEqual([
      'manifest.json: location "ticket_sidebar": app/index.html must load the Freshworks client with <script src="{{{appclient}}}">',
    ]);
  });

  it('rejects an unknown ticket location and a sidebar without its icon', async () => {
    await edit('manifest.json', (m) => {
      m.modules.support_ticket.location = {
        ticket_sidebar: { url: 'index.html', icon: 'styles/images/missing.svg' },
        ticket_footer: { url: 'index.html' },
      };
    });
    expect(await validateFreshdeskApp(dir)).toEqual([
      'manifest.json: location "ticket_sidebar": app/styles/images/missing.svg is not in the package',
      'manifest.json: location "ticket_footer" is not a ticket location',
    ]);
  });

  it('rejects a template used in code but not declared in the manifest, and the reverse', async () => {
    await edit('manifest.json', (m) => {
      delete m.modules.common.requests.parleyDetect;
      m.modules.common.requests.parleyUsage = {};
    });
    expect(await validateFreshdeskApp(dir)).toEqual([
      'manifest.json: request "parleyUsage" is declared but config/requests.json has no such template',
      'config/requests.json: "parleyDetect" is not declared in manifest.json modules.common.requests',
    ]);
  });

  it('rejects the secure proxy key anywhere but a header', async () => {
    await edit('config/requests.json', (t) => {
      t.parleyLanguages.schema.path = '/v1/languages/<%= iparam.proxy_api_key %>';
      t.parleyDetect.schema.query = { key: '<%= iparam.proxy_api_key %>' };
    });
    expect(await validateFreshdeskApp(dir)).toEqual([
      'config/requests.json: "parleyDetect" query.key: secure iparam "proxy_api_key" may only be used in headers',
      'config/requests.json: "parleyLanguages" path: secure iparam "proxy_api_key" may only be used in headers',
    ]);
  });

  it('rejects plain HTTP, a host with a protocol, a query in the path and unknown placeholders', async () => {
    await edit('config/requests.json', (t) => {
      t.parleyDetect.schema.protocol = 'http';
      t.parleyTranslate.schema.host = 'https://<%= iparam.proxy_host %>';
      t.parleyLanguages.schema.path = '/v1/languages?all=1';
      t.parleyGetReply.schema.path = '/v1/replies/<%= reply_id %>';
      t.parleyCreateReply.schema.headers['X-Region'] = '<%= iparam.region %>';
    });
    expect(await validateFreshdeskApp(dir)).toEqual([
      'config/requests.json: "parleyDetect" must use "protocol": "https"',
      'config/requests.json: "parleyTranslate": "host" is a host name only, without protocol or path',
      'config/requests.json: "parleyLanguages": put query parameters in "query", not "path"',
      'config/requests.json: "parleyCreateReply" headers.X-Region: iparam "region" is not in iparams.json',
      'config/requests.json: "parleyGetReply" path: unknown placeholder "<%= reply_id %>"',
    ]);
  });

  it('rejects a key-like iparam that is not secure, and a dropdown default outside its options', async () => {
    await edit('config/iparams.json', (i) => {
      delete i.proxy_api_key.secure;
      i.default_mode.default_value = 'auto';
    });
    expect(await validateFreshdeskApp(dir)).toEqual([
      'config/iparams.json: "proxy_api_key" looks like a secret and must be "secure": true',
      'config/iparams.json: "default_mode" has a "default_value" that is not one of its options',
    ]);
  });

  it('reports missing configuration files by name', async () => {
    await rm(join(dir, 'config/requests.json'));
    await writeFile(join(dir, 'config/iparams.json'), '{ not json');
    const problems = await validateFreshdeskApp(dir);
    expect(problems[0]).toMatch(/^config\/iparams\.json: not valid JSON/);
    expect(problems).toContain('config/requests.json: missing');
  });
});
