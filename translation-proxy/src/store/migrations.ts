/**
 * Numbered schema migrations, applied in order at start-up, each in its own transaction.
 * SQL is kept to what SQLite and PostgreSQL both accept. A migration may also fill what it created
 * from existing rows with code (`backfill`), in the same transaction. One that only one database
 * needs (`only`) is recorded as applied on the other too, so that versions mean the same on both.
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
import editorContextDrafts from './migrations/008-editor-context-drafts.js';
import managers from './migrations/009-managers.js';
import rateLimitWindows from './migrations/010-rate-limit-windows.js';
import memoryTermFrequencies from './migrations/011-memory-term-frequencies.js';
import memoryUnknownWords from './migrations/012-memory-unknown-words.js';
import memoryTermFrequenciesPostgresOnly from './migrations/013-memory-term-frequencies-postgres-only.js';
import memoryUnitIdsSqlite from './migrations/014-memory-unit-ids-sqlite.js';
import memoryUnitIdsPostgres from './migrations/015-memory-unit-ids-postgres.js';

const migrations: readonly {
  version: number;
  name: string;
  sql: string;
  backfill?: (tx: Queryable) => Promise<void>;
  only?: Queryable['dialect'];
}[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'engine-settings', sql: engineSettings },
  { version: 3, name: 'reply-jobs', sql: replyJobs },
  { version: 4, name: 'translator-offboarding', sql: translatorOffboarding },
  { version: 5, name: 'agent-identity', sql: agentIdentity },
  { version: 6, name: 'personal-data', sql: personalData },
  // Its table is rebuilt, and filled from the stored units, by migration 14 or 15.
  { version: 7, name: 'memory-index', sql: memoryIndex },
  { version: 8, name: 'editor-context-drafts', sql: editorContextDrafts },
  { version: 9, name: 'managers', sql: managers },
  { version: 10, name: 'rate-limit-windows', sql: rateLimitWindows },
  { version: 11, name: 'memory-term-frequencies', sql: memoryTermFrequencies },
  { version: 12, name: 'memory-unknown-words', sql: memoryUnknownWords },
  {
    version: 13,
    name: 'memory-term-frequencies-postgres-only',
    sql: memoryTermFrequenciesPostgresOnly,
    only: 'sqlite',
  },
  {
    version: 14,
    name: 'memory-unit-ids-sqlite',
    sql: memoryUnitIdsSqlite,
    backfill: indexExistingMemory,
    only: 'sqlite',
  },
  {
    version: 15,
    name: 'memory-unit-ids-postgres',
    sql: memoryUnitIdsPostgres,
    backfill: indexExistingMemory,
    only: 'postgres',
  },
];

function statements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter(Boolean);
}

/** Any fixed number: the PostgreSQL advisory lock that proxies starting together migrate under. */
const MIGRATION_LOCK = 7_022_135_011;

/**
 * Runs `work` in a transaction that, on PostgreSQL, first waits for every other proxy's migration
 * transaction to end, so that proxies started together on one database never apply the same
 * migration twice (the second would fail on a table that already exists).
 */
function migrationTransaction<T>(db: Database, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    if (tx.dialect === 'postgres')
      await tx.query('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    return work(tx);
  });
}

/** Applies the migrations not applied yet, up to `through` (all by default); returns their versions. */
export async function migrate(
  db: Database,
  { through = Infinity }: { through?: number } = {},
): Promise<number[]> {
  await migrationTransaction(db, (tx) =>
    tx.execute(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
    ),
  );
  const newlyApplied: number[] = [];
  for (const migration of migrations.filter(({ version }) => version <= through)) {
    const applied = await migrationTransaction(db, async (tx) => {
      // Read under the lock: another proxy may have applied it since this one started.
      const [done] = await tx.query('SELECT version FROM schema_migrations WHERE version = ?', [
        migration.version,
      ]);
      if (done) return false;
      if (!migration.only || migration.only === tx.dialect) {
        for (const statement of statements(migration.sql)) await tx.execute(statement);
        await migration.backfill?.(tx);
      }
      await tx.execute(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
        [migration.version, migration.name, Date.now()],
      );
      return true;
    });
    if (applied) newlyApplied.push(migration.version);
  }
  return newlyApplied;
}
