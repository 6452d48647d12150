// Fitted by tests/bench/langid.fit.ts on half of the development split (the other half is
// held out to check for overfitting). Regenerate after changing any feature.
// Feature order: eld, franc, wordLogRank, wordsListed, foreignLetters, rareLetters.
import type { ModelWeights } from './model.js';

export const MODEL_WEIGHTS: ModelWeights = {
  byLength: [
    [9.668, 0.826, 0.873, 3.701, 2.33, 0],
    [8.126, 0, 0, 0.763, 0.621, 0.777],
    [1.227, 1.504, 0.356, 0, 0.731, -0.098],
  ],
  temperature: 1,
  localePrior: 2,
  previousPrior: 1,
  reliableConfidence: 0.6,
};
