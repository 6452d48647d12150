// Translation assets over HTTP: a tenant's memory and glossary in and out with its API key, on
// SQLite and PostgreSQL alike.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proxy } from '../compose.js';
import { startTestProxy } from '../../../tests/support/proxy.js';
import { freshPostgresUrl, storeBackends } from '../../../tests/support/stores.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../../tests/fixtures/assets/${name}`, import.meta.url));

describe.each(storeBackends)('translation assets over HTTP on $name', (backend) => {
  let proxy: Proxy;
  let acme: { authorization: string };
  let globex: { authorization: string };

  beforeAll(async () => {
    proxy = await startTestProxy(
      backend.name === 'postgres' ? { DATABASE_URL: await freshPostgresUrl() } : {},
    );
    const keyFor = async (name: string) => {
      const tenant = await proxy.store.tenants.create({ name });
      const { key } = await proxy.store.apiKeys.issue(tenant.id, 'assets');
      return { authorization: `Bearer ${key}` };
    };
    acme = await keyFor('Acme');
    globex = await keyFor('Globex');
  });
  afterAll(() => proxy.close());

  const importTmx = (
    headers: Record<string, string>,
    payload: string | Buffer,
    type = 'application/x-tmx+xml',
  ) =>
    proxy.app.inject({
      method: 'POST',
      url: '/v1/memory/import',
      headers: { ...headers, 'content-type': type },
      payload,
    });

  it('refuses every asset endpoint without a tenant key', async () => {
    const answers = await Promise.all([
      proxy.app.inject({ method: 'GET', url: '/v1/memory/export' }),
      importTmx({}, fixture('spec-example.tmx')),
      proxy.app.inject({ method: 'GET', url: '/v1/glossary/export?format=csv' }),
      proxy.app.inject({
        method: 'POST',
        url: '/v1/glossary/import',
        headers: { 'content-type': 'text/csv' },
        payload: 'source,target\nhello,hola\n',
      }),
    ]);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.json().error.code).toBe('unauthorized');
    }
  });

  it('imports a TMX file and answers with what it wrote', async () => {
    const response = await importTmx(acme, fixture('spec-example.tmx'));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ imported: 7, skippedCount: 0, skipped: [] });
  });

  it('exports the memory as a TMX download that imports into another tenant unchanged', async () => {
    await importTmx(acme, fixture('spec-example.tmx'));
    const exported = await proxy.app.inject({
      method: 'GET',
      url: '/v1/memory/export?format=tmx&source=en&target=ja',
      headers: acme,
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('application/x-tmx+xml; charset=utf-8');
    expect(exported.headers['content-disposition']).toContain('parley-memory.tmx');
    expect(exported.body).toContain(
      '<seg>ご注文 <ph x="3"/> を保存するには <ph x="1"/>保存<ph x="2"/> をクリックしてください。</seg>',
    );
    const reimported = await importTmx(globex, exported.body, 'text/xml; charset=utf-8');
    expect(reimported.json()).toMatchObject({ imported: 1, skippedCount: 0 });
    const again = await proxy.app.inject({
      method: 'GET',
      url: '/v1/memory/export?source=en&target=ja',
      headers: globex,
    });
    const units = (body: string) => body.slice(body.indexOf('<body>'));
    expect(units(again.body)).toBe(units(exported.body));
  });

  it('never shows one tenant the memory of another', async () => {
    const tenant = await proxy.store.tenants.create({ name: 'Initech' });
    const { key } = await proxy.store.apiKeys.issue(tenant.id, 'assets');
    await importTmx(acme, fixture('spec-example.tmx'));
    const exported = await proxy.app.inject({
      method: 'GET',
      url: '/v1/memory/export',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(exported.body).not.toContain('<tu ');
  });

  it('answers invalid_tmx with the line of a broken file', async () => {
    const response = await importTmx(
      acme,
      '<?xml version="1.0"?>\n<tmx version="1.4">\n<body>\n<tu><tuv xml:lang="en"><seg>a</tuv>\n</body></tmx>',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'invalid_tmx',
      message: expect.stringMatching(/^line 4: /),
    });
  });

  it('answers invalid_tmx to a file with an external entity, and reads nothing from it', async () => {
    const response = await importTmx(
      acme,
      '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&xxe;</seg></tuv><tuv xml:lang="es"><seg>x</seg></tuv></tu></body></tmx>',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_tmx');
    expect(response.body).not.toContain('root:');
  });

  it('answers unsupported_media_type to a memory sent as JSON', async () => {
    const response = await importTmx(acme, '{"units":[]}', 'application/json');
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('unsupported_media_type');
  });

  it('answers unknown_language to an export for a tag that is not BCP 47', async () => {
    const response = await proxy.app.inject({
      method: 'GET',
      url: '/v1/memory/export?source=english!',
      headers: acme,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('unknown_language');
  });

  it('imports a glossary as CSV and exports it as TBX and as guarded CSV', async () => {
    const imported = await proxy.app.inject({
      method: 'POST',
      url: '/v1/glossary/import',
      headers: { ...globex, 'content-type': 'text/csv; charset=utf-8' },
      payload: fixture('glossary.csv'),
    });
    expect(imported.json()).toEqual({ imported: 7, skippedCount: 0, skipped: [] });
    const tbx = await proxy.app.inject({
      method: 'GET',
      url: '/v1/glossary/export?format=tbx&source=en&target=de',
      headers: globex,
    });
    expect(tbx.headers['content-type']).toBe('application/x-tbx+xml; charset=utf-8');
    expect(tbx.body).toContain('<term>packing slip</term>');
    expect(tbx.body).toContain('<langSec xml:lang="de"><termSec><term>Lieferschein</term>');
    const csv = await proxy.app.inject({
      method: 'GET',
      url: '/v1/glossary/export?format=csv&target=es',
      headers: globex,
    });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain(`en,es,'=SUM(A1),'=SUMA(A1),false\r\n`);
  });

  it('imports a TBX-Basic file sent as application/x-tbx+xml', async () => {
    const response = await proxy.app.inject({
      method: 'POST',
      url: '/v1/glossary/import?target=pt-BR',
      headers: { ...acme, 'content-type': 'application/x-tbx+xml' },
      payload: fixture('tbx-basic-v2.tbx'),
    });
    expect(response.json()).toEqual({ imported: 1, skippedCount: 0, skipped: [] });
  });

  it('asks for a source language before exporting TBX', async () => {
    const response = await proxy.app.inject({
      method: 'GET',
      url: '/v1/glossary/export?format=tbx',
      headers: acme,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_request');
  });

  it('answers payload_too_large to a glossary over 8 MiB, declared or streamed', async () => {
    const big = Buffer.alloc(8 * 1_048_576 + 1, 'a');
    const declared = await proxy.app.inject({
      method: 'POST',
      url: '/v1/glossary/import',
      headers: { ...acme, 'content-type': 'text/csv' },
      payload: big,
    });
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error.code).toBe('payload_too_large');
    const streamed = await proxy.app.inject({
      method: 'POST',
      url: '/v1/glossary/import',
      headers: { ...acme, 'content-type': 'text/csv' },
      payload: Readable.from(
        (function* () {
          yield 'source,target\n';
          for (let part = 0; part < 9; part += 1) yield `"${'a'.repeat(9_000)}",b\n`.repeat(117);
        })(),
      ),
    });
    expect(streamed.statusCode).toBe(413);
  });

  it('lists the asset endpoints in the OpenAPI document', async () => {
    const document = (await proxy.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/memory/export',
        '/v1/memory/import',
        '/v1/glossary/export',
        '/v1/glossary/import',
      ]),
    );
    expect(document.paths['/v1/memory/import'].post.responses['200']).toBeDefined();
  });
});
