// What a cleaned text says about its language before any prior: nothing (no letters, or only
// words common to the whole script), nothing the allowed languages can answer (a script none of
// them uses), the single language of its script, or feature vectors for every language of the
// script.
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
  const [only] = scriptLanguages;
  if (scriptLanguages.length === 1 && only !== undefined) return { kind: 'script', language: only };
  // Weigh every language of the script, allowed or not, so that a text in a language outside the
  // tenant's list shows as a low probability for the allowed ones rather than a confident answer.
  return {
    kind: 'features',
    candidates: [...scriptLanguages],
    features: candidateFeatures(cleaned, words, scriptLanguages),
    wordCount: words.length,
  };
}
