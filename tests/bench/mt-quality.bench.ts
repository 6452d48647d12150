/**
 * `npm run bench:mt`: translation quality of the embedded Apertium engine on the customer-support
 * dev set (`shared/data/mt/support.dev.{en,es}.txt`), stock Debian modes against Parley's modes
 * with the support-domain lexicon, English→Spanish and Spanish→English, as corpus chrF and BLEU
 * (sacrebleu's defaults, see mt-metrics.ts), with throughput (all sentences in flight) and
 * latency (one sentence at a time).
 *
 * Parley's modes come from `npm run apertium:lexicon`; without them the Parley rows are skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { escapeXmlText, unescapeXmlText } from '@parley/shared/pipeline/escape';
import {
  createApertiumEngine,
  PARLEY_MODES_DIR,
  type ApertiumEngine,
} from '@parley/translation-proxy/engines/apertium/index';
import { bleu, chrF } from './mt-metrics.js';
import { fixed, printTable, sequentialLatency } from './stats.js';

const DEV_DIR =
  process.env.PARLEY_MT_DEV_DIR ?? new URL('../../../shared/data/mt/', import.meta.url).pathname;
const LATENCY_SAMPLE = 100;

function readLines(file: string): string[] {
  return readFileSync(`${DEV_DIR}/${file}`, 'utf8').split('\n').slice(0, -1);
}

interface Direction {
  source: 'en' | 'es';
  target: 'en' | 'es';
  sources: string[];
  references: string[];
}

const en = readLines('support.dev.en.txt');
const es = readLines('support.dev.es.txt');
const directions: Direction[] = [
  { source: 'en', target: 'es', sources: en, references: es },
  { source: 'es', target: 'en', sources: es, references: en },
];

async function measure(engine: ApertiumEngine, direction: Direction): Promise<string[]> {
  const { source, target } = direction;
  const translate = async (sentences: string[]) =>
    (
      await engine.translate({ source, target, segments: sentences.map(escapeXmlText) })
    ).segments.map(unescapeXmlText);
  // A first pass starts the pipeline and warms it up; the timed pass is the second.
  await translate(direction.sources);
  const started = performance.now();
  const hypotheses = await translate(direction.sources);
  const seconds = (performance.now() - started) / 1000;
  const latency = await sequentialLatency(direction.sources.slice(0, LATENCY_SAMPLE), (sentence) =>
    translate([sentence]),
  );
  const mode = engine.modes().find((m) => m.source === source && m.target === target);
  return [
    `${source}→${target}`,
    mode?.modeFile.startsWith(PARLEY_MODES_DIR) ? 'parley' : 'stock',
    fixed(chrF(hypotheses, direction.references)),
    fixed(bleu(hypotheses, direction.references)),
    fixed(direction.sources.length / seconds, 0),
    fixed(latency.p50),
    fixed(latency.p95),
  ];
}

const variants: { name: string; parleyModesDir: string | null }[] = [
  { name: 'stock Apertium', parleyModesDir: null },
];
if (existsSync(PARLEY_MODES_DIR)) {
  variants.push({ name: 'Parley (support lexicon)', parleyModesDir: PARLEY_MODES_DIR });
} else {
  console.log(`No Parley modes in ${PARLEY_MODES_DIR}: run \`npm run apertium:lexicon\` first.\n`);
}

const rows: string[][] = [];
for (const variant of variants) {
  const engine = await createApertiumEngine({ parleyModesDir: variant.parleyModesDir });
  try {
    for (const direction of directions)
      rows.push([variant.name, ...(await measure(engine, direction))]);
  } finally {
    await engine.close();
  }
}

console.log(
  `Apertium on ${en.length} customer-support sentences (chrF2 / BLEU as sacrebleu's defaults)\n`,
);
printTable(
  ['engine', 'direction', 'mode', 'chrF', 'BLEU', 'sentences/s', 'p50 ms', 'p95 ms'],
  rows,
);
