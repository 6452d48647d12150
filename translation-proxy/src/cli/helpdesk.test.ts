// The helpdesk command line's identity settings, run as an admin would run it, against SQLite.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../secrets.js';
import { openStore } from '../store/index.js';
import { tempDir } from '../../../tests/support/stores.js';

const run = promisify(execFile);
const script = new URL('./helpdesk.ts', import.meta.url).pathname;

function helpdeskCli(env: Record<string, string>, ...args: string[]) {
  return run(process.execPath, ['--conditions=source', '--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env },
  });
}

async function tenantIn(dataDir: string) {
  const store = await openStore({ dataDir });
  try {
    return (await store.tenants.create({ name: 'Acme' })).id;
  } finally {
    await store.close();
  }
}

// Each case starts the CLI through tsx, a few seconds apiece on a busy machine.
describe('helpdesk identity command line', { timeout: 60_000 }, () => {
  it('seals the Zendesk shared secret, sets the unsigned policy and never prints the secret', async () => {
    const key = randomBytes(32);
    const env = { PARLEY_DATA_DIR: tempDir(), PARLEY_SECRET_KEY: key.toString('hex') };
    const tenantId = await tenantIn(env.PARLEY_DATA_DIR);
    const secret = randomBytes(32).toString('hex');
    const file = `${env.PARLEY_DATA_DIR}/zendesk-secret.txt`;
    writeFileSync(file, `${secret}\n`);
    const { stdout } = await helpdeskCli(
      env,
      'identity',
      tenantId,
      '--zendesk-secret',
      file,
      '--unsigned',
      'verify',
    );
    expect(JSON.parse(stdout)).toEqual({ unsigned: 'verify', zendeskSecret: '[set]' });
    expect(stdout).not.toContain(secret);
    const shown = await helpdeskCli(env, 'show', tenantId);
    expect(shown.stdout).toContain('{"unsigned":"verify","zendeskSecret":"[set]"}');
    expect(shown.stdout).not.toContain(secret);
    const store = await openStore({ dataDir: env.PARLEY_DATA_DIR });
    try {
      const settings = await store.identity.get(tenantId);
      expect(settings.zendeskSecret).not.toContain(secret);
      expect(createSecretBox(key).open(settings.zendeskSecret!)).toBe(secret);
    } finally {
      await store.close();
    }
  });

  it('refuses a secret short enough to guess, and an unknown policy, with exit status 2', async () => {
    const env = { PARLEY_DATA_DIR: tempDir(), PARLEY_SECRET_KEY: randomBytes(32).toString('hex') };
    const tenantId = await tenantIn(env.PARLEY_DATA_DIR);
    const file = `${env.PARLEY_DATA_DIR}/short.txt`;
    writeFileSync(file, 'hunter2');
    const short = await helpdeskCli(env, 'identity', tenantId, '--zendesk-secret', file).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(short).toMatchObject({ code: 2 });
    expect((short as { stderr: string }).stderr).toContain('at least 32 characters');
    const trust = await helpdeskCli(env, 'identity', tenantId, '--unsigned', 'trust').catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(trust).toMatchObject({ code: 2 });
    expect((trust as { stderr: string }).stderr).toContain('--unsigned must be refuse or verify');
  });
});
