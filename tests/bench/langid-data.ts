// The language-identification development split and the simulated profile-locale prior, shared by
// the benchmark (langid.bench.ts) and the weight fitting (langid.fit.ts).
import { readFileSync } from 'node:fs';
import { DETECTABLE_LANGUAGES } from '@parley/shared/detect/index';
import { seededRandom } from '../support/seeded-random.js';

/** The 28 languages of the development split: exactly the ones Parley's detector answers. */
export const LANGID_LANGUAGES: readonly string[] = DETECTABLE_LANGUAGES;

export interface LangidSample {
  text: string;
  lang: string;
  bucket: 'single_word' | 'word_pair' | 'sentence';
}

const DATA_DIR = new URL('../../../shared/data/langid/', import.meta.url);

export function loadLangidDev(): LangidSample[] {
  return ['single_word', 'word_pair', 'sentence'].flatMap((bucket) =>
    readFileSync(new URL(`${bucket}.dev.jsonl`, DATA_DIR), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as LangidSample),
  );
}

export function lengthBucket(text: string): '<20' | '20-60' | '>60' {
  return text.length < 20 ? '<20' : text.length <= 60 ? '20-60' : '>60';
}

/** For each sample, a profile locale that is its true language 70 % of the time, else another of the 28. */
export function simulatedLocales(
  samples: readonly LangidSample[],
  seed = 20261122,
  rightShare = 0.7,
): string[] {
  const random = seededRandom(seed);
  return samples.map(({ lang }) => {
    if (random() < rightShare) return lang;
    const others = LANGID_LANGUAGES.filter((language) => language !== lang);
    return others[Math.floor(random() * others.length)] ?? lang;
  });
}
