/**
 * Whether a glossary target appears in a translation in some inflected or recased form. The rule
 * is deliberately simple and documented, not a morphology: the text and the term are compared
 * case-folded, word by word; a word of the text stands for a word of the term when it starts with
 * the term word's stem — the word less its last two letters, and never shorter than three
 * letters (a word of three or fewer must match whole) — and is at most four letters longer than
 * the term word. "pedido" is found as "Pedidos", "Bestellung" as "Bestellungen", "tarjeta de
 * regalo" as "tarjetas de regalo"; "pedido" is not found as "pedal".
 *
 * Linear in the text for a given glossary: the text is read once into words, and each word is
 * looked up by its prefix of each stem length the expected terms use (a handful).
 */

/** Letters, marks, digits: what a word is made of, as the glossary matcher sees it. */
const WORD = /[\p{L}\p{M}\p{N}_]+/gu;
const SHORTEST_STEM = 3;
const LONGEST_ENDING = 4;

const fold = (word: string): string => word.toLocaleLowerCase('und');

interface TermWord {
  stem: string;
  /** Longest word of the text that may still be this word inflected. */
  maxLength: number;
}

function termWords(term: string): TermWord[] {
  return [...term.matchAll(WORD)].map(([word]) => {
    const folded = [...fold(word)];
    const keep = Math.max(Math.min(SHORTEST_STEM, folded.length), folded.length - 2);
    return { stem: folded.slice(0, keep).join(''), maxLength: folded.length + LONGEST_ENDING };
  });
}

function fits(word: string, expected: TermWord): boolean {
  return word.startsWith(expected.stem) && [...word].length <= expected.maxLength;
}

/**
 * How often each of `terms` (glossary targets) occurs in `text`, inflected or recased as above,
 * counted without overlaps in reading order; by the term as given.
 */
export function countTermForms(text: string, terms: readonly string[]): Map<string, number> {
  const words = [...text.matchAll(WORD)].map(([word]) => fold(word));
  const counts = new Map<string, number>();
  const candidates = new Map<number, Map<string, { term: string; words: TermWord[] }[]>>();
  for (const term of new Set(terms)) {
    counts.set(term, 0);
    const expected = termWords(term);
    const first = expected[0];
    if (!first) continue;
    const length = first.stem.length;
    const byStem =
      candidates.get(length) ?? new Map<string, { term: string; words: TermWord[] }[]>();
    candidates.set(length, byStem);
    byStem.set(first.stem, [...(byStem.get(first.stem) ?? []), { term, words: expected }]);
  }
  // Where each term's last match ended, so that one occurrence is not counted twice.
  const freeFrom = new Map<string, number>();
  words.forEach((word, position) => {
    for (const [length, byStem] of candidates) {
      for (const { term, words: expected } of byStem.get(word.slice(0, length)) ?? []) {
        if (position < (freeFrom.get(term) ?? 0)) continue;
        if (!expected.every((part, offset) => fits(words[position + offset] ?? '', part))) continue;
        counts.set(term, (counts.get(term) ?? 0) + 1);
        freeFrom.set(term, position + expected.length);
      }
    }
  });
  return counts;
}
