// The detector's scoring model: a weighted sum of the candidate features, with one weight set
// per message length (the evidence worth trusting differs between one word and a sentence),
// turned into probabilities by a softmax. Weights live in weights.ts and are fitted by
// tests/bench/langid.fit.ts.
import type { FeatureVector } from './features.js';
import { MODEL_WEIGHTS } from './weights.js';

export interface ModelWeights {
  /** Feature weights for one-word, two-word and longer texts, in FEATURE_NAMES order. */
  byLength: readonly [FeatureVector, FeatureVector, FeatureVector];
  /** Divides the weighted sums so that the softmax gives calibrated probabilities. */
  temperature: number;
  /** Log-odds added for the requester's profile locale. */
  localePrior: number;
  /** Log-odds added for earlier detections, times the share of them in each language. */
  previousPrior: number;
  /** Minimum probability of the answer for `reliable: true`. */
  reliableConfidence: number;
}

export function lengthGroup(wordCount: number): 0 | 1 | 2 {
  return wordCount <= 1 ? 0 : wordCount === 2 ? 1 : 2;
}

/** The calibrated logit of each candidate, before priors. */
export function candidateLogits(
  features: readonly FeatureVector[],
  wordCount: number,
  weights: ModelWeights = MODEL_WEIGHTS,
): number[] {
  const groupWeights = weights.byLength[lengthGroup(wordCount)];
  return features.map(
    (vector) =>
      vector.reduce((sum, value, index) => sum + value * (groupWeights[index] ?? 0), 0) /
      weights.temperature,
  );
}

export function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((logit) => Math.exp(logit - max));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}
