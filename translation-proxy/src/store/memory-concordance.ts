/**
 * Concordance search in the translation memory: stored segments whose source or target contains a
 * word or phrase, as translators look up how something was translated before. The phrase is
 * compared with the stored (masked, XML-escaped) text as written there, case-insensitively
 * (PostgreSQL: any script; SQLite: ASCII letters), and with `%`, `_` and `\` taken literally.
 * Each stored text is read once per character of the phrase at most (a phrase is at most 200).
 */
import { escapeXmlText } from '@parley/shared/pipeline/escape';
import type { Queryable } from './database.js';
import type { MemoryOrigin } from './memory.js';

export interface ConcordanceHit {
  source: string;
  target: string;
  origin: MemoryOrigin;
}

/** The LIKE pattern of text containing the phrase, wildcards in it escaped with `\`. */
const containing = (phrase: string): string =>
  `%${escapeXmlText(phrase).replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

export function memoryConcordanceRepository(db: Queryable) {
  return {
    /** Up to `limit` segments of the pair containing the phrase, human translations first. */
    async search(
      tenantId: string,
      sourceLang: string,
      targetLang: string,
      phrase: string,
      limit: number,
    ): Promise<ConcordanceHit[]> {
      const like = db.dialect === 'postgres' ? 'ILIKE' : 'LIKE';
      const pattern = containing(phrase);
      const rows = await db.query<{
        source_text: string;
        target_text: string;
        origin: MemoryOrigin;
      }>(
        `SELECT source_text, target_text, origin FROM translation_memory
         WHERE tenant_id = ? AND source_lang = ? AND target_lang = ?
           AND (source_text ${like} ? ESCAPE '\\' OR target_text ${like} ? ESCAPE '\\')
         ORDER BY CASE WHEN origin = 'human' THEN 0 ELSE 1 END, updated_at DESC
         LIMIT ${Math.floor(limit)}`,
        [tenantId, sourceLang, targetLang, pattern, pattern],
      );
      return rows.map((row) => ({
        source: row.source_text,
        target: row.target_text,
        origin: row.origin,
      }));
    },
  };
}
