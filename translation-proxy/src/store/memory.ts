/**
 * Translation memory: exact matches of masked segments per tenant and language pair. Human
 * (approved) entries outrank machine ones: a machine result never overwrites a human one.
 */
import { createHash } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { chunks } from './chunks.js';
import type { Database } from './database.js';
import { indexMemory } from './memory-index.js';

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

/** The lookup key of a segment; formality is part of it because it changes the translation. */
export const memoryKey = (source: string, formality = 'default'): string =>
  createHash('sha256').update(`${formality}\u0000${source}`).digest('base64url');

export function memoryRepository(db: Database) {
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

    async save(
      tenantId: string,
      sourceLang: string,
      targetLang: string,
      entries: readonly MemoryEntry[],
      formality?: string,
    ): Promise<void> {
      // PostgreSQL refuses to upsert one row twice in a statement: the last entry for a key wins.
      const unique = [...new Map(entries.map((entry) => [entry.source, entry])).values()];
      if (unique.length === 0) return;
      const now = Date.now();
      // Multi-row statements: one round trip per chunk on PostgreSQL. SQLite runs each chunk
      // synchronously, so other requests get the event loop between chunks. Each chunk enters the
      // fuzzy-match index in the same transaction: the index never misses a stored segment.
      for (const [index, chunk] of chunks(unique).entries()) {
        if (index > 0) await setImmediate();
        const rows = chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
        await db.transaction(async (tx) => {
          await tx.execute(
            `INSERT INTO translation_memory
             (tenant_id, source_lang, target_lang, source_key, source_text, target_text, origin, engine, created_at, updated_at)
           VALUES ${rows}
           ON CONFLICT (tenant_id, source_lang, target_lang, source_key) DO UPDATE
             SET target_text = excluded.target_text, origin = excluded.origin,
                 engine = excluded.engine, updated_at = excluded.updated_at
             WHERE excluded.origin = 'human' OR translation_memory.origin = 'machine'`,
            chunk.flatMap((entry) => [
              tenantId,
              sourceLang,
              targetLang,
              memoryKey(entry.source, formality),
              entry.source,
              entry.target,
              entry.origin,
              entry.engine,
              now,
              now,
            ]),
          );
          await indexMemory(
            tx,
            tenantId,
            sourceLang,
            targetLang,
            chunk.map((entry) => ({
              sourceKey: memoryKey(entry.source, formality),
              source: entry.source,
            })),
          );
        });
      }
    },

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
