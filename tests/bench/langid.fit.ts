// Fits the detector's weights (shared/src/detect/weights.ts) on half of the language-id
// development split and reports accuracy on both halves, so overfitting shows as a gap.
// 1. multinomial logistic regression (calibrated scores), 2. coordinate ascent on accuracy,
// 3. a softmax temperature for calibration, 4. the locale prior under a 70 %-right simulation.
// Run: node --conditions=source --import tsx tests/bench/langid.fit.ts [--write]
import { writeFileSync } from 'node:fs';
import { baseLanguage } from '@parley/shared/languages';
import { cleanForDetection, DETECTABLE_LANGUAGES } from '@parley/shared/detect/index';
import { gatherEvidence } from '@parley/shared/detect/evidence';
import type { FeatureVector } from '@parley/shared/detect/features';
import { FEATURE_NAMES } from '@parley/shared/detect/features';
import { lengthGroup, type ModelWeights } from '@parley/shared/detect/model';
import { MODEL_WEIGHTS } from '@parley/shared/detect/weights';
import { loadLangidDev, simulatedLocales } from './langid-data.js';

interface Row {
  half: 0 | 1;
  truth: string;
  locale: string;
  // Settled without weights: the script's single language, or nothing to go on.
  fixed?: string;
  candidates: string[];
  features: FeatureVector[];
  group: 0 | 1 | 2;
  target: number;
}

const samples = loadLangidDev();
const locales = simulatedLocales(samples);
const allowed = new Set<string>(DETECTABLE_LANGUAGES);
const rows: Row[] = samples.map((sample, index) => {
  const evidence = gatherEvidence(cleanForDetection(sample.text), allowed);
  const base = {
    half: (index % 2) as 0 | 1,
    truth: sample.lang,
    locale: baseLanguage(locales[index] ?? 'und'),
  };
  if (evidence.kind !== 'features') {
    const fixed = evidence.kind === 'script' ? evidence.language : 'und';
    return { ...base, fixed, candidates: [], features: [], group: 0, target: -1 };
  }
  return {
    ...base,
    candidates: evidence.candidates,
    features: evidence.features,
    group: lengthGroup(evidence.wordCount),
    target: evidence.candidates.indexOf(sample.lang),
  };
});

type Weights = number[][];
const FEATURES = FEATURE_NAMES.length;

function logits(weights: Weights, row: Row, temperature = 1): number[] {
  const w = weights[row.group] ?? [];
  return row.features.map((f) => f.reduce((sum, v, k) => sum + v * (w[k] ?? 0), 0) / temperature);
}

function predict(weights: Weights, row: Row, localePrior = 0, temperature = 1): string {
  if (row.fixed !== undefined)
    return row.fixed === 'und' && localePrior > 0 ? row.locale : row.fixed;
  const scores = logits(weights, row, temperature).map(
    (score, i) => score + (row.candidates[i] === row.locale ? localePrior : 0),
  );
  return row.candidates[scores.indexOf(Math.max(...scores))] ?? 'und';
}

function accuracy(
  weights: Weights,
  half: 0 | 1 | undefined,
  localePrior = 0,
  temperature = 1,
): number {
  const chosen = rows.filter((row) => half === undefined || row.half === half);
  return (
    chosen.filter((row) => predict(weights, row, localePrior, temperature) === row.truth).length /
    chosen.length
  );
}

function trainable(half: 0 | 1): Row[] {
  return rows.filter((row) => row.half === half && row.fixed === undefined && row.target >= 0);
}

// Full-batch Adam on the mean negative log-likelihood, small L2.
function fitLogistic(train: Row[]): Weights {
  const weights = [0, 1, 2].map(() => new Array<number>(FEATURES).fill(0));
  const m = weights.map((w) => w.map(() => 0));
  const v = weights.map((w) => w.map(() => 0));
  for (let step = 1; step <= 300; step++) {
    const grad = weights.map((w) => w.map(() => 0));
    const counts = [0, 0, 0];
    for (const row of train) {
      const scores = logits(weights, row);
      const max = Math.max(...scores);
      const exps = scores.map((s) => Math.exp(s - max));
      const total = exps.reduce((a, b) => a + b, 0);
      counts[row.group] = (counts[row.group] ?? 0) + 1;
      row.features.forEach((f, j) => {
        const delta = (exps[j] ?? 0) / total - (j === row.target ? 1 : 0);
        f.forEach((value, k) => {
          const g = grad[row.group];
          if (g) g[k] = (g[k] ?? 0) + delta * value;
        });
      });
    }
    weights.forEach((w, g) =>
      w.forEach((value, k) => {
        const gradient = (grad[g]?.[k] ?? 0) / Math.max(counts[g] ?? 0, 1) + 1e-3 * value;
        const mg = m[g] ?? [];
        const vg = v[g] ?? [];
        mg[k] = 0.9 * (mg[k] ?? 0) + 0.1 * gradient;
        vg[k] = 0.999 * (vg[k] ?? 0) + 0.001 * gradient * gradient;
        w[k] =
          value -
          (0.05 * ((mg[k] ?? 0) / (1 - 0.9 ** step))) /
            (Math.sqrt((vg[k] ?? 0) / (1 - 0.999 ** step)) + 1e-8);
      }),
    );
  }
  return weights;
}

// Multiplicative coordinate ascent on accuracy of the fitting half.
function ascend(start: Weights, half: 0 | 1): Weights {
  const weights = start.map((w) => [...w]);
  let best = accuracy(weights, half);
  for (let round = 0; round < 3; round++) {
    for (const w of weights) {
      for (let k = 0; k < FEATURES; k++) {
        for (const factor of [0, 0.5, 0.8, 1.25, 2]) {
          const old = w[k] ?? 0;
          w[k] = old * factor;
          const candidate = accuracy(weights, half);
          if (candidate > best + 1e-9) best = candidate;
          else w[k] = old;
        }
      }
    }
  }
  return weights;
}

// Temperature maximising the likelihood of the right answers on the fitting half.
function fitTemperature(weights: Weights, train: Row[]): number {
  let best = { temperature: 1, nll: Infinity };
  for (let temperature = 0.5; temperature <= 6; temperature += 0.1) {
    let nll = 0;
    for (const row of train) {
      const scores = logits(weights, row, temperature);
      const max = Math.max(...scores);
      const logTotal = Math.log(scores.reduce((sum, s) => sum + Math.exp(s - max), 0)) + max;
      nll += logTotal - (scores[row.target] ?? 0);
    }
    if (nll < best.nll) best = { temperature, nll };
  }
  return Math.round(best.temperature * 10) / 10;
}

const percent = (x: number): string => `${(x * 100).toFixed(2)} %`;
const fitHalf = 0;
const heldHalf = 1;
const logistic = fitLogistic(trainable(fitHalf));
console.log(
  `logistic: fit half ${percent(accuracy(logistic, fitHalf))}, held-out half ${percent(accuracy(logistic, heldHalf))}`,
);
const tuned = ascend(logistic, fitHalf);
console.log(
  `+ ascent: fit half ${percent(accuracy(tuned, fitHalf))}, held-out half ${percent(accuracy(tuned, heldHalf))}`,
);
const temperature = fitTemperature(tuned, trainable(fitHalf));
let localePrior = 0;
let bestPriorAccuracy = 0;
for (let prior = 0.5; prior <= 10; prior += 0.5) {
  const value = accuracy(tuned, fitHalf, prior, temperature);
  if (value > bestPriorAccuracy) [localePrior, bestPriorAccuracy] = [prior, value];
}
console.log(
  `temperature ${temperature}; locale prior ${localePrior} log-odds (Bayes for a 70 %-right prior over 28: ${Math.log(0.7 / (0.3 / 27)).toFixed(2)}):` +
    ` fit half ${percent(bestPriorAccuracy)}, held-out half ${percent(accuracy(tuned, heldHalf, localePrior, temperature))}`,
);

const rounded = tuned.map((w) => w.map((x) => Math.round(x * 1000) / 1000));
const fitted: ModelWeights = {
  byLength: rounded as unknown as ModelWeights['byLength'],
  temperature,
  localePrior,
  // Earlier detections are the detector's own answers, so they count for less than the profile.
  previousPrior: localePrior / 2,
  reliableConfidence: MODEL_WEIGHTS.reliableConfidence,
};
console.log(JSON.stringify(fitted));
if (process.argv.includes('--write')) {
  const file = new URL('../../shared/src/detect/weights.ts', import.meta.url);
  writeFileSync(
    file,
    `// Fitted by tests/bench/langid.fit.ts on half of the development split (the other half is
// held out to check for overfitting). Regenerate after changing any feature.
// Feature order: ${FEATURE_NAMES.join(', ')}.
import type { ModelWeights } from './model.js';

export const MODEL_WEIGHTS: ModelWeights = ${JSON.stringify(fitted, null, 2)};
`,
  );
  console.log('wrote', file.pathname);
}
