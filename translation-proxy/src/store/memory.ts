/**
 * Translation memory: exact matches of masked segments per tenant and language pair. Human
 * (approved) entries outrank machine ones: a machine result never overwrites a human one.
 */
import { createHash } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import type { TextSpan } from '@parley/shared/pipeline/unknown-words';
import { chunks } from './chunks.js';
import type { Database } from './database.js';
import { indexedUnit, indexMemory, type UnitRow } from './memory-index.js';

export type MemoryOrigin = 'machine' | 'human';

export interface MemoryMatch {
  target: string;
  origin: MemoryOrigin;
  engine: string | null;
  /** Words of a machine translation the engine did not know, as offsets into `target`. */
  unknown: readonly TextSpan[];
}

export interface MemoryEntry {
  /** The masked source segment. */
  source: string;
  /** The masked target segment. */
  target: string;
  origin: MemoryOrigin;
  engine: string | null;
  /** Words of a machine translation the engine did not know, as offsets into `target`. */
  unknown?: readonly TextSpan[];
  /** When the unit was created, in ms since the epoch; an import brings it, otherwise now. */
  createdAt?: number;
  /** When the unit last changed; an import brings it, otherwise now. */
  changedAt?: number;
}

/** A stored unit as an export reads it, with what identifies its row. */
export interface StoredMemoryUnit {
  sourceLang: string;
  targetLang: string;
  sourceKey: string;
  source: string;
  target: string;
  origin: MemoryOrigin;
  engine: string | null;
  createdAt: number;
  changedAt: number;
}

/** Where a page of stored units ends; the next page starts after it. */
export type MemoryCursor = Pick<StoredMemoryUnit, 'sourceLang' | 'targetLang' | 'sourceKey'>;

/** An entry with where it belongs, so that writes of several requests go in one statement. */
export interface MemoryWrite extends MemoryEntry {
  tenantId: string;
  sourceLang: string;
  targetLang: string;
  formality?: string;
}

/** The lookup key of a segment; formality is part of it because it changes the translation. */
export const memoryKey = (source: string, formality = 'default'): string =>
  createHash('sha256').update(`${formality}\u0000${source}`).digest('base64url');

/** A human translation has no unknown words, whatever the machine one it replaces had. */
function storedSpans(entry: MemoryEntry): string | null {
  return entry.origin === 'machine' && entry.unknown?.length ? JSON.stringify(entry.unknown) : null;
}

const NO_SPANS: readonly TextSpan[] = [];

/** The stored spans: written only by `storedSpans`, so read as written. */
const spansIn = (stored: string | null): readonly TextSpan[] =>
  stored === null ? NO_SPANS : (JSON.parse(stored) as TextSpan[]);

/** A unit's key with its tenant and language pair: what identifies its row. */
const scopedKey = (tenantId: string, sourceLang: string, targetLang: string, key: string) =>
  `${tenantId}\u0000${sourceLang}\u0000${targetLang}\u0000${key}`;

export function memoryRepository(db: Database) {
  /**
   * Stores entries of any tenants and pairs, a chunk of them per statement. Each chunk enters the
   * fuzzy-match index in the same transaction: the index never misses a stored segment.
   */
  async function saveAll(writes: readonly MemoryWrite[]): Promise<void> {
    // PostgreSQL refuses to upsert one row twice in a statement: the last entry for a key wins.
    const unique = new Map<string, { write: MemoryWrite; key: string }>();
    for (const write of writes) {
      const key = memoryKey(write.source, write.formality);
      unique.set(scopedKey(write.tenantId, write.sourceLang, write.targetLang, key), {
        write,
        key,
      });
    }
    const now = Date.now();
    // Multi-row statements: one round trip per chunk on PostgreSQL. SQLite runs each chunk
    // synchronously, so other requests get the event loop between chunks.
    for (const [index, chunk] of chunks([...unique.values()]).entries()) {
      if (index > 0) await setImmediate();
      const values = chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
      await db.transaction(async (tx) => {
        const stored = await tx.query<UnitRow & { source_key: string }>(
          `INSERT INTO translation_memory
             (tenant_id, source_lang, target_lang, source_key, source_text, target_text, origin, engine, unknown_spans, created_at, updated_at)
           VALUES ${values}
           ON CONFLICT (tenant_id, source_lang, target_lang, source_key) DO UPDATE
             SET target_text = excluded.target_text, origin = excluded.origin,
                 engine = excluded.engine, unknown_spans = excluded.unknown_spans,
                 updated_at = excluded.updated_at
             WHERE excluded.origin = 'human' OR translation_memory.origin = 'machine'
           RETURNING id, tenant_id, source_lang, target_lang, source_key`,
          chunk.flatMap(({ write, key }) => [
            write.tenantId,
            write.sourceLang,
            write.targetLang,
            key,
            write.source,
            write.target,
            write.origin,
            write.engine,
            storedSpans(write),
            write.createdAt ?? now,
            write.changedAt ?? now,
          ]),
        );
        // Units kept as they were (a human translation the machine one does not replace) are
        // indexed already.
        await indexMemory(
          tx,
          stored.map((row) =>
            indexedUnit(
              row,
              unique.get(
                scopedKey(row.tenant_id, row.source_lang, row.target_lang, row.source_key),
              )!.write.source,
            ),
          ),
        );
      });
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
          unknown_spans: string | null;
        }>(
          `SELECT source_key, target_text, origin, engine, unknown_spans FROM translation_memory
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
              unknown: spansIn(row.unknown_spans),
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

    /**
     * Stored units in key order, `limit` at a time after `after`, optionally of one source and
     * one target language: a keyset walk over the primary key, so each page costs the same.
     */
    async page(
      tenantId: string,
      filter: { sourceLang?: string | undefined; targetLang?: string | undefined },
      after: MemoryCursor | undefined,
      limit: number,
    ): Promise<StoredMemoryUnit[]> {
      const conditions = ['tenant_id = ?'];
      const params: (string | number)[] = [tenantId];
      if (filter.sourceLang !== undefined) {
        conditions.push('source_lang = ?');
        params.push(filter.sourceLang);
      }
      if (filter.targetLang !== undefined) {
        conditions.push('target_lang = ?');
        params.push(filter.targetLang);
      }
      if (after) {
        conditions.push('(source_lang, target_lang, source_key) > (?, ?, ?)');
        params.push(after.sourceLang, after.targetLang, after.sourceKey);
      }
      const rows = await db.query<{
        source_lang: string;
        target_lang: string;
        source_key: string;
        source_text: string;
        target_text: string;
        origin: MemoryOrigin;
        engine: string | null;
        created_at: number | string;
        updated_at: number | string;
      }>(
        `SELECT source_lang, target_lang, source_key, source_text, target_text, origin, engine, created_at, updated_at
         FROM translation_memory WHERE ${conditions.join(' AND ')}
         ORDER BY source_lang, target_lang, source_key LIMIT ?`,
        [...params, limit],
      );
      return rows.map((row) => ({
        sourceLang: row.source_lang,
        targetLang: row.target_lang,
        sourceKey: row.source_key,
        source: row.source_text,
        target: row.target_text,
        origin: row.origin,
        engine: row.engine,
        // PostgreSQL returns BIGINT as a string.
        createdAt: Number(row.created_at),
        changedAt: Number(row.updated_at),
      }));
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
