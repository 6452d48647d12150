/**
 * Matches a tenant glossary in text: whole words, case-insensitive unless a term says otherwise.
 * Compiled matchers are cached, since the same tenant glossary arrives with every request.
 */
import type { GlossaryTerm } from './types.js';

export interface TermMatch {
  start: number;
  end: number;
  term: GlossaryTerm;
}

interface CompiledPattern {
  pattern: RegExp;
  /** Source text (lower-cased when matching ignores case) → its term. */
  terms: Map<string, GlossaryTerm>;
  ignoreCase: boolean;
}

type GlossaryMatcher = readonly CompiledPattern[];

const WORD_EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}_])`;
const WORD_EDGE_AFTER = String.raw`(?![\p{L}\p{N}_])`;
const UNSPACED_SCRIPT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}]/u;
const REGEX_SPECIALS = /[.*+?^${}()|[\]\\/]/g;
const CACHE_LIMIT = 256;

const byIdentity = new WeakMap<readonly GlossaryTerm[], GlossaryMatcher>();
const byContent = new Map<string, GlossaryMatcher>();

function compilePattern(
  terms: readonly GlossaryTerm[],
  ignoreCase: boolean,
): CompiledPattern | undefined {
  const bySource = new Map<string, GlossaryTerm>();
  for (const term of terms) {
    const source = term.source.trim().replace(/\s+/g, ' ');
    if (source === '') continue;
    const key = ignoreCase ? source.toLowerCase() : source;
    if (!bySource.has(key)) bySource.set(key, term);
  }
  if (bySource.size === 0) return undefined;
  // Longest first, so "order number" wins over "order".
  const alternatives = [...bySource.values()]
    .map((term) => term.source.trim().replace(/\s+/g, ' '))
    .sort((a, b) => b.length - a.length)
    .map((source) => {
      const escaped = source.replace(REGEX_SPECIALS, '\\$&').replace(/ /g, '\\s+');
      // Chinese and Japanese write words without spaces: a term there has no word edges to check.
      return UNSPACED_SCRIPT.test(source)
        ? escaped
        : `${WORD_EDGE_BEFORE}${escaped}${WORD_EDGE_AFTER}`;
    });
  const pattern = new RegExp(alternatives.join('|'), ignoreCase ? 'giu' : 'gu');
  return { pattern, terms: bySource, ignoreCase };
}

function compile(terms: readonly GlossaryTerm[]): GlossaryMatcher {
  return [
    compilePattern(
      terms.filter((term) => term.caseSensitive === true),
      false,
    ),
    compilePattern(
      terms.filter((term) => term.caseSensitive !== true),
      true,
    ),
  ].filter((compiled) => compiled !== undefined);
}

function matcherFor(terms: readonly GlossaryTerm[]): GlossaryMatcher {
  const known = byIdentity.get(terms);
  if (known) return known;
  const key = JSON.stringify(
    terms.map((term) => [term.source, term.target ?? null, term.caseSensitive === true]),
  );
  let matcher = byContent.get(key);
  if (!matcher) {
    if (byContent.size >= CACHE_LIMIT) byContent.clear();
    matcher = compile(terms);
    byContent.set(key, matcher);
  }
  byIdentity.set(terms, matcher);
  return matcher;
}

/** Glossary occurrences in `text`, in order, non-overlapping (case-sensitive terms win ties). */
export function findTerms(text: string, terms: readonly GlossaryTerm[] | undefined): TermMatch[] {
  if (!terms || terms.length === 0) return [];
  const matches: TermMatch[] = [];
  for (const { pattern, terms: bySource, ignoreCase } of matcherFor(terms)) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const found = match[0].replace(/\s+/g, ' ');
      const term =
        bySource.get(ignoreCase ? found.toLowerCase() : found) ?? findLoosely(bySource, found);
      if (term) matches.push({ start: match.index, end: match.index + match[0].length, term });
    }
  }
  if (matches.length < 2) return matches;
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TermMatch[] = [];
  let keptEnd = 0;
  for (const match of matches) {
    if (match.start < keptEnd) continue;
    kept.push(match);
    keptEnd = match.end;
  }
  return kept;
}

// Case folding under the `i` flag can match spellings `toLowerCase` does not map (e.g. `ſ`).
function findLoosely(bySource: Map<string, GlossaryTerm>, found: string): GlossaryTerm | undefined {
  for (const [source, term] of bySource) {
    if (source.localeCompare(found, undefined, { sensitivity: 'accent' }) === 0) return term;
  }
  return undefined;
}
