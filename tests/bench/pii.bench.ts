/**
 * `npm run bench:pii`: how well findPersonalData finds personal data, and what it costs.
 *
 * - Recall and precision per kind and per language on the personal-data corpus
 *   (tests/fixtures/personal-data/corpus.jsonl), HTML run the way the pipeline runs it.
 * - False positives on real sentences without planted data: the MT4All support set and the
 *   FLORES dev files (`PARLEY_MT_DEV_DIR`, default ../shared/data/mt): the share of sentences
 *   where anything is found. Only counts per kind are printed, never the values.
 * - Cost: findPersonalData per corpus message (en and es) beside translating the same message
 *   with the embedded Apertium engine (en→es, es→en), p50 and p95, one message at a time.
 * - Linearity: adversarial inputs of growing length; time should double with the length.
 */
import { readFileSync } from 'node:fs';
import { escapeXmlText } from '@parley/shared/pipeline/escape';
import { findPersonalData, type PersonalDataKind } from '@parley/shared/pipeline/personal-data';
import { createApertiumEngine } from '@parley/translation-proxy/engines/apertium/index';
import { loadCorpus, scoreCorpus, textRuns, type Score } from './pii-corpus.js';
import { fixed, percentile, printTable } from './stats.js';

const DEV_DIR =
  process.env.PARLEY_MT_DEV_DIR ?? new URL('../../../shared/data/mt/', import.meta.url).pathname;
const DEV_FILES: readonly [file: string, language: string][] = [
  ['support.dev.en.txt', 'en'],
  ['support.dev.es.txt', 'es'],
  ['flores.dev.eng.txt', 'en'],
  ['flores.dev.spa.txt', 'es'],
  ['flores.dev.fra.txt', 'fr'],
  ['flores.dev.por.txt', 'pt'],
  ['flores.dev.ita.txt', 'it'],
];
const TIMING_REPEATS = 20;

const percent = (part: number, whole: number) =>
  whole === 0 ? 'n/a' : fixed((100 * part) / whole, 1);
const scoreRow = (name: string, score: Score) => [
  name,
  String(score.expected),
  String(score.found),
  percent(score.exact, score.expected),
  percent(score.exact, score.found),
  percent(score.covered, score.expected),
];
const SCORE_HEADER = ['', 'expected', 'found', 'recall %', 'precision %', 'covered %'];

const corpus = loadCorpus();
const scores = scoreCorpus(corpus);
console.log(
  `Personal-data corpus: ${corpus.length} messages (${corpus.filter((m) => m.html).length} HTML)` +
    '\nrecall and precision count a span found with its exact boundaries and kind; covered counts' +
    '\nan expected span masked whole by findings of any kind\n',
);
printTable(
  ['kind', ...SCORE_HEADER.slice(1)],
  [
    ...[...scores.byKind].map(([kind, score]) => scoreRow(kind, score)),
    scoreRow('all', scores.total),
  ],
);
console.log();
printTable(
  ['language', ...SCORE_HEADER.slice(1)],
  [...scores.byLanguage].map(([language, score]) => scoreRow(language, score)),
);
for (const miss of scores.misses) console.log(`missed ${miss.kind} in ${miss.id}`);
for (const extra of scores.falsePositives) console.log(`false ${extra.kind} in ${extra.id}`);

console.log('\nSentences of the dev files with a finding (no data planted in them)\n');
printTable(
  ['file', 'sentences', 'with a finding', '%', 'findings by kind'],
  DEV_FILES.map(([file, language]) => {
    const sentences = readFileSync(`${DEV_DIR}/${file}`, 'utf8').split('\n').filter(Boolean);
    const kinds = new Map<PersonalDataKind, number>();
    let flagged = 0;
    for (const sentence of sentences) {
      const spans = findPersonalData(sentence, { language });
      if (spans.length > 0) flagged++;
      for (const { kind } of spans) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    return [
      file,
      String(sentences.length),
      String(flagged),
      percent(flagged, sentences.length),
      [...kinds].map(([kind, count]) => `${kind} ${count}`).join(', ') || '—',
    ];
  }),
);

// Cost: the same en and es messages, detection and translation taking turns message by message
// so that a change in the machine's load touches both alike.
const timed = corpus
  .filter((message) => message.language === 'en' || message.language === 'es')
  .map((message) => ({ message, runs: textRuns(message).map((run) => run.text) }));
const detectOnce = ({ message, runs }: (typeof timed)[number]) => {
  for (const run of runs)
    findPersonalData(run, { language: message.language, known: message.known ?? [] });
};
const detectionMs: number[] = [];
const translationMs: number[] = [];
const engine = await createApertiumEngine();
try {
  const translate = ({ message, runs }: (typeof timed)[number]) =>
    engine.translate({
      source: message.language,
      target: message.language === 'en' ? 'es' : 'en',
      segments: runs.map(escapeXmlText),
    });
  timed.forEach(detectOnce);
  for (const entry of timed.slice(0, 10)) await translate(entry);
  for (const entry of timed) {
    let started = performance.now();
    for (let repeat = 0; repeat < TIMING_REPEATS; repeat++) detectOnce(entry);
    detectionMs.push((performance.now() - started) / TIMING_REPEATS);
    started = performance.now();
    await translate(entry);
    translationMs.push(performance.now() - started);
  }
} finally {
  await engine.close();
}
detectionMs.sort((a, b) => a - b);
translationMs.sort((a, b) => a - b);

console.log(
  `\nCost per message (${timed.length} en and es corpus messages, one at a time, detection the` +
    `\nmean of ${TIMING_REPEATS} runs; the machine is shared, so figures move with its load)\n`,
);
printTable(
  ['', 'p50 ms', 'p95 ms'],
  [
    [
      'findPersonalData',
      fixed(percentile(detectionMs, 50), 3),
      fixed(percentile(detectionMs, 95), 3),
    ],
    [
      'Apertium translate',
      fixed(percentile(translationMs, 50)),
      fixed(percentile(translationMs, 95)),
    ],
    [
      'added time at p50',
      `${percent(percentile(detectionMs, 50), percentile(translationMs, 50))} %`,
      '',
    ],
  ],
);

// Linearity: inputs built to make a careless pattern backtrack; doubling the length should
// about double the time. Each ends with a digit and an @ so that no scan is skipped.
const ADVERSARIAL: readonly [string, (length: number) => string][] = [
  ['digits and spaces', (length) => '1 '.repeat(length / 2)],
  ['digits and dashes', (length) => '12-'.repeat(length / 3)],
  ['e-mail local parts', (length) => 'a.'.repeat(length / 2)],
  ['@ without domain', (length) => 'a@'.repeat(length / 2)],
  ['hex and colons', (length) => 'a1:'.repeat(length / 3)],
  ['one digit run', (length) => '7'.repeat(length)],
  ['letters and digits', (length) => 'X1'.repeat(length / 2)],
];
const known = [
  { kind: 'name' as const, value: 'Rosa Verde' },
  { kind: 'phone' as const, value: '+34 612 34 56 78' },
];
/** The fastest of three runs: the machine is shared, and the slower runs measure the others. */
const timeBest = (text: string) =>
  Math.min(
    ...[0, 1, 2].map(() => {
      const started = performance.now();
      findPersonalData(text, { known });
      return performance.now() - started;
    }),
  );
console.log('\nLinearity: findPersonalData on adversarial input (ms, fastest of 3)\n');
printTable(
  ['input', '10 000 chars', '20 000 chars', '40 000 chars'],
  ADVERSARIAL.map(([name, build]) => [
    name,
    ...[10_000, 20_000, 40_000].map((length) => {
      return fixed(timeBest(`${build(length)} 1 @`), 1);
    }),
  ]),
);
