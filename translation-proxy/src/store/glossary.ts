/**
 * Tenant glossaries: do-not-translate terms (no target) and forced term translations, per source
 * language and either one target language or every target (`*`).
 */
import { randomUUID } from 'node:crypto';
import type { GlossaryTerm } from '@parley/shared/pipeline/index';
import type { Queryable } from './database.js';
import { tenantCache } from './tenant-cache.js';

export interface GlossaryEntry {
  id: string;
  sourceLang: string;
  targetLang: string;
  source: string;
  target: string | null;
  caseSensitive: boolean;
}

interface GlossaryRow {
  id: string;
  source_lang: string;
  target_lang: string;
  source_term: string;
  target_term: string | null;
  case_sensitive: number;
}

const fromRow = (row: GlossaryRow): GlossaryEntry => ({
  id: row.id,
  sourceLang: row.source_lang,
  targetLang: row.target_lang,
  source: row.source_term,
  target: row.target_term,
  caseSensitive: Boolean(row.case_sensitive),
});

export const ANY_TARGET = '*';

/** A stored entry as the text pipeline takes it. */
export const toPipelineTerm = (entry: GlossaryEntry): GlossaryTerm => ({
  source: entry.source,
  ...(entry.target === null ? {} : { target: entry.target }),
  caseSensitive: entry.caseSensitive,
});

export function glossaryRepository(db: Queryable) {
  // Read on every translation; see tenant-cache.ts for how long another writer's change takes.
  const byPair = tenantCache<readonly GlossaryEntry[]>();

  return {
    async upsert(
      tenantId: string,
      term: Omit<GlossaryEntry, 'id' | 'caseSensitive'> & { caseSensitive?: boolean },
    ): Promise<GlossaryEntry> {
      const id = randomUUID();
      await db.execute(
        `INSERT INTO glossary_terms (id, tenant_id, source_lang, target_lang, source_term, target_term, case_sensitive, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, source_lang, target_lang, source_term) DO UPDATE
           SET target_term = excluded.target_term, case_sensitive = excluded.case_sensitive`,
        [
          id,
          tenantId,
          term.sourceLang,
          term.targetLang,
          term.source,
          term.target,
          term.caseSensitive ? 1 : 0,
          Date.now(),
        ],
      );
      const [row] = await db.query<GlossaryRow>(
        'SELECT * FROM glossary_terms WHERE tenant_id = ? AND source_lang = ? AND target_lang = ? AND source_term = ?',
        [tenantId, term.sourceLang, term.targetLang, term.source],
      );
      byPair.invalidate(tenantId);
      if (!row) throw new Error('glossary term vanished after upsert');
      return fromRow(row);
    },

    /** Terms that apply to a translation from `sourceLang` into `targetLang`. */
    forPair(
      tenantId: string,
      sourceLang: string,
      targetLang: string,
    ): Promise<readonly GlossaryEntry[]> {
      return byPair.get(tenantId, `${sourceLang}\u0000${targetLang}`, async () => {
        const rows = await db.query<GlossaryRow>(
          `SELECT * FROM glossary_terms WHERE tenant_id = ? AND source_lang = ? AND target_lang IN (?, ?)
           ORDER BY source_term`,
          [tenantId, sourceLang, targetLang, ANY_TARGET],
        );
        return rows.map(fromRow);
      });
    },

    async list(tenantId: string): Promise<GlossaryEntry[]> {
      const rows = await db.query<GlossaryRow>(
        'SELECT * FROM glossary_terms WHERE tenant_id = ? ORDER BY source_lang, target_lang, source_term',
        [tenantId],
      );
      return rows.map(fromRow);
    },

    async remove(tenantId: string, id: string): Promise<boolean> {
      const removed = await db.execute(
        'DELETE FROM glossary_terms WHERE tenant_id = ? AND id = ?',
        [tenantId, id],
      );
      byPair.invalidate(tenantId);
      return removed > 0;
    },
  };
}

export type GlossaryRepository = ReturnType<typeof glossaryRepository>;
