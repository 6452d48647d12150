// The SQLite store's files on disk: readable by the owner only.
import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/stores.js';
import { openStore, sqliteFile } from './index.js';

const permissions = (path: string) => statSync(path).mode & 0o777;

describe('the SQLite store on disk', () => {
  it('creates its folder, database and WAL files for the owner only', async () => {
    const dataDir = join(tempDir(), 'data', 'nested');
    const store = await openStore({ dataDir });
    try {
      await store.tenants.ensure('acme', 'Acme');
      expect(permissions(join(dataDir, '..'))).toBe(0o700);
      expect(permissions(dataDir)).toBe(0o700);
      for (const file of ['', '-wal', '-shm'])
        expect(permissions(sqliteFile(dataDir) + file), file).toBe(0o600);
    } finally {
      await store.close();
    }
  });

  it('takes group and other permissions away from a database file made before', async () => {
    const dataDir = tempDir();
    writeFileSync(sqliteFile(dataDir), '');
    chmodSync(sqliteFile(dataDir), 0o644);
    const store = await openStore({ dataDir });
    await store.close();
    expect(permissions(sqliteFile(dataDir))).toBe(0o600);
  });
});
