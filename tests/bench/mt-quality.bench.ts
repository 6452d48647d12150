/**
 * `npm run bench:mt`: translation quality of the embedded Apertium engine, stock Debian modes
 * against Parley's, as corpus chrF and BLEU (sacrebleu's defaults, see mt-metrics.ts):
 *
 * - English↔Spanish on the customer-support dev set (`shared/data/mt/support.dev.{en,es}.txt`);
 * - French, Portuguese, Italian, Catalan, Galician and Romanian → English on the FLORES dev lines
 *   (`shared/data/mt/flores.dev.*.txt`), routed as the proxy routes them: a direct pair where one
 *   is installed, otherwise through Spanish.
 *
 * Stock translations are cached in `data/bench/` (keyed by Debian's mode files and the input), so
 * a rerun only translates Parley's side; delete that folder after changing the engine's own code.
 * Parley's modes come from `npm run apertium:lexicon`. Speed is measured by `npm run bench`, not
 * here.
 *
 * `PARLEY_MT_CORPUS=FLORES` (or `support`) runs one corpus only, to measure a change to the
 * bridges in half the time; `PARLEY_MT_OUTPUT_DIR` keeps Parley's translations there, one file
 * per direction, to read what a change did.
 */
import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeXmlText, unescapeXmlText } from '@parley/shared/pipeline/escape';
import {
  createFailoverChain,
  type FailoverChain,
} from '@parley/translation-proxy/engines/failover-chain';
import {
  createApertiumEngine,
  PARLEY_MODES_DIR,
} from '@parley/translation-proxy/engines/apertium/index';
import { bleu, chrF } from './mt-metrics.js';
import { fixed, printTable } from './stats.js';
import { silentLogger } from '@parley/translation-proxy/logging';

const DEV_DIR =
  process.env.PARLEY_MT_DEV_DIR ?? new URL('../../../shared/data/mt/', import.meta.url).pathname;
const ONLY_CORPUS = process.env.PARLEY_MT_CORPUS;
const OUTPUT_DIR = process.env.PARLEY_MT_OUTPUT_DIR;
const STOCK_MODES_DIR = '/usr/share/apertium/modes';
const CACHE_DIR = new URL('../../data/bench/', import.meta.url).pathname;

function readLines(file: string): string[] {
  return readFileSync(join(DEV_DIR, file), 'utf8').split('\n').slice(0, -1);
}

interface Direction {
  corpus: string;
  source: string;
  target: string;
  sources: string[];
  references: string[];
}

const en = readLines('support.dev.en.txt');
const es = readLines('support.dev.es.txt');
const allDirections: Direction[] = [
  { corpus: 'support', source: 'en', target: 'es', sources: en, references: es },
  { corpus: 'support', source: 'es', target: 'en', sources: es, references: en },
];
const floresEnglish = readLines('flores.dev.eng.txt');
const bridged = { fr: 'fra', pt: 'por', it: 'ita', ca: 'cat', gl: 'glg', ro: 'ron' } as const;
for (const [source, file] of Object.entries(bridged)) {
  allDirections.push({
    corpus: 'FLORES',
    source,
    target: 'en',
    sources: readLines(`flores.dev.${file}.txt`),
    references: floresEnglish,
  });
}
const directions = allDirections.filter(
  (direction) => ONLY_CORPUS === undefined || direction.corpus === ONLY_CORPUS,
);
if (directions.length === 0) throw new Error(`PARLEY_MT_CORPUS=${ONLY_CORPUS}: no such corpus`);

// Every segment of a 500-line request listens on the failover chain's one abort signal.
setMaxListeners(1_000);

async function withRouter<T>(
  modesDir: string,
  parleyModesDir: string | null,
  work: (chain: FailoverChain) => Promise<T>,
): Promise<T> {
  const engine = await createApertiumEngine({ modesDir, parleyModesDir, timeoutMs: 60_000 });
  const chain = createFailoverChain({
    engines: [engine],
    timeoutMs: 60_000,
    retry: { attempts: 1, baseMs: 0, maxMs: 0 },
    breaker: { failureThreshold: 1_000, openMs: 1_000 },
    recordUsage: () => undefined,
    logger: silentLogger,
  });
  try {
    return await work(chain);
  } finally {
    await chain.close();
    await engine.close();
  }
}

interface Translated {
  hypotheses: string[];
  route: string;
}

async function translate(chain: FailoverChain, direction: Direction): Promise<Translated> {
  const result = await chain.translate({
    source: direction.source,
    target: direction.target,
    segments: direction.sources.map(escapeXmlText),
  });
  return {
    hypotheses: result.segments.map(unescapeXmlText),
    route: result.via ? `via ${result.via}` : 'direct',
  };
}

function cacheKey(modesDir: string, direction: Direction): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(modesDir).sort())
    hash.update(file).update(readFileSync(join(modesDir, file)));
  hash.update(`${direction.source}>${direction.target}\n`).update(direction.sources.join('\n'));
  return hash.digest('hex').slice(0, 24);
}

async function stockTranslations(): Promise<Translated[]> {
  const keys = directions.map((direction) => cacheKey(STOCK_MODES_DIR, direction));
  const cached = keys.map((key): Translated | undefined => {
    const file = join(CACHE_DIR, `${key}.json`);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Translated) : undefined;
  });
  if (cached.every((entry) => entry !== undefined)) return cached;
  return withRouter(STOCK_MODES_DIR, null, async (chain) => {
    mkdirSync(CACHE_DIR, { recursive: true });
    const results: Translated[] = [];
    for (const [index, direction] of directions.entries()) {
      const result = cached[index] ?? (await translate(chain, direction));
      writeFileSync(join(CACHE_DIR, `${keys[index]}.json`), JSON.stringify(result));
      results.push(result);
    }
    return results;
  });
}

function scores(direction: Direction, { hypotheses }: Translated): [string, string] {
  return [
    fixed(chrF(hypotheses, direction.references)),
    fixed(bleu(hypotheses, direction.references)),
  ];
}

const stock = await stockTranslations();
if (!existsSync(PARLEY_MODES_DIR))
  console.log(`No Parley modes in ${PARLEY_MODES_DIR}: run \`npm run apertium:lexicon\` first.\n`);
const parley = await withRouter(STOCK_MODES_DIR, PARLEY_MODES_DIR, async (chain) => {
  const results: Translated[] = [];
  for (const direction of directions) results.push(await translate(chain, direction));
  return results;
});
if (OUTPUT_DIR !== undefined) {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const [index, direction] of directions.entries()) {
    const file = `${direction.corpus}.${direction.source}-${direction.target}.txt`;
    writeFileSync(join(OUTPUT_DIR, file), `${parley[index]!.hypotheses.join('\n')}\n`);
  }
}

const rows = directions.map((direction, index) => {
  const [stockChrF, stockBleu] = scores(direction, stock[index]!);
  const [parleyChrF, parleyBleu] = scores(direction, parley[index]!);
  const gain = Number(parleyChrF) - Number(stockChrF);
  return [
    direction.corpus,
    `${direction.source}→${direction.target}`,
    stock[index]!.route,
    `${stockChrF} / ${stockBleu}`,
    parley[index]!.route,
    `${parleyChrF} / ${parleyBleu}`,
    `${gain >= 0 ? '+' : ''}${gain.toFixed(1)}`,
  ];
});
const flores = directions.flatMap((direction, index) =>
  direction.corpus === 'FLORES'
    ? [[Number(scores(direction, stock[index]!)[0]), Number(scores(direction, parley[index]!)[0])]]
    : [],
);
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
if (flores.length > 0) {
  const stockMean = mean(flores.map(([s]) => s!));
  const parleyMean = mean(flores.map(([, p]) => p!));
  const gain = parleyMean - stockMean;
  rows.push([
    'FLORES',
    'mean →en',
    '',
    fixed(stockMean),
    '',
    fixed(parleyMean),
    `${gain >= 0 ? '+' : ''}${gain.toFixed(1)}`,
  ]);
}

console.log(
  `Apertium, stock against Parley, on ${en.length} support and ${floresEnglish.length} FLORES sentences (chrF2 / BLEU as sacrebleu's defaults)\n`,
);
printTable(
  [
    'corpus',
    'direction',
    'stock route',
    'stock chrF / BLEU',
    'Parley route',
    'Parley chrF / BLEU',
    'ΔchrF',
  ],
  rows,
);
