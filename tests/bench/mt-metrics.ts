/**
 * Corpus-level chrF and BLEU computed the way sacrebleu 2.x computes them with its defaults,
 * so the MT benchmark's figures compare with published ones without a Python dependency.
 *
 * chrF: character n-grams of order 1–6 (whitespace removed), no word n-grams, β = 2; n-gram
 * statistics summed over the corpus, precision and recall averaged over the orders that occur,
 * then combined into F-β.
 * BLEU: the `13a` tokeniser, n-grams of order 1–4 with clipped counts summed over the corpus,
 * `exp` smoothing for orders with no match, and the brevity penalty.
 */

function ngramCounts<T>(items: readonly T[], n: number, key: (gram: readonly T[]) => string) {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= items.length; i += 1) {
    const gram = key(items.slice(i, i + n));
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Clipped matches between two n-gram count tables. */
function matches(hypothesis: Map<string, number>, reference: Map<string, number>): number {
  let matched = 0;
  for (const [gram, count] of hypothesis) matched += Math.min(count, reference.get(gram) ?? 0);
  return matched;
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function checkLengths(hypotheses: readonly string[], references: readonly string[]): void {
  if (hypotheses.length !== references.length) {
    throw new Error(`${hypotheses.length} hypotheses for ${references.length} references`);
  }
}

const CHRF_CHAR_ORDER = 6;
const CHRF_BETA = 2;

/** sacrebleu's default chrF (chrF2, character 6-grams, no word n-grams), 0–100. */
export function chrF(hypotheses: readonly string[], references: readonly string[]): number {
  checkLengths(hypotheses, references);
  const stats = Array.from({ length: CHRF_CHAR_ORDER }, () => ({ hyp: 0, ref: 0, match: 0 }));
  hypotheses.forEach((hypothesis, index) => {
    const hypChars = Array.from(hypothesis.replace(/\s+/g, ''));
    const refChars = Array.from(references[index]!.replace(/\s+/g, ''));
    for (let n = 1; n <= CHRF_CHAR_ORDER; n += 1) {
      const hypGrams = ngramCounts(hypChars, n, (gram) => gram.join(''));
      const refGrams = ngramCounts(refChars, n, (gram) => gram.join(''));
      const order = stats[n - 1]!;
      order.hyp += sum(hypGrams.values());
      order.ref += sum(refGrams.values());
      order.match += matches(hypGrams, refGrams);
    }
  });
  let precision = 0;
  let recall = 0;
  let effectiveOrder = 0;
  for (const { hyp, ref, match } of stats) {
    if (hyp > 0 && ref > 0) {
      precision += match / hyp;
      recall += match / ref;
      effectiveOrder += 1;
    }
  }
  if (effectiveOrder === 0) return 0;
  precision /= effectiveOrder;
  recall /= effectiveOrder;
  const factor = CHRF_BETA ** 2;
  if (precision + recall === 0) return 0;
  return (100 * ((1 + factor) * precision * recall)) / (factor * precision + recall);
}

/** sacrebleu's `13a` tokeniser (mteval-v13a): splits punctuation and symbols off words. */
export function tokenize13a(line: string): string {
  let text = line
    .replace(/<skipped>/g, '')
    .replace(/-\n/g, '')
    .replace(/\n/g, ' ');
  if (text.includes('&')) {
    text = text
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  }
  text = ` ${text} `
    .replace(/([{-~[-` -&(-+:-@/])/g, ' $1 ')
    // Periods and commas split off unless they sit inside a number.
    .replace(/([^0-9])([.,])/g, '$1 $2 ')
    .replace(/([.,])([^0-9])/g, ' $1 $2')
    .replace(/([0-9])(-)/g, '$1 $2 ');
  return text.split(/\s+/).filter(Boolean).join(' ');
}

const BLEU_MAX_ORDER = 4;

/** sacrebleu's default corpus BLEU (13a, 4-grams, exp smoothing), 0–100. */
export function bleu(hypotheses: readonly string[], references: readonly string[]): number {
  checkLengths(hypotheses, references);
  const correct = new Array<number>(BLEU_MAX_ORDER).fill(0);
  const total = new Array<number>(BLEU_MAX_ORDER).fill(0);
  let hypLength = 0;
  let refLength = 0;
  hypotheses.forEach((hypothesis, index) => {
    const hypWords = tokenize13a(hypothesis).split(' ').filter(Boolean);
    const refWords = tokenize13a(references[index]!).split(' ').filter(Boolean);
    hypLength += hypWords.length;
    refLength += refWords.length;
    for (let n = 1; n <= BLEU_MAX_ORDER; n += 1) {
      const hypGrams = ngramCounts(hypWords, n, (gram) => gram.join(' '));
      const refGrams = ngramCounts(refWords, n, (gram) => gram.join(' '));
      correct[n - 1]! += matches(hypGrams, refGrams);
      total[n - 1]! += Math.max(0, hypWords.length - n + 1);
    }
  });
  const precisions = new Array<number>(BLEU_MAX_ORDER).fill(0);
  let smoothing = 1;
  for (let n = 0; n < BLEU_MAX_ORDER; n += 1) {
    if (total[n] === 0) break;
    if (correct[n] === 0) {
      smoothing *= 2;
      precisions[n] = 100 / (smoothing * total[n]!);
    } else {
      precisions[n] = (100 * correct[n]!) / total[n]!;
    }
  }
  const brevityPenalty =
    hypLength >= refLength ? 1 : hypLength > 0 ? Math.exp(1 - refLength / hypLength) : 0;
  const logSum = sum(precisions.map((p) => (p > 0 ? Math.log(p) : -9999999999)));
  return brevityPenalty * Math.exp(logSum / BLEU_MAX_ORDER);
}
