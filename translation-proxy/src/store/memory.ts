/**
 * Translation memory: exact matches of masked segments per tenant and language pair. Human
 * (approved) entries outrank machine ones: a machine result never overwrites a human one.
 */
import { createHash } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import type { Queryable, SqlValue } from './database.js';

export type MemoryOrigin = 'machine' | 'human';

export interface MemoryMatch {
  target: string;
  origin: MemoryOrigin;
  engine: string | null;
}

export interface MemoryEntry {
  /** The masked source segment. */
  source: string;
  /** The masked target segment. */
  target: string;
  origin: MemoryOrigin;
  engine: string | null;
}

/** An entry with where it belongs, so that writes of several requests go in one statement. */
export interface MemoryWrite extends MemoryEntry {
  tenantId: string;
  sourceLang: string;
  targetLang: string;
  formality?: string;
}

/**
 * Rows per statement: SQLite binds at most 32,766 parameters and PostgreSQL 65,535, and one
 * request can bring thousands of sentences (500 segments of many sentences each).
 */
const ROWS_PER_STATEMENT = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += ROWS_PER_STATEMENT)
    result.push(items.slice(start, start + ROWS_PER_STATEMENT));
  return result;
}

/** The lookup key of a segment; formality is part of it because it changes the translation. */
export const memoryKey = (source: string, formality = 'default'): string =>
  createHash('sha256').update(`${formality}\u0000${source}`).digest('base64url');

export function memoryRepository(db: Queryable) {
  /** Stores entries of any tenants and pairs, a chunk of them per statement. */
  async function saveAll(writes: readonly MemoryWrite[]): Promise<void> {
    // PostgreSQL refuses to upsert one row twice in a statement: the last entry for a key wins.
    const rows = new Map<string, SqlValue[]>();
    const now = Date.now();
    for (const write of writes) {
      const key = memoryKey(write.source, write.formality);
      rows.set(`${write.tenantId}\u0000${write.sourceLang}\u0000${write.targetLang}\u0000${key}`, [
        write.tenantId,
        write.sourceLang,
        write.targetLang,
        key,
        write.source,
        write.target,
        write.origin,
        write.engine,
        now,
        now,
      ]);
    }
    // Multi-row statements: one round trip per chunk on PostgreSQL. SQLite runs each chunk
    // synchronously, so other requests get the event loop between chunks.
    for (const [index, chunk] of chunks([...rows.values()]).entries()) {
      if (index > 0) await setImmediate();
      const values = chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
      await db.execute(
        `INSERT INTO translation_memory
           (tenant_id, source_lang, target_lang, source_key, source_text, target_text, origin, engine, created_at, updated_at)
         VALUES ${values}
         ON CONFLICT (tenant_id, source_lang, target_lang, source_key) DO UPDATE
           SET target_text = excluded.target_text, origin = excluded.origin,
               engine = excluded.engine, updated_at = excluded.updated_at
           WHERE excluded.origin = 'human' OR translation_memory.origin = 'machine'`,
        chunk.flat(),
      );
    }
  }

  return {
    /** Matches for the given segments, keyed by their source text. */
    async lookup(
      tenantId: string,
      sourceLang: string,
      targetLang: string,
      sources: readonly string[],
      formality?: string,
    ): Promise<Map<string, MemoryMatch>> {
      const matches = new Map<string, MemoryMatch>();
      if (sources.length === 0) return matches;
      const bySourceKey = new Map(sources.map((source) => [memoryKey(source, formality), source]));
      // SQLite runs each chunk synchronously: other requests get the event loop between chunks.
      for (const [index, keys] of chunks([...bySourceKey.keys()]).entries()) {
        if (index > 0) await setImmediate();
        const rows = await db.query<{
          source_key: string;
          target_text: string;
          origin: MemoryOrigin;
          engine: string | null;
        }>(
          `SELECT source_key, target_text, origin, engine FROM translation_memory
           WHERE tenant_id = ? AND source_lang = ? AND target_lang = ? AND source_key IN (${keys.map(() => '?').join(', ')})`,
          [tenantId, sourceLang, targetLang, ...keys],
        );
        for (const row of rows) {
          const source = bySourceKey.get(row.source_key);
          if (source !== undefined)
            matches.set(source, {
              target: row.target_text,
              origin: row.origin,
              engine: row.engine,
            });
        }
      }
      return matches;
    },

    save(
      tenantId: string,
      sourceLang: string,
      targetLang: string,
      entries: readonly MemoryEntry[],
      formality?: string,
    ): Promise<void> {
      return saveAll(
        entries.map((entry) => ({
          ...entry,
          tenantId,
          sourceLang,
          targetLang,
          ...(formality === undefined ? {} : { formality }),
        })),
      );
    },

    saveAll,

    async count(tenantId: string): Promise<number> {
      const [row] = await db.query<{ n: number }>(
        'SELECT COUNT(*) AS n FROM translation_memory WHERE tenant_id = ?',
        [tenantId],
      );
      return Number(row?.n ?? 0);
    },
  };
}

export type MemoryRepository = ReturnType<typeof memoryRepository>;
