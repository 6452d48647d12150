/**
 * Numbered schema migrations, applied in order at start-up, each in its own transaction.
 * SQL is kept to what SQLite and PostgreSQL both accept. A migration may also fill what it created
 * from existing rows with code (`backfill`), in the same transaction.
 */
import type { Database, Queryable } from './database.js';
import { indexExistingMemory } from './memory-index.js';
import initial from './migrations/001-initial.js';
import engineSettings from './migrations/002-engine-settings.js';
import replyJobs from './migrations/003-reply-jobs.js';
import translatorOffboarding from './migrations/004-translator-offboarding.js';
import agentIdentity from './migrations/005-agent-identity.js';
import personalData from './migrations/006-personal-data.js';
import memoryIndex from './migrations/007-memory-index.js';

const migrations: readonly {
  version: number;
  name: string;
  sql: string;
  backfill?: (tx: Queryable) => Promise<void>;
}[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'engine-settings', sql: engineSettings },
  { version: 3, name: 'reply-jobs', sql: replyJobs },
  { version: 4, name: 'translator-offboarding', sql: translatorOffboarding },
  { version: 5, name: 'agent-identity', sql: agentIdentity },
  { version: 6, name: 'personal-data', sql: personalData },
  { version: 7, name: 'memory-index', sql: memoryIndex, backfill: indexExistingMemory },
];

function statements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter(Boolean);
}

export async function migrate(db: Database): Promise<number[]> {
  await db.execute(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
  );
  const applied = new Set(
    (await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) =>
      Number(row.version),
    ),
  );
  const newlyApplied: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    await db.transaction(async (tx) => {
      for (const statement of statements(migration.sql)) await tx.execute(statement);
      await migration.backfill?.(tx);
      await tx.execute(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
        [migration.version, migration.name, Date.now()],
      );
    });
    newlyApplied.push(migration.version);
  }
  return newlyApplied;
}
