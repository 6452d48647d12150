/**
 * SQLite connection (better-sqlite3), the embedded default. better-sqlite3 is synchronous, so a
 * transaction whose work awaits must not interleave with other statements on the same
 * connection: a single lock serialises transactions and any statement issued while one is open.
 * The file holds key digests, sessions and sealed secrets: it, and a folder made for it, are the
 * owner's only.
 */
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database, Queryable, SqlValue } from './database.js';

export function openSqlite(file: string): Database {
  if (file !== ':memory:') {
    // An existing folder is left as it is: it may be shared (PARLEY_DATA_DIR=/srv), the file is not.
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const existing = statSync(file, { throwIfNoEntry: false });
    // SQLite gives its -wal and -shm files the database file's permissions.
    if (!existing) closeSync(openSync(file, 'a', 0o600));
    else if (existing.mode & 0o077) chmodSync(file, 0o600);
  }
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string): BetterSqlite3.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const direct: Queryable = {
    dialect: 'sqlite',
    async query<T extends object>(sql: string, params: readonly SqlValue[] = []) {
      const statement = prepare(sql);
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    },
    async execute(sql, params = []) {
      return prepare(sql).run(...params).changes;
    },
  };

  let lock: Promise<unknown> = Promise.resolve();
  let inTransaction = false;
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const result = lock.then(work, work);
    lock = result.catch(() => undefined);
    return result;
  };

  return {
    dialect: 'sqlite',
    query: (sql, params) =>
      inTransaction ? serialised(() => direct.query(sql, params)) : direct.query(sql, params),
    execute: (sql, params) =>
      inTransaction ? serialised(() => direct.execute(sql, params)) : direct.execute(sql, params),
    transaction(work) {
      return serialised(async () => {
        inTransaction = true;
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        } finally {
          inTransaction = false;
        }
      });
    },
    async close() {
      await lock;
      db.close();
    },
  };
}
