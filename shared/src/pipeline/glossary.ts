/**
 * Matches a tenant glossary in text: whole words, case-insensitive unless a term says otherwise.
 * One Aho–Corasick automaton per case mode reads the text once, however many terms there are
 * (an alternation regex tried every term at every position: 200 long terms stalled the proxy
 * for seconds). Compiled matchers are cached, since the same tenant glossary arrives with every
 * request.
 */
import { LongestMatches } from './aho-corasick.js';
import type { GlossaryTerm } from './types.js';

export interface TermMatch {
  start: number;
  end: number;
  term: GlossaryTerm;
}

interface CompiledMatcher {
  automaton: LongestMatches;
  /** By the automaton's pattern index. */
  terms: readonly GlossaryTerm[];
  ignoreCase: boolean;
}

type GlossaryMatcher = readonly CompiledMatcher[];

/**
 * Word edges become characters of their own, so that "whole word" is part of what the automaton
 * matches: WORD_START sits where the previous character is not part of a word, WORD_END where
 * the next one is not. A term is looked for as WORD_START + term + WORD_END.
 */
const WORD_START = '\uE000';
const WORD_END = '\uE001';
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}_]/u;
const WHITESPACE = /\s/u;
const UNSPACED_SCRIPT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}]/u;
const CACHE_LIMIT = 256;

const byIdentity = new WeakMap<readonly GlossaryTerm[], GlossaryMatcher>();
const byContent = new Map<string, GlossaryMatcher>();
const foldings = new Map<string, string>();

/**
 * Case folding one code point to one code point, as a regex's `i` flag does (`ſ` and `s`, `K`
 * and `k` fold together); a character whose folding would change its length stays as it is.
 */
function fold(character: string): string {
  let folded = foldings.get(character);
  if (folded === undefined) {
    const viaUpper = character.toUpperCase().toLowerCase();
    const lower = character.toLowerCase();
    folded = [...viaUpper].length === 1 ? viaUpper : [...lower].length === 1 ? lower : character;
    foldings.set(character, folded);
  }
  return folded;
}

// Per-character regex tests dominate on long texts; ASCII, most of what is matched, skips them.
const ASCII_KIND = Array.from({ length: 128 }, (_, code) => {
  const character = String.fromCharCode(code);
  return WHITESPACE.test(character) ? 'space' : WORD_CHARACTER.test(character) ? 'word' : 'other';
});

const kindOf = (character: string): 'space' | 'word' | 'other' => {
  const code = character.charCodeAt(0);
  if (code < 128) return ASCII_KIND[code] ?? 'other';
  return WHITESPACE.test(character) ? 'space' : WORD_CHARACTER.test(character) ? 'word' : 'other';
};

const foldAscii = (character: string): string => {
  const code = character.charCodeAt(0);
  if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
  return code < 128 ? character : fold(character);
};

interface Marked {
  /** The text with whitespace runs as one space, optionally case-folded, with word edges marked. */
  text: string;
  /** For each UTF-16 unit of `text`, and one past its end: the offset in the original text. */
  offsets: number[];
}

/** The form both terms and texts are matched in; `edges: false` leaves the outer edges unmarked. */
function mark(input: string, ignoreCase: boolean, edges = true): Marked {
  const parts: string[] = [];
  const offsets: number[] = [];
  let previousIsWord: boolean | undefined;
  let previousIsSpace = false;
  let offset = 0;
  const push = (unit: string, origin: number): void => {
    parts.push(unit);
    for (let i = 0; i < unit.length; i++) offsets.push(origin);
  };
  const edge = (nextIsWord: boolean | undefined, origin: number): void => {
    if (!edges && (previousIsWord === undefined || nextIsWord === undefined)) return;
    if (nextIsWord !== true) push(WORD_END, origin);
    if (previousIsWord !== true) push(WORD_START, origin);
  };
  for (const character of input) {
    const kind = kindOf(character);
    if (kind !== 'space' || !previousIsSpace) {
      const isWord = kind === 'word';
      edge(isWord, offset);
      push(kind === 'space' ? ' ' : ignoreCase ? foldAscii(character) : character, offset);
      previousIsWord = isWord;
      previousIsSpace = kind === 'space';
    }
    offset += character.length;
  }
  edge(undefined, offset);
  offsets.push(offset);
  return { text: parts.join(''), offsets };
}

function compileMatcher(
  terms: readonly GlossaryTerm[],
  ignoreCase: boolean,
): CompiledMatcher | undefined {
  const byPattern = new Map<string, GlossaryTerm>();
  for (const term of terms) {
    const source = term.source.trim();
    if (source === '') continue;
    // Chinese and Japanese write words without spaces: a term there has no word edges to check.
    const inner = mark(source, ignoreCase, false).text;
    const pattern = UNSPACED_SCRIPT.test(source) ? inner : WORD_START + inner + WORD_END;
    if (!byPattern.has(pattern)) byPattern.set(pattern, term);
  }
  if (byPattern.size === 0) return undefined;
  return {
    automaton: new LongestMatches([...byPattern.keys()]),
    terms: [...byPattern.values()],
    ignoreCase,
  };
}

function compile(terms: readonly GlossaryTerm[]): GlossaryMatcher {
  return [
    compileMatcher(
      terms.filter((term) => term.caseSensitive === true),
      false,
    ),
    compileMatcher(
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

/**
 * Glossary occurrences in `text`, in order, non-overlapping: at each place the longest term
 * wins, and case-sensitive terms win ties.
 */
export function findTerms(text: string, terms: readonly GlossaryTerm[] | undefined): TermMatch[] {
  if (!terms || terms.length === 0) return [];
  const matches: TermMatch[] = [];
  for (const { automaton, terms: byIndex, ignoreCase } of matcherFor(terms)) {
    const marked = mark(text, ignoreCase);
    const longest = automaton.startingAt(marked.text);
    // Leftmost, then longest, as an alternation of the terms sorted longest first would match.
    for (let start = 0; start < longest.length; start++) {
      const index = longest[start] ?? -1;
      const term = byIndex[index];
      if (!term) continue;
      const end = start + (automaton.patterns[index]?.length ?? 0);
      matches.push({ start: marked.offsets[start] ?? 0, end: marked.offsets[end] ?? 0, term });
      start = end - 1;
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
