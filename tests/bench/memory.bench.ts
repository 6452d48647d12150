/**
 * `npm run bench:memory`: fuzzy memory lookups on memories of 10k and 100k units, on SQLite and
 * on PostgreSQL, through the store's own index (`store/memory-index.ts`), beside a naive full scan
 * that scores every unit of the pair. Units are support and FLORES sentences with variations (a word
 * swapped, an order number, a greeting or a closing added); each lookup is a stored unit with one
 * word changed, as a translator's next reply would be. The memory is filled in bulk with the rows
 * the write path stores (`memory-fill.ts`). Prints p50/p95 against the target (p50 ≤ 20 ms
 * at 100k) and how often the index found the full scan's best score. Talks only to 127.0.0.1
 * (PostgreSQL on BENCH_MEMORY_PG_PORT, 18437 unless set).
 *
 * Beside the latencies it prints the CPU time a lookup costs (this process, PostgreSQL's sessions
 * and its background processes) and how much of the lookups' time the machine's runnable tasks
 * waited for a CPU (Linux's pressure stall figure): on a shared machine the latency follows the
 * second, the CPU time hardly moves, so a slow run can be told from a slower lookup.
 */
import { readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openStore, type Store } from '@parley/translation-proxy/store/index';
import { fuzzyText, matchScore } from '@parley/translation-proxy/store/fuzzy-text';
import type { MemoryEntry } from '@parley/translation-proxy/store/memory';
import { startPostgres } from '../setup/postgres.js';
import { tempDir } from '../support/stores.js';
import { seededRandom } from '../support/seeded-random.js';
import { bulkFillMemory } from './memory-fill.js';
import { cpuDuring, descendants } from './process-cpu.js';
import { fixed, percentile, printTable } from './stats.js';

/** `BENCH_MEMORY_SIZES=10000` and `BENCH_MEMORY_STORES=postgres` measure a subset. */
const SIZES = (process.env.BENCH_MEMORY_SIZES ?? '10000,100000').split(',').map(Number);
const STORES = (process.env.BENCH_MEMORY_STORES ?? 'sqlite,postgres').split(',');
const LOOKUPS = 200;
/** The full scan takes seconds at 100k: a few lookups tell its latency. */
const SCAN_LOOKUPS = 5;
const TARGET_P50_MS = 20;
const PG_PORT = Number(process.env.BENCH_MEMORY_PG_PORT ?? 18437);
const DATA = '/work/shared/data/mt';

const lines = (file: string) =>
  readFileSync(`${DATA}/${file}`, 'utf8')
    .split('\n')
    .map((line) => line.trim());
const english = [...lines('support.dev.en.txt'), ...lines('flores.dev.eng.txt')];
const spanish = [...lines('support.dev.es.txt'), ...lines('flores.dev.spa.txt')];
const pairs = english
  .map((source, index) => ({ source, target: spanish[index] ?? '' }))
  .filter((pair) => pair.source.split(' ').length >= 3 && pair.target);
const vocabulary = [...new Set(english.join(' ').match(/\p{L}{3,}/gu) ?? [])];
const GREETINGS = ['Hi,', 'Hello,', 'Dear customer,', 'Good morning,', 'Thanks for waiting,'];
const CLOSINGS = ['Thanks!', 'Best regards.', 'Let us know.', 'Have a nice day!'];

/** One word of the sentence replaced by another from the corpus. */
function swapWord(sentence: string, random: () => number): string {
  const words = sentence.split(' ');
  const at = Math.floor(random() * words.length);
  words[at] = vocabulary[Math.floor(random() * vocabulary.length)] ?? '';
  return words.join(' ');
}

/** The i-th unit: the plain sentence first, then ever more varied ones. */
function unit(i: number, random: () => number): { source: string; target: string } {
  const pair = pairs[i % pairs.length]!;
  if (i < pairs.length) return pair;
  let source = swapWord(pair.source, random);
  const variation = Math.floor(random() * 4);
  if (variation === 0) source = `${GREETINGS[i % GREETINGS.length]} ${source}`;
  if (variation === 1) source = `${source} ${CLOSINGS[i % CLOSINGS.length]}`;
  if (variation === 2) source = `${source} (order ${100_000 + i})`;
  if (variation === 3) source = swapWord(source, random);
  return { source, target: pair.target };
}

async function fill(store: Store, tenantId: string, size: number): Promise<string[]> {
  const random = seededRandom(size);
  const entries: MemoryEntry[] = [];
  const seen = new Set<string>();
  for (let i = 0; entries.length < size; i++) {
    const { source, target } = unit(i, random);
    // The memory would hold a repeated source once: skipped, so that it holds `size` units.
    if (seen.has(source)) continue;
    seen.add(source);
    const origin = entries.length % 3 === 0 ? 'human' : 'machine';
    entries.push({ source, target, origin, engine: null });
  }
  await bulkFillMemory(store.db, tenantId, 'en', 'es', entries);
  if (store.db.dialect === 'postgres') await vacuumAnalyze(store.db);
  return entries.map((entry) => entry.source);
}

/**
 * What autovacuum does within minutes of a load, as the product's write path gives it time to
 * during a fill of many small transactions: statistics for the planner (without them PostgreSQL
 * plans for an empty table), and the visibility map that lets lookups read the index alone. One
 * VACUUM right after the fill marked 19,511 of memory_terms' 27,987 pages all-visible, a second
 * the rest; lookups reading the unmarked ones went to the table for each entry (2,139 buffers
 * instead of 187), costing PostgreSQL 13–31 ms of CPU per lookup instead of 6–7, varying from
 * run to run with what the first pass left. So it vacuums until every page is marked.
 */
async function vacuumAnalyze(db: Store['db']): Promise<void> {
  const PASSES = 3;
  for (let pass = 1; pass <= PASSES; pass++) {
    await db.execute('VACUUM ANALYZE');
    const [table] = await db.query<{ pages: number; visible: number }>(
      "SELECT relpages AS pages, relallvisible AS visible FROM pg_class WHERE relname = 'memory_terms'",
    );
    if (!table || table.visible >= table.pages) return;
    if (pass === PASSES)
      console.error(
        `memory_terms: ${table.visible} of ${table.pages} pages all-visible after ${PASSES} VACUUMs`,
      );
  }
}

/** The best score of any unit of the pair, reading them all. */
async function fullScan(store: Store, tenantId: string, masked: string): Promise<number> {
  const rows = await store.db.query<{ source_text: string }>(
    'SELECT source_text FROM translation_memory WHERE tenant_id = ? AND source_lang = ? AND target_lang = ?',
    [tenantId, 'en', 'es'],
  );
  const query = { masked, text: fuzzyText(masked) };
  let best = 0;
  for (const row of rows)
    best = Math.max(
      best,
      matchScore(query, { masked: row.source_text, text: fuzzyText(row.source_text) }) ?? 0,
    );
  return best;
}

/**
 * PostgreSQL's server processes, none for SQLite: the sessions on the bench's database (the
 * lookups' connections), and the rest (postmaster, checkpointer, background writer, autovacuum…),
 * told apart so that background work after the fill shows as such.
 */
async function serverPids(store: Store): Promise<{ sessions: number[]; background: number[] }> {
  if (store.db.dialect !== 'postgres') return { sessions: [], background: [] };
  const [session] = await store.db.query<{ pid: number; db: string }>(
    'SELECT pg_backend_pid() AS pid, current_database() AS db',
  );
  const status = readFileSync(`/proc/${session?.pid}/status`, 'utf8');
  const postmaster = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
  const title = (pid: number) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return '';
    }
  };
  const children = descendants(postmaster);
  const onDatabase = (pid: number) => title(pid).includes(` ${session?.db} `);
  return {
    sessions: children.filter(onDatabase),
    background: [postmaster, ...children.filter((pid) => !onDatabase(pid))],
  };
}

/** Microseconds in which some runnable task waited for a CPU, since boot (NaN without PSI). */
function cpuStallMicros(): number {
  try {
    return Number(/^some .*total=(\d+)/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1]);
  } catch {
    return NaN;
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

interface Figures {
  backend: string;
  units: number;
  indexP50: number;
  indexP95: number;
  /** CPU per lookup, in ms: this process's, PostgreSQL's sessions' and its background processes'. */
  benchCpu: number;
  sessionCpu: number;
  backgroundCpu: number;
  /** Share of the lookups' time some task waited for a CPU, in percent. */
  cpuPressure: number;
  scanP50: number;
  scanP95: number;
  foundBest: string;
  fillSeconds: number;
}

async function run(
  backend: string,
  databaseUrl: (size: number) => Promise<string | undefined>,
): Promise<Figures[]> {
  const figures: Figures[] = [];
  for (const size of SIZES) {
    const dataDir = tempDir('parley-bench-memory-');
    const store = await openStore({ dataDir, databaseUrl: await databaseUrl(size) });
    try {
      const tenant = await store.tenants.create({ name: `Bench ${size}` });
      console.error(`${backend}: filling a memory of ${size} units…`);
      const filled = await timed(() => fill(store, tenant.id, size));
      const random = seededRandom(7);
      const lookups = Array.from({ length: LOOKUPS }, () =>
        swapWord(filled.value[Math.floor(random() * filled.value.length)]!, random),
      );
      const indexTimes: number[] = [];
      const best: number[] = [];
      const server = await serverPids(store);
      const stalled = cpuStallMicros();
      let sessionCpu = 0;
      let backgroundCpu = 0;
      const lookupsTimed = await timed(() =>
        cpuDuring([process.pid], async () => {
          backgroundCpu = await cpuDuring(server.background, async () => {
            sessionCpu = await cpuDuring(server.sessions, async () => {
              for (const source of lookups) {
                const { ms, value } = await timed(() =>
                  store.memoryIndex.fuzzy(tenant.id, 'en', 'es', [source]),
                );
                indexTimes.push(ms);
                best.push(value.get(source)?.[0]?.score ?? 0);
              }
            });
          });
        }),
      );
      const cpuPressure = (cpuStallMicros() - stalled) / 10 / lookupsTimed.ms;
      const scanTimes: number[] = [];
      let agreed = 0;
      for (const [i, source] of lookups.slice(0, SCAN_LOOKUPS).entries()) {
        const { ms, value } = await timed(() => fullScan(store, tenant.id, source));
        scanTimes.push(ms);
        if (value === best[i]) agreed++;
      }
      indexTimes.sort((a, b) => a - b);
      scanTimes.sort((a, b) => a - b);
      const row: Figures = {
        backend,
        units: size,
        indexP50: percentile(indexTimes, 50),
        indexP95: percentile(indexTimes, 95),
        benchCpu: lookupsTimed.value / LOOKUPS,
        sessionCpu: sessionCpu / LOOKUPS,
        backgroundCpu: backgroundCpu / LOOKUPS,
        cpuPressure,
        scanP50: percentile(scanTimes, 50),
        scanP95: percentile(scanTimes, 95),
        foundBest: `${agreed}/${SCAN_LOOKUPS}`,
        fillSeconds: filled.ms / 1000,
      };
      console.error(`${backend} ${size}: ${JSON.stringify(row)}`);
      figures.push(row);
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return figures;
}

const results = STORES.includes('sqlite') ? await run('sqlite', async () => undefined) : [];
if (STORES.includes('postgres')) {
  const cluster = startPostgres(PG_PORT);
  try {
    // Each size gets a database of its own, as the SQLite runs get a file of their own.
    results.push(
      ...(await run('postgres', async (size) => {
        const admin = new pg.Client({ connectionString: cluster.url });
        await admin.connect();
        await admin.query(`CREATE DATABASE parley_bench_memory_${size}`);
        await admin.end();
        const url = new URL(cluster.url);
        url.pathname = `/parley_bench_memory_${size}`;
        return url.toString();
      })),
    );
  } finally {
    cluster.stop();
  }
}

console.log(
  `\nFuzzy memory lookup, one segment, ${LOOKUPS} lookups per memory (full scan: ${SCAN_LOOKUPS}); target p50 ≤ ${TARGET_P50_MS} ms at 100k\n`,
);
printTable(
  [
    'store',
    'units',
    'index p50 ms',
    'index p95 ms',
    'target p50',
    'CPU ms/lookup: bench + PostgreSQL sessions + background',
    'CPU pressure %',
    'full scan p50 ms',
    'full scan p95 ms',
    'index found the best match',
    'fill s',
  ],
  results.map((row) => [
    row.backend,
    row.units.toLocaleString('en'),
    fixed(row.indexP50),
    fixed(row.indexP95),
    row.units >= 100_000
      ? `≤ ${TARGET_P50_MS} ${row.indexP50 <= TARGET_P50_MS ? 'met' : 'MISSED'}`
      : '',
    `${fixed(row.benchCpu)} + ${fixed(row.sessionCpu)} + ${fixed(row.backgroundCpu)}`,
    fixed(row.cpuPressure, 0),
    fixed(row.scanP50),
    fixed(row.scanP95),
    row.foundBest,
    fixed(row.fillSeconds, 1),
  ]),
);
