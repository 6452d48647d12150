// Fitted by tests/bench/langid.fit.ts on half of the development split (the other half is
// held out to check for overfitting). Regenerate after changing any feature.
// Feature order: eld, franc, wordLogRank, wordsListed, foreignLetters, rareLetters.
import type { ModelWeights } from './model.js';

export const MODEL_WEIGHTS: ModelWeights = {
  byLength: [
    [10.849, 0.913, 0.899, 1.326, 2.473, 1.355],
    [9.63, 0, 0.511, 0.62, 2.544, 0.791],
    [1.239, 1.499, 0.355, 0, 0.727, -0.097],
  ],
  temperature: 1.4,
  localePrior: 2,
  previousPrior: 1,
  reliableConfidence: 0.6,
};
