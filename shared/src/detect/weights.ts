// Fitted by tests/bench/langid.fit.ts on half of the development split (the other half is
// held out to check for overfitting). Regenerate after changing any feature.
// Feature order: eld, franc, wordLogRank, wordsListed, foreignLetters, rareLetters.
import type { ModelWeights } from './model.js';

export const MODEL_WEIGHTS: ModelWeights = {
  byLength: [
    [5.419, 0.461, 0.461, 3.313, 2.469, 0.677],
    [9.627, 0, 0.511, 0.62, 2.554, 0.791],
    [3.416, 2.222, 0.175, 0.355, 0.611, -0.106],
  ],
  temperature: 1,
  localePrior: 3,
  previousPrior: 1.5,
  reliableConfidence: 0.6,
};
