// The translator accounts command line, run as an admin would run it, against a real SQLite store.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../queue/passwords.js';
import { openStore, type Store } from '../store/index.js';
import { tempDir } from '../../../tests/support/stores.js';

const run = promisify(execFile);
const script = new URL('./translator.ts', import.meta.url).pathname;

function translatorCli(env: Record<string, string>, ...args: string[]) {
  return run(process.execPath, ['--conditions=source', '--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env },
  });
}

// Each case starts the CLI through tsx, a few seconds apiece on a busy machine.
describe('translator command line', { timeout: 60_000 }, () => {
  it('sets a new password and ends the sessions signed in with the old one', async () => {
    const env = { PARLEY_DATA_DIR: tempDir() };
    const setup = await openStore({ dataDir: env.PARLEY_DATA_DIR });
    await setup.tenants.ensure('acme', 'Acme');
    await setup.close();
    await translatorCli(
      env,
      'create',
      'lucia@translators.example',
      'Lucía',
      'Ortega',
      '--tenants',
      'acme',
      '--pairs',
      'en-es',
      '--password',
      'first-password-1',
    );
    const store = await openStore({ dataDir: env.PARLEY_DATA_DIR });
    try {
      const before = await store.translators.byEmail('lucia@translators.example');
      await store.translators.createSession('digest', before!.id, 'csrf', Date.now() + 60_000);

      const { stdout } = await translatorCli(
        env,
        'password',
        'Lucia@Translators.example',
        '--password',
        'second-password-2',
      );
      expect(stdout).toContain('new password set for lucia@translators.example');
      const after = await store.translators.byEmail('lucia@translators.example');
      expect(await verifyPassword('second-password-2', after!.passwordHash)).toBe(true);
      expect(await verifyPassword('first-password-1', after!.passwordHash)).toBe(false);
      expect(await store.translators.session('digest')).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  /** A translator in two tenants and two pairs, signed in, made as `create` makes one. */
  async function signedInTranslator(store: Store) {
    await store.tenants.ensure('acme', 'Acme');
    await store.tenants.ensure('globex', 'Globex');
    const translator = await store.translators.create({
      email: 'rosa@translators.example',
      name: 'Rosa',
      passwordHash: await hashPassword('long-enough-password', { N: 2 ** 10, r: 8, p: 1 }),
    });
    await store.translators.assign(
      translator.id,
      ['acme', 'globex'],
      [
        { source: 'en', target: 'es' },
        { source: 'en', target: 'fr' },
      ],
    );
    await store.translators.createSession('digest', translator.id, 'csrf', Date.now() + 60_000);
    return translator;
  }

  it('disables a translator, ending their sessions, and enables them again', async () => {
    const env = { PARLEY_DATA_DIR: tempDir() };
    const store = await openStore({ dataDir: env.PARLEY_DATA_DIR });
    try {
      const translator = await signedInTranslator(store);
      const { stdout } = await translatorCli(env, 'disable', 'rosa@translators.example');
      expect(stdout).toContain('disabled rosa@translators.example; their sessions were ended');
      expect((await store.translators.get(translator.id))?.disabled).toBe(true);
      expect(await store.translators.session('digest')).toBeUndefined();

      await translatorCli(env, 'enable', 'rosa@translators.example');
      expect((await store.translators.get(translator.id))?.disabled).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('removes a tenant, then a pair, from a translator, ending their sessions', async () => {
    const env = { PARLEY_DATA_DIR: tempDir() };
    const store = await openStore({ dataDir: env.PARLEY_DATA_DIR });
    try {
      const translator = await signedInTranslator(store);
      const { stdout } = await translatorCli(
        env,
        'unassign',
        'rosa@translators.example',
        '--tenants',
        'globex',
      );
      expect(stdout).toContain('removed 2 assignments of rosa@translators.example');
      expect(await store.translators.session('digest')).toBeUndefined();
      expect(await store.translators.mayReview(translator.id, 'globex', 'en', 'es')).toBe(false);
      expect(await store.translators.mayReview(translator.id, 'acme', 'en', 'es')).toBe(true);

      await translatorCli(env, 'unassign', 'rosa@translators.example', '--pairs', 'en-fr');
      expect(await store.translators.assignments(translator.id)).toEqual({
        tenants: [{ id: 'acme', name: 'Acme' }],
        pairs: [{ source: 'en', target: 'es' }],
      });
    } finally {
      await store.close();
    }
  });

  // Three runs of the command line: twice the time of the cases above.
  it(
    'makes a translator the manager of a tenant, lists it, and takes the role back',
    { timeout: 120_000 },
    async () => {
      const env = { PARLEY_DATA_DIR: tempDir() };
      const store = await openStore({ dataDir: env.PARLEY_DATA_DIR });
      try {
        const translator = await signedInTranslator(store);
        const granted = await translatorCli(
          env,
          'grant-manager',
          'Rosa@Translators.example',
          '--tenants',
          'globex',
        );
        expect(granted.stdout).toContain('rosa@translators.example manages globex');
        expect(await store.managers.tenantsOf(translator.id)).toEqual([
          { id: 'globex', name: 'Globex' },
        ]);
        const listed = await translatorCli(env, 'list-assignments', 'rosa@translators.example');
        expect(listed.stdout).toContain('manages: globex (Globex)');

        const revoked = await translatorCli(
          env,
          'revoke-manager',
          'rosa@translators.example',
          '--tenants',
          'globex',
        );
        expect(revoked.stdout).toContain('removed 1 manager role of rosa@translators.example');
        expect(await store.managers.tenantsOf(translator.id)).toEqual([]);
        // Still a translator of both tenants: only the manager role went.
        expect(await store.translators.mayReview(translator.id, 'globex', 'en', 'es')).toBe(true);
      } finally {
        await store.close();
      }
    },
  );

  it('says who it cannot find, with exit status 2', async () => {
    const failure = await translatorCli(
      { PARLEY_DATA_DIR: tempDir() },
      'password',
      'nobody@translators.example',
      '--password',
      'long-enough-password',
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('no translator with email');
  });
});
