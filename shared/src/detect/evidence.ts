// What a cleaned text says about its language before any prior: nothing (no letters, or only
// words common to the whole script), a single language its script allows, or feature vectors
// for the candidates the script leaves open.
import { candidateFeatures, type FeatureVector } from './features.js';
import { SCRIPT_LANGUAGES, dominantScript } from './scripts.js';
import { isSharedWord, wordsOf } from './word-ranks.js';

export type Evidence =
  | { kind: 'none' }
  | { kind: 'wrong-script' }
  | { kind: 'script'; language: string }
  | { kind: 'features'; candidates: string[]; features: FeatureVector[]; wordCount: number };

export function gatherEvidence(cleaned: string, allowed: ReadonlySet<string>): Evidence {
  const script = dominantScript(cleaned);
  if (script === undefined) return { kind: 'none' };
  const scriptLanguages = SCRIPT_LANGUAGES[script];
  const candidates = scriptLanguages.filter((language) => allowed.has(language));
  if (candidates.length === 0) return { kind: 'wrong-script' };

  const words = wordsOf(cleaned);
  // "OK", "no", "pizza": words common to most languages of the script say nothing.
  if (words.every((word) => isSharedWord(word, scriptLanguages))) return { kind: 'none' };
  const [only] = candidates;
  if (candidates.length === 1 && only !== undefined) return { kind: 'script', language: only };
  return {
    kind: 'features',
    candidates,
    features: candidateFeatures(cleaned, words, candidates),
    wordCount: words.length,
  };
}
