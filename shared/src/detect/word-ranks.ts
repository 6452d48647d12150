// Word evidence from frequency lists: how common each word of a text is in each language.
// A word's log-rank approximates its log-probability under Zipf's law, so summing over a
// text's words gives a unigram language-model score that knows whole words, which character
// n-gram models (eld, franc) only approximate on one- and two-word messages.
import { WORD_LISTS } from './word-lists.data.js';

// Rank given to a word missing from a language's list (each list holds 10,000 words).
const UNLISTED_RANK = 200_000;
// A word in at least this share of the candidate languages' lists says little about any of them.
const SHARED_WORD_SHARE = 0.6;
const SHARED_WORD_MAX_RANK = 3000;

let ranks: ReadonlyMap<string, ReadonlyMap<string, number>> | undefined;

/** Parses the shipped lists once; later calls reuse them. */
export function loadWordRanks(): ReadonlyMap<string, ReadonlyMap<string, number>> {
  if (ranks === undefined) {
    const parsed = new Map<string, ReadonlyMap<string, number>>();
    for (const [language, list] of Object.entries(WORD_LISTS)) {
      parsed.set(language, new Map(list.split('\n').map((word, index) => [word, index + 1])));
    }
    ranks = parsed;
  }
  return ranks;
}

/** The lower-case words of a text (letters, marks and inner apostrophes). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu) ?? [];
}

export interface WordEvidence {
  /** Sum of -ln(rank) over the words; unlisted words count as rank UNLISTED_RANK. */
  logRank: number;
  /** How many of the words are in the language's list. */
  listed: number;
}

export function wordEvidence(words: readonly string[], language: string): WordEvidence {
  const languageRanks = loadWordRanks().get(language);
  let logRank = 0;
  let listed = 0;
  for (const word of words) {
    const rank = languageRanks?.get(word);
    if (rank === undefined) {
      logRank -= Math.log(UNLISTED_RANK);
    } else {
      logRank -= Math.log(rank);
      listed++;
    }
  }
  return { logRank, listed };
}

/**
 * True when the word is frequent in most of many candidate languages ("ok", "no", "hotel"). With
 * two candidates (ru/uk, zh/ja) a shared word still narrows the answer, so it never counts.
 */
export function isSharedWord(word: string, candidates: readonly string[]): boolean {
  const lists = loadWordRanks();
  let frequentIn = 0;
  for (const language of candidates) {
    const rank = lists.get(language)?.get(word);
    if (rank !== undefined && rank <= SHARED_WORD_MAX_RANK) frequentIn++;
  }
  return candidates.length > 2 && frequentIn >= SHARED_WORD_SHARE * candidates.length;
}
