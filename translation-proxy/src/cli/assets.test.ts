// The asset commands of the admin command line, run as an admin would run them, on SQLite and
// PostgreSQL alike.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { storeBackends, tempDir } from '../../../tests/support/stores.js';

const run = promisify(execFile);
const script = new URL('./tenant.ts', import.meta.url).pathname;
const fixture = (name: string) =>
  new URL(`../../../tests/fixtures/assets/${name}`, import.meta.url).pathname;

function tenantCli(env: Record<string, string>, ...args: string[]) {
  return run(process.execPath, ['--conditions=source', '--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env },
  });
}

async function environment(backend: (typeof storeBackends)[number]) {
  const location = await backend.location();
  const env: Record<string, string> = {
    PARLEY_DATA_DIR: location.dataDir,
    ...(location.databaseUrl ? { DATABASE_URL: location.databaseUrl } : {}),
  };
  const { stdout } = await tenantCli(env, 'create', 'Acme');
  return { env, tenantId: /tenant {2}(\S+)/.exec(stdout)![1]! };
}

// Each case starts the CLI through tsx, a few seconds apiece on a busy machine.
describe.each(storeBackends)('asset commands on $name', { timeout: 240_000 }, (backend) => {
  it('imports a TMX file, reports it, and exports the memory as TMX on standard output', async () => {
    const { env, tenantId } = await environment(backend);
    const imported = await tenantCli(env, 'memory-import', tenantId, fixture('spec-example.tmx'));
    expect(imported.stdout).toBe('imported 7 units, skipped 0\n');
    const exported = await tenantCli(
      env,
      'memory-export',
      tenantId,
      '--format',
      'tmx',
      '--source',
      'en',
      '--target',
      'es-419',
    );
    expect(exported.stdout).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<tmx version="1.4">/,
    );
    expect(exported.stdout).toContain('<prop type="x-parley-engine">deepl</prop>');
    expect(exported.stdout).toContain(
      '<seg>See the <ph x="1"/>return policy<ph x="2"/> and the picture<ph x="3"/> below.</seg>',
    );
    expect(exported.stdout.trimEnd().endsWith('</tmx>')).toBe(true);
  });

  it('imports a CSV glossary and exports it as TBX-Basic', async () => {
    const { env, tenantId } = await environment(backend);
    const imported = await tenantCli(
      env,
      'glossary-import',
      tenantId,
      fixture('glossary.csv'),
      '--format',
      'csv',
    );
    expect(imported.stdout).toBe('imported 7 terms, skipped 0\n');
    const { stdout } = await tenantCli(
      env,
      'glossary-export',
      tenantId,
      '--format',
      'tbx',
      '--source',
      'en',
    );
    expect(stdout).toContain('<tbx type="TBX-Basic" style="dca" xml:lang="en"');
    expect(stdout).toContain(
      '<langSec xml:lang="fr"><termSec><term>remboursement partiel</term></termSec></langSec>',
    );
  });

  it('stops at the bad line of a broken file with exit status 2', async () => {
    const { env, tenantId } = await environment(backend);
    const file = join(tempDir(), 'broken.tmx');
    writeFileSync(
      file,
      '<?xml version="1.0"?>\n<tmx version="1.4">\n<header srclang="en"/>\n<body><tu><tuv xml:lang="en"><seg>Hi</tuv></tu></body></tmx>\n',
    );
    const failure = await tenantCli(env, 'memory-import', tenantId, file).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(/^tenant: line 4: /);
  });
});
