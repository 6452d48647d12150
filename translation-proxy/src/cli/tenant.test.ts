// The admin command line, run as an admin would run it, against a real SQLite store.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { serviceAccountKeyFile } from '../../../tests/support/google-service-account.js';
import { tempDir } from '../../../tests/support/stores.js';

const run = promisify(execFile);
const script = new URL('./tenant.ts', import.meta.url).pathname;

function tenantCli(env: Record<string, string>, ...args: string[]) {
  return run(process.execPath, ['--conditions=source', '--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env },
  });
}

// Each case starts the CLI through tsx, a few seconds apiece on a busy machine.
describe('tenant command line', { timeout: 60_000 }, () => {
  it('creates a tenant whose printed key authenticates it', async () => {
    const env = { PARLEY_DATA_DIR: tempDir() };
    const { stdout } = await tenantCli(env, 'create', 'Acme', 'Support', '--languages', 'en,es-mx');
    const key = /api key (\S+)/.exec(stdout)?.[1];
    const tenantId = /tenant {2}(\S+)/.exec(stdout)?.[1];
    const store = await openStore({ dataDir: env.PARLEY_DATA_DIR });
    try {
      expect(await store.apiKeys.tenantFor(key!)).toBe(tenantId);
      expect(await store.tenants.get(tenantId!)).toMatchObject({
        name: 'Acme Support',
        languages: ['en', 'es-MX'],
      });
    } finally {
      await store.close();
    }
  });

  it('rejects an unknown language code with exit status 2 and a reason', async () => {
    const failure = await tenantCli(
      { PARLEY_DATA_DIR: tempDir() },
      'create',
      'Acme',
      '--languages',
      'en,klingon!',
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain(
      '"klingon!" is not a BCP 47 language code',
    );
  });

  it('stores engine settings sealed and shows them with secrets hidden', async () => {
    const env = { PARLEY_DATA_DIR: tempDir(), PARLEY_SECRET_KEY: randomBytes(32).toString('hex') };
    const { stdout } = await tenantCli(env, 'create', 'Globex');
    const tenantId = /tenant {2}(\S+)/.exec(stdout)![1]!;
    const settingsFile = `${env.PARLEY_DATA_DIR}/engines.json`;
    writeFileSync(
      settingsFile,
      JSON.stringify({
        engines: [{ kind: 'google', apiKey: 'AIzaSyExampleKey123' }, { kind: 'apertium' }],
      }),
    );
    await tenantCli(env, 'engines', tenantId, settingsFile);
    const shown = (await tenantCli(env, 'engines-show', tenantId)).stdout;
    expect(shown).toContain('"kind": "google"');
    expect(shown).not.toContain('AIzaSyExampleKey123');
  });

  it('stores Google v3 settings with the service-account key sealed, and refuses glossaries in global', async () => {
    const env = { PARLEY_DATA_DIR: tempDir(), PARLEY_SECRET_KEY: randomBytes(32).toString('hex') };
    const { stdout } = await tenantCli(env, 'create', 'Initech');
    const tenantId = /tenant {2}(\S+)/.exec(stdout)![1]!;
    const { keyFile } = serviceAccountKeyFile('initech-support');
    const privateKey = keyFile.private_key;
    const google = {
      kind: 'google',
      projectId: 'initech-support',
      location: 'europe-west1',
      serviceAccountKey: keyFile,
      glossaries: [{ source: 'en', target: 'fr', id: 'initech-en-fr' }],
    };
    const settingsFile = `${env.PARLEY_DATA_DIR}/engines.json`;
    writeFileSync(settingsFile, JSON.stringify({ engines: [google] }));
    await tenantCli(env, 'engines', tenantId, settingsFile);
    const shown = (await tenantCli(env, 'engines-show', tenantId)).stdout;
    expect(shown).toContain('"glossaries"');
    expect(shown).toContain('"serviceAccountKey": "[secret]"');
    expect(shown).not.toContain(privateKey.split('\n')[1]);

    writeFileSync(settingsFile, JSON.stringify({ engines: [{ ...google, location: 'global' }] }));
    const failure = await tenantCli(env, 'engines', tenantId, settingsFile).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('glossaries need a regional');
  });

  it('masks every kind for every engine by default, and stores a narrower personal-data policy', async () => {
    const env = { PARLEY_DATA_DIR: tempDir() };
    const { stdout } = await tenantCli(env, 'create', 'Umbrella');
    const tenantId = /tenant {2}(\S+)/.exec(stdout)![1]!;
    const defaults = (await tenantCli(env, 'personal-data', tenantId)).stdout;
    expect(defaults).toContain(
      'masked kinds            email, phone, card, iban, ip, national_id, name',
    );
    expect(defaults).toContain('for engines             all');

    await tenantCli(
      env,
      'personal-data',
      tenantId,
      '--kinds',
      'card,iban',
      '--engines',
      'deepl,google',
      '--translators-see-values',
      'yes',
    );
    const store = await openStore({ dataDir: env.PARLEY_DATA_DIR });
    try {
      expect(await store.personalData.get(tenantId)).toEqual({
        kinds: ['card', 'iban'],
        engines: ['deepl', 'google'],
        translatorsSeeValues: true,
      });
    } finally {
      await store.close();
    }
  });

  it('refuses a personal-data kind it does not know, naming the kinds it does', async () => {
    const env = { PARLEY_DATA_DIR: tempDir() };
    const { stdout } = await tenantCli(env, 'create', 'Hooli');
    const tenantId = /tenant {2}(\S+)/.exec(stdout)![1]!;
    const failure = await tenantCli(
      env,
      'personal-data',
      tenantId,
      '--kinds',
      'card,passport',
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain(
      '--kinds: "passport" is not one of email, phone, card',
    );
  });
});
