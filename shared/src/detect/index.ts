// Language detection for support messages: clean the text, let the script decide where it can,
// otherwise weigh eld, franc, word-frequency and alphabet evidence between the languages the
// script leaves open, then apply the helpdesk's priors (profile locale, earlier detections).
import { baseLanguage } from '../languages.js';
import { cleanForDetection } from './clean.js';
import { loadEldNgrams } from './eld-ngrams.js';
import { gatherEvidence } from './evidence.js';
import { candidateLogits, softmax } from './model.js';
import { DETECTABLE_LANGUAGES } from './scripts.js';
import { MODEL_WEIGHTS } from './weights.js';
import { loadWordRanks } from './word-ranks.js';

export { cleanForDetection } from './clean.js';
export { DETECTABLE_LANGUAGES } from './scripts.js';

export interface DetectionResult {
  /** BCP 47 base code, or 'und'. */
  language: string;
  /** Probability of `language`, 0..1. */
  confidence: number;
  /** False when the text carries too little signal: show the answer as a guess and ask. */
  reliable: boolean;
  /** The other candidates, most likely first. */
  alternatives: { language: string; confidence: number }[];
}

export interface DetectOptions {
  /** Only answer one of these (the tenant's languages); BCP 47 tags, any region or case. */
  languages?: string[];
  hints?: {
    /** The requester's profile locale. */
    locale?: string;
    /** Earlier detections for the same requester. */
    previous?: string[];
  };
}

const MAX_ALTERNATIVES = 3;

function allowedLanguages(languages: readonly string[] | undefined): Set<string> {
  if (languages === undefined) return new Set(DETECTABLE_LANGUAGES);
  const detectable = new Set<string>(DETECTABLE_LANGUAGES);
  return new Set(languages.map(baseLanguage).filter((language) => detectable.has(language)));
}

/** Log-odds each hinted language gains before the text is read. */
function priorLogOdds(
  hints: DetectOptions['hints'],
  allowed: ReadonlySet<string>,
): Map<string, number> {
  const prior = new Map<string, number>();
  const add = (language: string, logOdds: number): void => {
    if (allowed.has(language)) prior.set(language, (prior.get(language) ?? 0) + logOdds);
  };
  if (hints?.locale) add(baseLanguage(hints.locale), MODEL_WEIGHTS.localePrior);
  const previous = hints?.previous ?? [];
  for (const tag of previous) add(baseLanguage(tag), MODEL_WEIGHTS.previousPrior / previous.length);
  return prior;
}

function ranked(languages: readonly string[], probabilities: readonly number[]): DetectionResult {
  const order = languages
    .map((language, index) => ({ language, confidence: probabilities[index] ?? 0 }))
    .sort((a, b) => b.confidence - a.confidence);
  const [best, ...rest] = order;
  if (best === undefined)
    return { language: 'und', confidence: 0, reliable: false, alternatives: [] };
  return {
    language: best.language,
    confidence: best.confidence,
    reliable: best.confidence >= MODEL_WEIGHTS.reliableConfidence,
    alternatives: rest.slice(0, MAX_ALTERNATIVES),
  };
}

/** The answer for a text without signal: the prior's language as an unreliable guess, else 'und'. */
function fromPriorOnly(prior: ReadonlyMap<string, number>): DetectionResult {
  if (prior.size === 0)
    return { language: 'und', confidence: 0, reliable: false, alternatives: [] };
  const languages = [...prior.keys()];
  return {
    ...ranked(languages, softmax(languages.map((language) => prior.get(language) ?? 0))),
    reliable: false,
  };
}

/**
 * Loads the n-gram and word data now (~0.3–0.5 s) rather than on the first detection; call it
 * while a server starts.
 */
export function warmUpDetector(): void {
  loadEldNgrams();
  loadWordRanks();
}

export function detectLanguage(text: string, options: DetectOptions = {}): DetectionResult {
  const allowed = allowedLanguages(options.languages);
  const prior = priorLogOdds(options.hints, allowed);
  const evidence = gatherEvidence(cleanForDetection(text), allowed);
  switch (evidence.kind) {
    case 'none':
      return fromPriorOnly(prior);
    case 'wrong-script':
      return { language: 'und', confidence: 0, reliable: false, alternatives: [] };
    case 'script':
      return { language: evidence.language, confidence: 1, reliable: true, alternatives: [] };
    case 'features': {
      const { candidates, features, wordCount } = evidence;
      const logits = candidateLogits(features, wordCount).map(
        (logit, index) => logit + (prior.get(candidates[index] ?? '') ?? 0),
      );
      const probabilities = softmax(logits);
      // Probabilities stay those over the whole script: a German text restricted to English and
      // Spanish comes out unlikely, hence unreliable, in both.
      const kept = candidates.flatMap((language, index) =>
        allowed.has(language) ? [{ language, probability: probabilities[index] ?? 0 }] : [],
      );
      return ranked(
        kept.map(({ language }) => language),
        kept.map(({ probability }) => probability),
      );
    }
  }
}
