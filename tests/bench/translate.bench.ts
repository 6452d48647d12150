/**
 * `npm run bench`: end-to-end `POST /v1/translate` over HTTP against the raw Apertium pipeline
 * and Apertium APy, on the same 200 customer-support sentences (en→es) in the same run.
 * Latency: one request at a time, the systems taking turns sentence by sentence (p50/p95).
 * Throughput: 16 requests in flight, the systems taking turns round by round (a round is the 200
 * sentences once): this machine is a 2-core VM whose speed drifts from minute to minute (the raw
 * pipeline's processes took 2.9 ms of CPU per sentence in one run and 4.4 in another), and a
 * system measured minutes after another compared the drift, not the systems.
 * The proxy is measured cold (every segment misses the translation memory: a fresh tenant per
 * round) and cached (the same sentences again). Every system is measured in its steady state: the
 * proxy's V8 compiles its hot paths over its first few thousand requests (its compiler threads took
 * 0.5 ms of CPU per request in what the bench measured when it warmed up on 20), so it first serves
 * the other 300 sentences of the corpus, cold and cached, until its throughput stops rising. It
 * runs as deployed, compiled as `npm start` runs it, in a process of its own, as APy does: in the
 * load generator's process, the generator's HTTP client (about half the CPU of a cached request's
 * own work, measured per process) ran on the proxy's thread.
 * The raw pipeline is driven from this process. Only 127.0.0.1 is contacted.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { escapeXmlText } from '@parley/shared/pipeline/escape';
import { loadConfig } from '@parley/translation-proxy/config';
import { openStore, type Store } from '@parley/translation-proxy/store/index';
import {
  ApertiumPipeline,
  chainStages,
  createApertiumEngine,
  toApertiumStream,
} from '@parley/translation-proxy/engines/apertium/index';
import { startProxyProcess, stopProxyProcess, untilReady } from '../fault/proxy-process.js';
import { startApy } from '../support/apy-server.js';
import { tempDir } from '../support/stores.js';
import { benchClient } from './http-client.js';
import { cpuDuring, descendants } from './process-cpu.js';
import { fixed, percentile, printTable, throughput, type LatencyFigures } from './stats.js';

const SENTENCES = 200;
const CONCURRENCY = 16;
/**
 * Turns of the throughput comparison. In each: the raw pipeline and the cold proxy two rounds each
 * (the cold rounds back to back: the first round's memory writes land during the second, as
 * under steady load), then APy one; later, for the cached figure, APy one and the cached proxy two.
 * Eight turns (3,200 sentences for the raw pipeline and for each of the proxy's flows): the
 * Apertium processes' CPU per sentence varies from one round to the next on this machine (four
 * chains of one build, twelve rounds of 500 sentences each: single rounds 2.3–3.5 ms, the chains'
 * means 2.72–2.90), and over the three turns the bench had, the raw pipeline's and the proxy's
 * chains came out up to 0.25 ms apart.
 */
const TURNS = 8;
const ROUNDS_PER_TURN = 2;
/** Warm-up rounds of the proxy (cold, then cached) over the sentences not measured. */
const WARM_UP_ROUNDS = 16;
const PROXY_PORT = 18_011;
const APY_PORT = 18_012;

const corpus = readFileSync(
  new URL('../../../shared/data/mt/support.dev.en.txt', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter(Boolean);
const sentences = corpus.slice(0, SENTENCES);
const warmUp = corpus.slice(SENTENCES);

interface Row {
  name: string;
  perSecond: number;
  latency: LatencyFigures;
  /** CPU ms per sentence during the throughput runs: the system's processes and this one's. */
  cpu: { system: number; apertium: number; generator: number };
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

/**
 * A system's throughput over its rounds, and the CPU each sentence took in its processes, in the
 * Apertium processes among them, and in this one (the load generator, and for the raw pipeline
 * its parent): on 2 cores that the raw pipeline alone keeps busy, every millisecond of it comes
 * out of the throughput, whatever the machine's load.
 */
function throughputMeter(systemPids: readonly number[], apertiumPids: readonly number[]) {
  let seconds = 0;
  let count = 0;
  const cpu = { system: 0, apertium: 0, generator: 0 };
  return {
    async round(run: Run): Promise<void> {
      const generatorBefore = process.cpuUsage();
      cpu.system += await cpuDuring(systemPids, async () => {
        cpu.apertium += await cpuDuring(apertiumPids, async () => {
          seconds += SENTENCES / (await throughput(sentences, CONCURRENCY, run));
        });
      });
      const generator = process.cpuUsage(generatorBefore);
      cpu.generator += (generator.user + generator.system) / 1000;
      count += SENTENCES;
    },
    figures: (): Pick<Row, 'perSecond' | 'cpu'> => ({
      perSecond: count / seconds,
      cpu: {
        system: cpu.system / count,
        apertium: cpu.apertium / count,
        generator: cpu.generator / count,
      },
    }),
  };
}

const figures = (times: readonly number[]): LatencyFigures => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
};

/**
 * Resolves once the tenant's memory has stopped growing: the proxy writes it shortly after each
 * answer, and the next phase should not share the machine with those writes.
 */
async function memoryWritten(store: Store, tenantId: string): Promise<void> {
  for (let count = -1; ; await sleep(200)) {
    const now = await store.memory.count(tenantId);
    if (now === count) return;
    count = now;
  }
}

async function main(): Promise<void> {
  const env = {
    PARLEY_DATA_DIR: tempDir('parley-bench-'),
    // Request logs cost the proxy CPU: `LOG_LEVEL=info npm run bench` measures with them.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    PARLEY_RATE_LIMIT_PER_MINUTE: '1000000',
  };
  const config = loadConfig(env);
  // As `npm start` runs it: compiled by `tsc -b` (the bench script builds first), not through tsx.
  const proxyProcess = startProxyProcess(PROXY_PORT, env, { compiled: true });
  // Not left running when the bench fails before it stops the proxy itself.
  process.once('exit', () => proxyProcess.kill());
  await untilReady(`http://127.0.0.1:${PROXY_PORT}`);
  // The bench's own connection to the proxy's SQLite file, to make tenants and keys.
  const store = await openStore(config);
  const proxyHttp = benchClient(`http://127.0.0.1:${PROXY_PORT}`);
  const clientFor = async (name: string) => {
    const tenant = await store.tenants.create({ name });
    const { key } = await store.apiKeys.issue(tenant.id);
    const headers = { authorization: `Bearer ${key}` };
    const run = (text: string) =>
      proxyHttp.postJson('/v1/translate', { text, source: 'en', target: 'es' }, headers);
    return Object.assign(run, { tenantId: tenant.id });
  };

  const engine = await createApertiumEngine({ modesDir: config.apertiumModesDir });
  const mode = engine.modes().find((m) => m.source === 'en' && m.target === 'es');
  if (!mode) throw new Error('no en→es Apertium mode installed');
  // The chain the engine runs for the pair, with the stages it adds to the mode file.
  const raw = new ApertiumPipeline({ name: mode.mode, stages: await chainStages(mode) });
  const apy = await startApy(APY_PORT);
  const apyHttp = benchClient(apy.url);

  try {
    const rawRun = (sentence: string) => raw.process(toApertiumStream(escapeXmlText(sentence)));
    const apyRun = (sentence: string) =>
      apyHttp.get(
        `/translate?langpair=${encodeURIComponent('eng|spa')}&q=${encodeURIComponent(sentence)}`,
      );
    // Warm every system on sentences not measured. The proxy: cold and cached rounds until its
    // throughput stops rising (printed, so that a reader sees it level off); the raw pipeline as
    // many rounds (its C++ processes are warm after the first); APy one round (CPython compiles
    // nothing: five rounds of 200 ran at 43.5–47.5 sentences/s, in no order).
    const warmUpFigures: string[] = [];
    for (let round = 0; round < WARM_UP_ROUNDS; round++) {
      const warm = await clientFor(`warm-up-${round}`);
      const cold = await throughput(warmUp, CONCURRENCY, warm);
      await memoryWritten(store, warm.tenantId);
      const cached = await throughput(warmUp, CONCURRENCY, warm);
      warmUpFigures.push(`${fixed(cold, 0)}/${fixed(cached, 0)}`);
      await throughput(warmUp, CONCURRENCY, rawRun);
    }
    await throughput(warmUp, CONCURRENCY, apyRun);

    // Fresh tenants miss the translation memory: one for latency, one per throughput round.
    const coldLatencyRun = await clientFor('cold-latency');
    const coldThroughputRuns: Awaited<ReturnType<typeof clientFor>>[] = [];
    for (let round = 0; round < TURNS * ROUNDS_PER_TURN; round++)
      coldThroughputRuns.push(await clientFor(`cold-${round}`));
    // A round trip to the proxy that does no work (a path it does not serve: 404): what crossing
    // to its process and back costs, the floor of the latency it adds.
    const [rawTimes, apyTimes, coldTimes, roundTripTimes] = await interleavedLatencies([
      rawRun,
      apyRun,
      coldLatencyRun,
      () => proxyHttp.status('/bench-round-trip'),
    ]);
    await memoryWritten(store, coldLatencyRun.tenantId);
    const cachedTimes = (await interleavedLatencies([coldLatencyRun]))[0]!;
    const treeOf = (pid: number) => [pid, ...descendants(pid)];
    const proxyApertium = descendants(proxyProcess.pid!);
    const proxyTree = [proxyProcess.pid!, ...proxyApertium];
    const meters = {
      raw: throughputMeter(raw.pids, raw.pids),
      apy: throughputMeter(treeOf(apy.pid), descendants(apy.pid)),
      cold: throughputMeter(proxyTree, proxyApertium),
      cached: throughputMeter(proxyTree, proxyApertium),
    };
    const turnRounds = (turn: number) =>
      coldThroughputRuns.slice(turn * ROUNDS_PER_TURN, (turn + 1) * ROUNDS_PER_TURN);
    for (let turn = 0; turn < TURNS; turn++) {
      for (let round = 0; round < ROUNDS_PER_TURN; round++) await meters.raw.round(rawRun);
      for (const run of turnRounds(turn)) await meters.cold.round(run);
      // The next system must not share the machine with the proxy's memory writes. Those of the
      // turn's last 200 ms window land after its measured rounds: at ~300 sentences/s about 60
      // writes of 0.2 ms, under 1 % of the CPU of a turn's 400 cold sentences.
      for (const run of turnRounds(turn)) await memoryWritten(store, run.tenantId);
      await meters.apy.round(apyRun);
    }
    for (let turn = 0; turn < TURNS; turn++) {
      await meters.apy.round(apyRun);
      for (const run of turnRounds(turn)) await meters.cached.round(run);
    }
    const rows: Row[] = [
      {
        name: `raw Apertium pipeline (${mode.mode})`,
        latency: figures(rawTimes!),
        ...meters.raw.figures(),
      },
      { name: 'Apertium APy (HTTP)', latency: figures(apyTimes!), ...meters.apy.figures() },
      { name: 'Parley proxy, cold (HTTP)', latency: figures(coldTimes!), ...meters.cold.figures() },
      {
        name: 'Parley proxy, cached (HTTP)',
        latency: figures(cachedTimes),
        ...meters.cached.figures(),
      },
    ];
    const [rawRow, apyRow] = rows as [Row, Row];
    // The proxy's own cost per sentence, paired with the raw pipeline on the same sentence.
    const added = figures(coldTimes!.map((time, index) => time - rawTimes![index]!));
    const roundTrip = figures(roundTripTimes!);

    console.log(
      `\nPOST /v1/translate, ${SENTENCES} support sentences en→es, ${CONCURRENCY} in flight for throughput (the systems taking turns: ${TURNS} turns, ${ROUNDS_PER_TURN} rounds each of the raw pipeline and the proxy, 1 of APy)`,
    );
    console.log(
      `proxy warm-up on ${warmUp.length} other sentences, sentences/s cold/cached per round: ${warmUpFigures.join(' ')}\n`,
    );
    printTable(
      [
        'system',
        'sentences/s',
        'p50 ms',
        'p95 ms',
        'throughput vs APy',
        'throughput vs raw',
        'CPU ms/sentence: system',
        'its Apertium processes',
        'load generator',
      ],
      rows.map((row) => [
        row.name,
        fixed(row.perSecond, 0),
        fixed(row.latency.p50),
        fixed(row.latency.p95),
        `${fixed(row.perSecond / apyRow.perSecond)}×`,
        `${fixed((100 * row.perSecond) / rawRow.perSecond, 0)} %`,
        fixed(row.cpu.system),
        fixed(row.cpu.apertium),
        fixed(row.cpu.generator),
      ]),
    );
    console.log(
      `\nlatency the proxy adds over the raw pipeline, paired per sentence (cold): p50 ${fixed(added.p50)} ms, p95 ${fixed(added.p95)} ms`,
    );
    console.log(
      `of which an HTTP round trip to the proxy's process doing no work (GET of an unknown path, 404): p50 ${fixed(roundTrip.p50)} ms, p95 ${fixed(roundTrip.p95)} ms`,
    );
    console.log('targets: cold throughput ≥ 70 % of raw; cached throughput ≥ 20× APy');
    console.log(
      `the proxy runs as its own process (translation-proxy/dist/server.js, as npm start runs it; LOG_LEVEL=${env.LOG_LEVEL}, SQLite), as APy does; the raw pipeline is driven from the bench process`,
    );
    console.log(
      `CPU per sentence during the throughput runs, from /proc (10 ms ticks over ${TURNS * ROUNDS_PER_TURN * SENTENCES} sentences per system): "system" is the process tree of the system measured (the raw pipeline: its Apertium processes only), "its Apertium processes" the part of it in Apertium's programs, "load generator" this process`,
    );
  } finally {
    proxyHttp.close();
    apyHttp.close();
    await raw.close();
    await engine.close();
    await apy.stop();
    await stopProxyProcess(proxyProcess);
    await store.close();
  }
}

await main();
