/**
 * The fuzzy-match index of the translation memory: for each stored segment, the words of its
 * normalised source (`fuzzy-text.ts`) with the segment's normalised length, one row per word in
 * `memory_terms`. The same table on SQLite and PostgreSQL, so both stores find the same matches.
 *
 * A lookup reads only a bounded slice of the index, whatever the memory's size: the query's rarest
 * words (counted among segments of a matchable length, up to a cap), at most `POSTINGS_PER_TERM`
 * segments for each; the segments sharing the most weight of rare words are then scored by edit
 * distance. The memory's write path (`memory.ts`) indexes every segment it saves in the same
 * transaction, deletions cascade from `translation_memory`, and migration 7 indexes the segments
 * stored before the index existed.
 */
import { setImmediate } from 'node:timers/promises';
import { chunks } from './chunks.js';
import type { Queryable } from './database.js';
import { fuzzyLength, fuzzyTerms, fuzzyText, matchableLengths, matchScore } from './fuzzy-text.js';
import type { MemoryOrigin } from './memory.js';

export interface FuzzyMatch {
  /** The stored masked source. */
  source: string;
  /** Its masked target. */
  target: string;
  /** Percent, `MIN_MATCH_SCORE`–100; 100 only for the very same masked source. */
  score: number;
  origin: MemoryOrigin;
}

/** Matches shown per segment: what a translator can weigh at a glance (and Ctrl+1…3 insert). */
export const MATCHES_PER_SEGMENT = 3;
/** The rarest words of the query that are looked up; further ones rarely change the candidates. */
const QUERY_TERMS = 6;
/** Segments read per looked-up word: a word this common cannot tell candidates apart anyway. */
const POSTINGS_PER_TERM = 1000;
/** Candidates scored by edit distance, the best by shared rare words. */
const CANDIDATES = 24;

interface IndexedUnit {
  sourceKey: string;
  /** The masked source. */
  source: string;
}

/** Files the given segments of one tenant and language pair in the index (again: no change). */
export async function indexMemory(
  db: Queryable,
  tenantId: string,
  sourceLang: string,
  targetLang: string,
  units: readonly IndexedUnit[],
): Promise<void> {
  const rows = units.flatMap((unit) => {
    const text = fuzzyText(unit.source);
    const length = fuzzyLength(text);
    return fuzzyTerms(text).map((term) => [term, length, unit.sourceKey] as const);
  });
  for (const chunk of chunks(rows))
    await db.execute(
      `INSERT INTO memory_terms (tenant_id, source_lang, target_lang, term, length, source_key)
       VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT DO NOTHING`,
      chunk.flatMap(([term, length, sourceKey]) => [
        tenantId,
        sourceLang,
        targetLang,
        term,
        length,
        sourceKey,
      ]),
    );
}

/** Indexes every stored segment, a page at a time (migration 7). */
export async function indexExistingMemory(db: Queryable): Promise<void> {
  const PAGE = 500;
  let after: [string, string, string, string] = ['', '', '', ''];
  for (;;) {
    const page = await db.query<{
      tenant_id: string;
      source_lang: string;
      target_lang: string;
      source_key: string;
      source_text: string;
    }>(
      `SELECT tenant_id, source_lang, target_lang, source_key, source_text FROM translation_memory
       WHERE (tenant_id, source_lang, target_lang, source_key) > (?, ?, ?, ?)
       ORDER BY tenant_id, source_lang, target_lang, source_key LIMIT ${PAGE}`,
      after,
    );
    const byScope = new Map<string, { scope: [string, string, string]; units: IndexedUnit[] }>();
    for (const row of page) {
      const scope: [string, string, string] = [row.tenant_id, row.source_lang, row.target_lang];
      const id = scope.join('\u0000');
      const group = byScope.get(id) ?? { scope, units: [] };
      group.units.push({ sourceKey: row.source_key, source: row.source_text });
      byScope.set(id, group);
    }
    for (const { scope, units } of byScope.values()) await indexMemory(db, ...scope, units);
    const last = page.at(-1);
    if (!last || page.length < PAGE) return;
    after = [last.tenant_id, last.source_lang, last.target_lang, last.source_key];
  }
}

const POSTINGS = `SELECT source_key FROM memory_terms
  WHERE tenant_id = ? AND source_lang = ? AND target_lang = ? AND term = ? AND length BETWEEN ? AND ?
  LIMIT ${POSTINGS_PER_TERM}`;

export function memoryIndexRepository(db: Queryable) {
  /** The best candidates for one normalised source, by the weight of rare words they share. */
  async function candidates(
    scope: readonly [string, string, string],
    text: string,
  ): Promise<string[]> {
    const terms = fuzzyTerms(text);
    if (terms.length === 0) return [];
    const { min, max } = matchableLengths(fuzzyLength(text));
    const filter = (term: string) => [...scope, term, min, max];
    // One round trip for every word's frequency, each counted no further than the cap.
    const counts = await db.query<{ i: number; n: number | string }>(
      terms
        .map((_, i) => `SELECT ${i} AS i, (SELECT COUNT(*) FROM (${POSTINGS}) AS p) AS n`)
        .join(' UNION ALL '),
      terms.flatMap(filter),
    );
    const rarest = counts
      .map((row) => ({ term: terms[Number(row.i)] ?? '', docs: Number(row.n) }))
      .filter((entry) => entry.docs > 0)
      .sort((a, b) => a.docs - b.docs)
      .slice(0, QUERY_TERMS);
    if (rarest.length === 0) return [];
    // A word found in few segments says more about a match than one found in many. Summed by
    // the database, so that only the best candidates come back rather than every posting.
    const best = await db.query<{ source_key: string }>(
      `SELECT source_key FROM (${rarest
        .map((_, i) => `SELECT source_key, CAST(? AS REAL) AS w FROM (${POSTINGS}) AS p${i}`)
        .join(' UNION ALL ')}) AS postings
       GROUP BY source_key ORDER BY SUM(w) DESC, source_key LIMIT ${CANDIDATES}`,
      rarest.flatMap((entry) => [
        Math.log(1 + (POSTINGS_PER_TERM + 1) / entry.docs),
        ...filter(entry.term),
      ]),
    );
    return best.map((row) => row.source_key);
  }

  return {
    /**
     * Up to `perSegment` stored segments like each masked source, best first (human
     * before machine at the same score), keyed by the source. Formality is not told apart: a
     * match is a suggestion the translator reads.
     */
    async fuzzy(
      tenantId: string,
      sourceLang: string,
      targetLang: string,
      sources: readonly string[],
      perSegment = MATCHES_PER_SEGMENT,
    ): Promise<Map<string, FuzzyMatch[]>> {
      const scope = [tenantId, sourceLang, targetLang] as const;
      const result = new Map<string, FuzzyMatch[]>();
      for (const [index, masked] of [...new Set(sources)].entries()) {
        // SQLite answers synchronously: other requests get the event loop between segments.
        if (index > 0) await setImmediate();
        const query = { masked, text: fuzzyText(masked) };
        const keys = await candidates(scope, query.text);
        if (keys.length === 0) {
          result.set(masked, []);
          continue;
        }
        const rows = await db.query<{
          source_text: string;
          target_text: string;
          origin: MemoryOrigin;
          updated_at: number | string;
        }>(
          `SELECT source_text, target_text, origin, updated_at FROM translation_memory
           WHERE tenant_id = ? AND source_lang = ? AND target_lang = ?
             AND source_key IN (${keys.map(() => '?').join(', ')})`,
          [...scope, ...keys],
        );
        const scored = rows.flatMap((row) => {
          const score = matchScore(query, {
            masked: row.source_text,
            text: fuzzyText(row.source_text),
          });
          return score === null ? [] : [{ row, score }];
        });
        scored.sort(
          (a, b) =>
            b.score - a.score ||
            Number(b.row.origin === 'human') - Number(a.row.origin === 'human') ||
            Number(b.row.updated_at) - Number(a.row.updated_at),
        );
        const seen = new Set<string>();
        const matches: FuzzyMatch[] = [];
        for (const { row, score } of scored) {
          // The same pair stored under two formalities is one suggestion.
          const pair = `${row.source_text}\u0000${row.target_text}`;
          if (seen.has(pair)) continue;
          seen.add(pair);
          matches.push({
            source: row.source_text,
            target: row.target_text,
            score,
            origin: row.origin,
          });
          if (matches.length === perSegment) break;
        }
        result.set(masked, matches);
      }
      return result;
    },
  };
}

export type MemoryIndexRepository = ReturnType<typeof memoryIndexRepository>;
