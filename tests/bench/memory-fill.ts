/**
 * The benchmark's fill of a tenant's memory: the rows the memory's write path (`memory.save`)
 * stores — each unit under its `memoryKey`, and its index rows from `memoryTermRows` — inserted
 * thousands at a time, each statement's rows passed as one JSON array. The write path's
 * transactions of at most 500 units take minutes for 100k units (1.7M index rows); this takes a
 * fraction of that, so that the benchmark measures lookups rather than waits for its fill.
 */
import { chunks } from '@parley/translation-proxy/store/chunks';
import type { Database } from '@parley/translation-proxy/store/database';
import { jsonRows } from '@parley/translation-proxy/store/json-rows';
import { memoryKey, type MemoryEntry } from '@parley/translation-proxy/store/memory';
import { memoryTermRows } from '@parley/translation-proxy/store/memory-index';

/** Rows per statement: large enough that a statement's overhead stops mattering. */
const ROWS_PER_STATEMENT = 20_000;

/** SQLite's page cache during the fill, in KiB (negative, as SQLite takes a size in KiB). */
const FILL_CACHE_KIB = -1_048_576;

/**
 * Runs `work` with SQLite's page cache large enough for the memory's indexes, then restores it:
 * inserting in key order that is random, at the default 2 MB, reads pages back from the file at
 * every row. The stored rows are the same; lookups are measured at the default again.
 */
async function withLargeCache<T>(db: Database, work: () => Promise<T>): Promise<T> {
  if (db.dialect !== 'sqlite') return work();
  const [setting] = await db.query<{ cache_size: number }>('PRAGMA cache_size');
  await db.execute(`PRAGMA cache_size = ${FILL_CACHE_KIB}`);
  try {
    return await work();
  } finally {
    await db.execute(`PRAGMA cache_size = ${setting?.cache_size ?? -2000}`);
  }
}

/**
 * Stores `entries` in one transaction. Their sources must be distinct: the write path would upsert
 * a repeated one, which this fill does not imitate.
 */
export async function bulkFillMemory(
  db: Database,
  tenantId: string,
  sourceLang: string,
  targetLang: string,
  entries: readonly MemoryEntry[],
): Promise<void> {
  const units = entries.map((entry) => ({ ...entry, sourceKey: memoryKey(entry.source) }));
  if (new Set(units.map((unit) => unit.sourceKey)).size !== units.length)
    throw new Error('bulkFillMemory: the sources must be distinct');
  const now = Date.now();
  await withLargeCache(db, () =>
    db.transaction(async (tx) => {
      for (const slice of chunks(units, ROWS_PER_STATEMENT)) {
        const stored = await tx.query<{ id: number; source_key: string }>(
          `INSERT INTO translation_memory
           (tenant_id, source_lang, target_lang, source_key, source_text, target_text, origin, engine, created_at, updated_at)
         SELECT ?, ?, ?, value->>'sourceKey', value->>'source', value->>'target', value->>'origin',
           value->>'engine', CAST(value->>'createdAt' AS BIGINT), CAST(value->>'changedAt' AS BIGINT)
         FROM ${jsonRows(tx)}
         RETURNING id, source_key`,
          [
            tenantId,
            sourceLang,
            targetLang,
            JSON.stringify(
              slice.map((unit) => ({
                sourceKey: unit.sourceKey,
                source: unit.source,
                target: unit.target,
                origin: unit.origin,
                engine: unit.engine,
                createdAt: unit.createdAt ?? now,
                changedAt: unit.changedAt ?? now,
              })),
            ),
          ],
        );
        const sources = new Map(slice.map((unit) => [unit.sourceKey, unit.source]));
        const indexed = stored.map((row) => ({
          unitId: row.id,
          source: sources.get(row.source_key)!,
        }));
        for (const rows of chunks(memoryTermRows(indexed), ROWS_PER_STATEMENT))
          await tx.execute(
            `INSERT INTO memory_terms (tenant_id, source_lang, target_lang, term, length, unit_id)
           SELECT ?, ?, ?, value->>'term', CAST(value->>'length' AS INTEGER), CAST(value->>'unitId' AS BIGINT)
           FROM ${jsonRows(tx)}`,
            [tenantId, sourceLang, targetLang, JSON.stringify(rows)],
          );
      }
    }),
  );
}
