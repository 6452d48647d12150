/**
 * Fresh, isolated stores for tests: a new SQLite file in a temp folder, or a new database in the
 * run's PostgreSQL cluster. Suites that must hold for both iterate over `storeBackends`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { StoreLocation } from '@parley/translation-proxy/store/index';

export const tempDir = (prefix = 'parley-test-'): string => mkdtempSync(join(tmpdir(), prefix));

export async function freshPostgresUrl(): Promise<string> {
  const clusterUrl = inject('postgresUrl');
  const name = `parley_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface StoreBackend {
  name: 'sqlite' | 'postgres';
  location(): Promise<StoreLocation>;
}

export const storeBackends: StoreBackend[] = [
  { name: 'sqlite', location: async () => ({ dataDir: tempDir() }) },
  {
    name: 'postgres',
    location: async () => ({ dataDir: tempDir(), databaseUrl: await freshPostgresUrl() }),
  },
];
