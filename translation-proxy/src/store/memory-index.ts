/**
 * The fuzzy-match index of the translation memory: for each stored segment, the words of its
 * normalised source (`fuzzy-text.ts`) with the segment's normalised length and its unit's id, one
 * row per word in `memory_terms`. The same table on SQLite and PostgreSQL, so both stores find the
 * same matches. Rows name units by integer id rather than by their 43-character key: every machine
 * translation writes about ten of them, and narrow rows touch fewer pages.
 *
 * A lookup reads only a bounded slice of the index, whatever the memory's size: the query's rarest
 * words (counted among segments of a matchable length, up to a cap), at most `POSTINGS_PER_TERM`
 * segments for each; the segments sharing the most weight of rare words are then scored by edit
 * distance. PostgreSQL does this in one statement, SQLite (no round trips, no LATERAL) in three
 * that select the same candidates. The memory's write path (`memory.ts`) indexes every segment it
 * saves in the same transaction, deletions cascade from `translation_memory`, and migrations 14
 * and 15 index the segments stored before the index took this form.
 */
import { setImmediate } from 'node:timers/promises';
import type { Queryable } from './database.js';
import { jsonRows } from './json-rows.js';
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
/**
 * Candidates scored by edit distance: the best by shared rare words and, among those sharing the
 * same ones (a memory holds many variants of one sentence), the closest in length.
 */
const CANDIDATES = 24;

export interface IndexedUnit {
  /** The unit's id in `translation_memory`. */
  unitId: number;
  tenantId: string;
  sourceLang: string;
  targetLang: string;
  /** The masked source. */
  source: string;
}

/** The columns of a stored unit's row that place it in the index. */
export interface UnitRow {
  id: number;
  tenant_id: string;
  source_lang: string;
  target_lang: string;
}

/** A stored unit as the index files it, with its masked source. */
export const indexedUnit = (row: UnitRow, source: string): IndexedUnit => ({
  unitId: row.id,
  tenantId: row.tenant_id,
  sourceLang: row.source_lang,
  targetLang: row.target_lang,
  source,
});

/** The index rows of the given segments, without their scope (tenant and language pair). */
export const memoryTermRows = (units: readonly Pick<IndexedUnit, 'unitId' | 'source'>[]) =>
  units.flatMap((unit) => {
    const text = fuzzyText(unit.source);
    const length = fuzzyLength(text);
    return fuzzyTerms(text).map((term) => ({ term, length, unitId: unit.unitId }));
  });

/**
 * Files the given segments in the index (again: no change), a statement per tenant and language
 * pair with its rows as one JSON array. SQLite's upsert wants a WHERE after a SELECT, to tell its
 * ON from a join's.
 */
export async function indexMemory(db: Queryable, units: readonly IndexedUnit[]): Promise<void> {
  const byScope = new Map<string, IndexedUnit[]>();
  for (const unit of units) {
    const scope = `${unit.tenantId}\u0000${unit.sourceLang}\u0000${unit.targetLang}`;
    const group = byScope.get(scope);
    if (group) group.push(unit);
    else byScope.set(scope, [unit]);
  }
  for (const group of byScope.values()) {
    const { tenantId, sourceLang, targetLang } = group[0]!;
    await db.execute(
      `INSERT INTO memory_terms (tenant_id, source_lang, target_lang, term, length, unit_id)
       SELECT ?, ?, ?, value->>'term', CAST(value->>'length' AS INTEGER), CAST(value->>'unitId' AS BIGINT)
       FROM ${jsonRows(db)} WHERE TRUE
       ON CONFLICT DO NOTHING`,
      [tenantId, sourceLang, targetLang, JSON.stringify(memoryTermRows(group))],
    );
  }
}

/** Indexes every stored segment, a page at a time (migrations 14 and 15). */
export async function indexExistingMemory(db: Queryable): Promise<void> {
  const PAGE = 500;
  for (let after = 0; ;) {
    const page = await db.query<UnitRow & { source_text: string }>(
      `SELECT id, tenant_id, source_lang, target_lang, source_text FROM translation_memory
       WHERE id > ? ORDER BY id LIMIT ${PAGE}`,
      [after],
    );
    await indexMemory(
      db,
      page.map((row) => indexedUnit(row, row.source_text)),
    );
    const last = page.at(-1);
    if (!last || page.length < PAGE) return;
    after = last.id;
  }
}

/** A word's rows among segments of a matchable length; `term` is the SQL that names the word. */
const matching = (term: string) => `FROM memory_terms
  WHERE tenant_id = ? AND source_lang = ? AND target_lang = ? AND term = ${term}
    AND length BETWEEN ? AND ?`;
/** How many segments of a matchable length hold the word, counted no further than the cap. */
const frequency = (term: string) =>
  `(SELECT COUNT(*) FROM (SELECT 1 ${matching(term)} LIMIT ${POSTINGS_PER_TERM}) AS p)`;
/** The segments holding the word: the first ones in the index's order when there are more. */
const postings = (term: string) =>
  `SELECT unit_id, length ${matching(term)} ORDER BY length, unit_id LIMIT ${POSTINGS_PER_TERM}`;

/** The weight of a word found in `docs` segments (capped): rare words say more about a match. */
const weight = (docs: number): number => Math.log(1 + (POSTINGS_PER_TERM + 1) / docs);
/** The same, computed by PostgreSQL (`docs` a column), in double precision as in JavaScript. */
const WEIGHT = `LN(1 + CAST(${POSTINGS_PER_TERM + 1} AS DOUBLE PRECISION) / docs)`;

/**
 * PostgreSQL's lookup in one statement: a round trip and a plan cost more there than reading the
 * index, so the words' frequencies, the rarest words' postings and the candidates' units are read
 * together. The words come as one JSON array, so the statement's text (and plan) is the same
 * whatever their number.
 */
const POSTGRES_CANDIDATES = `WITH terms AS MATERIALIZED (
    SELECT t.term, t.position, ${frequency('t.term')} AS docs
    FROM json_array_elements_text(CAST(? AS JSON)) WITH ORDINALITY AS t(term, position)
  ), rarest AS (
    SELECT term, docs FROM terms WHERE docs > 0 ORDER BY docs, position LIMIT ${QUERY_TERMS}
  ), best AS (
    SELECT p.unit_id, SUM(${WEIGHT}) AS weight
    FROM rarest CROSS JOIN LATERAL (${postings('rarest.term')}) AS p
    GROUP BY p.unit_id, p.length
    ORDER BY weight DESC, ABS(p.length - ?), p.unit_id LIMIT ${CANDIDATES}
  )
  SELECT m.source_text, m.target_text, m.origin, m.updated_at
  FROM best JOIN translation_memory AS m ON m.id = best.unit_id
  ORDER BY m.source_key`;

interface CandidateUnit {
  source_text: string;
  target_text: string;
  origin: MemoryOrigin;
  updated_at: number | string;
}

export function memoryIndexRepository(db: Queryable) {
  /** The stored units most like one normalised source, by the weight of rare words they share. */
  async function candidates(
    scope: readonly [string, string, string],
    text: string,
  ): Promise<CandidateUnit[]> {
    const terms = fuzzyTerms(text);
    if (terms.length === 0) return [];
    const length = fuzzyLength(text);
    const { min, max } = matchableLengths(length);
    if (db.dialect === 'postgres')
      return db.query<CandidateUnit>(POSTGRES_CANDIDATES, [
        ...[...scope, min, max],
        JSON.stringify(terms),
        ...[...scope, min, max],
        length,
      ]);
    const filter = (term: string) => [...scope, term, min, max];
    // One statement for every word's frequency, each counted no further than the cap.
    const counts = await db.query<{ i: number; n: number }>(
      terms.map((_, i) => `SELECT ${i} AS i, ${frequency('?')} AS n`).join(' UNION ALL '),
      terms.flatMap(filter),
    );
    const rarest = counts
      .map((row) => ({ term: terms[row.i] ?? '', docs: row.n }))
      .filter((entry) => entry.docs > 0)
      .sort((a, b) => a.docs - b.docs)
      .slice(0, QUERY_TERMS);
    if (rarest.length === 0) return [];
    // Summed by the database, so that only the best candidates come back, not every posting.
    const best = await db.query<{ unit_id: number }>(
      `SELECT unit_id FROM (${rarest
        .map(
          (_, i) => `SELECT unit_id, length, CAST(? AS REAL) AS w FROM (${postings('?')}) AS p${i}`,
        )
        .join(' UNION ALL ')}) AS postings
       GROUP BY unit_id, length ORDER BY SUM(w) DESC, ABS(length - ?), unit_id
       LIMIT ${CANDIDATES}`,
      [...rarest.flatMap((entry) => [weight(entry.docs), ...filter(entry.term)]), length],
    );
    if (best.length === 0) return [];
    return db.query<CandidateUnit>(
      `SELECT source_text, target_text, origin, updated_at FROM translation_memory
       WHERE id IN (${best.map(() => '?').join(', ')})
       ORDER BY source_key`,
      best.map((row) => row.unit_id),
    );
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
        const rows = await candidates(scope, query.text);
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
