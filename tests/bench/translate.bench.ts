/**
 * `npm run bench`: end-to-end `POST /v1/translate` over HTTP against the raw Apertium pipeline
 * and Apertium APy, on the same 200 customer-support sentences (en→es) in the same run.
 * Latency: one request at a time, the systems taking turns sentence by sentence (p50/p95).
 * Throughput: 16 requests in flight.
 * The proxy is measured cold (every segment misses the translation memory: a fresh tenant per
 * run) and cached (the same sentences again). Only 127.0.0.1 is contacted.
 */
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { escapeXmlText } from '@parley/shared/pipeline/escape';
import { composeProxy } from '@parley/translation-proxy/compose';
import { loadConfig } from '@parley/translation-proxy/config';
import {
  ApertiumPipeline,
  createApertiumEngine,
  toApertiumStream,
} from '@parley/translation-proxy/engines/apertium/index';
import { startApy } from '../support/apy-server.js';
import { tempDir } from '../support/stores.js';
import { benchClient } from './http-client.js';
import { fixed, percentile, printTable, throughput, type LatencyFigures } from './stats.js';

const SENTENCES = 200;
const CONCURRENCY = 16;
const PROXY_PORT = 18_011;
const APY_PORT = 18_012;

const corpus = readFileSync(
  new URL('../../../shared/data/mt/support.dev.en.txt', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter(Boolean);
const sentences = corpus.slice(0, SENTENCES);
const warmUp = corpus.slice(SENTENCES, SENTENCES + 20);

interface Row {
  name: string;
  perSecond: number;
  latency: LatencyFigures;
}

type Run = (sentence: string) => Promise<unknown>;

/**
 * Latency one request at a time, the systems taking turns on each sentence so that a change in
 * machine load touches them alike. Returns each system's sorted latencies.
 */
async function interleavedLatencies(runs: readonly Run[]): Promise<number[][]> {
  const times = runs.map(() => [] as number[]);
  for (const sentence of sentences)
    for (const [index, run] of runs.entries()) {
      const started = performance.now();
      await run(sentence);
      times[index]!.push(performance.now() - started);
    }
  return times;
}

const figures = (times: readonly number[]): LatencyFigures => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
};

async function main(): Promise<void> {
  const config = loadConfig({
    PARLEY_DATA_DIR: tempDir('parley-bench-'),
    LOG_LEVEL: 'silent',
    PARLEY_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const proxy = await composeProxy(config, pino({ level: 'silent' }));
  await proxy.app.listen({ host: '127.0.0.1', port: PROXY_PORT });
  const proxyHttp = benchClient(`http://127.0.0.1:${PROXY_PORT}`);
  const clientFor = async (name: string) => {
    const tenant = await proxy.store.tenants.create({ name });
    const { key } = await proxy.store.apiKeys.issue(tenant.id);
    const headers = { authorization: `Bearer ${key}` };
    return (text: string) =>
      proxyHttp.postJson('/v1/translate', { text, source: 'en', target: 'es' }, headers);
  };

  const engine = await createApertiumEngine({ modesDir: config.apertiumModesDir });
  const mode = engine.modes().find((m) => m.source === 'en' && m.target === 'es');
  if (!mode) throw new Error('no en→es Apertium mode installed');
  const raw = await ApertiumPipeline.fromModeFile(mode.modeFile, { name: mode.mode });
  const apy = await startApy(APY_PORT);
  const apyHttp = benchClient(apy.url);

  try {
    const rawRun = (sentence: string) => raw.process(toApertiumStream(escapeXmlText(sentence)));
    const apyRun = (sentence: string) =>
      apyHttp.get(
        `/translate?langpair=${encodeURIComponent('eng|spa')}&q=${encodeURIComponent(sentence)}`,
      );
    // Warm every system (process start-up, JIT, connection pools) on sentences not measured.
    const warm = await clientFor('warm-up');
    for (const sentence of warmUp)
      await Promise.all([rawRun(sentence), apyRun(sentence), warm(sentence)]);

    // Fresh tenants miss the translation memory: one for latency, one for throughput.
    const [coldLatencyRun, coldThroughputRun] = [
      await clientFor('cold-a'),
      await clientFor('cold-b'),
    ];
    const [rawTimes, apyTimes, coldTimes] = await interleavedLatencies([
      rawRun,
      apyRun,
      coldLatencyRun,
    ]);
    await proxy.translation.drain();
    const cachedTimes = (await interleavedLatencies([coldLatencyRun]))[0]!;
    const rows: Row[] = [
      {
        name: `raw Apertium pipeline (${mode.mode})`,
        latency: figures(rawTimes!),
        perSecond: await throughput(sentences, CONCURRENCY, rawRun),
      },
      {
        name: 'Apertium APy (HTTP)',
        latency: figures(apyTimes!),
        perSecond: await throughput(sentences, CONCURRENCY, apyRun),
      },
      {
        name: 'Parley proxy, cold (HTTP)',
        latency: figures(coldTimes!),
        perSecond: await throughput(sentences, CONCURRENCY, coldThroughputRun),
      },
    ];
    await proxy.translation.drain();
    rows.push({
      name: 'Parley proxy, cached (HTTP)',
      latency: figures(cachedTimes),
      perSecond: await throughput(sentences, CONCURRENCY, coldThroughputRun),
    });
    const [rawRow, apyRow] = rows as [Row, Row];
    // The proxy's own cost per sentence, paired with the raw pipeline on the same sentence.
    const added = figures(coldTimes!.map((time, index) => time - rawTimes![index]!));

    console.log(
      `\nPOST /v1/translate, ${SENTENCES} support sentences en→es, ${CONCURRENCY} in flight for throughput\n`,
    );
    printTable(
      ['system', 'sentences/s', 'p50 ms', 'p95 ms', 'throughput vs APy', 'throughput vs raw'],
      rows.map((row) => [
        row.name,
        fixed(row.perSecond, 0),
        fixed(row.latency.p50),
        fixed(row.latency.p95),
        `${fixed(row.perSecond / apyRow.perSecond)}×`,
        `${fixed((100 * row.perSecond) / rawRow.perSecond, 0)} %`,
      ]),
    );
    console.log(
      `\nlatency the proxy adds over the raw pipeline, paired per sentence (cold): p50 ${fixed(added.p50)} ms, p95 ${fixed(added.p95)} ms`,
    );
    console.log('targets: cold throughput ≥ 4× APy and ≥ 70 % of raw; added p50 ≤ 1 ms');
  } finally {
    proxyHttp.close();
    apyHttp.close();
    await raw.close();
    await engine.close();
    await apy.stop();
    await proxy.close();
  }
}

await main();
