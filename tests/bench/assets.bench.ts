/**
 * `npm run bench:assets`: a 100,000-unit TMX import into a tenant's memory, on SQLite and on
 * PostgreSQL, beside a plain batch insert of the same units through the memory's `save` (no file,
 * no parsing), and the export of the imported memory back to TMX. The TMX file is generated on the
 * fly as a stream of 64 KiB chunks, as an upload arrives, so it never sits in memory whole.
 * Each case runs in a fresh process, so its peak resident memory (`maxRSS`) is its own; a case
 * that only starts and opens the store shows what the process costs before any work.
 * Talks only to 127.0.0.1 (PostgreSQL on PARLEY_BENCH_PG_PORT, default 18436).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { exportMemory, importMemory } from '@parley/translation-proxy/assets/memory-transfer';
import { openStore, type StoreLocation } from '@parley/translation-proxy/store/index';
import type { MemoryEntry } from '@parley/translation-proxy/store/memory';
import { startPostgres } from '../setup/postgres.js';

const UNITS = Number(process.env.BENCH_ASSETS_UNITS ?? 100_000);
const PG_PORT = Number(process.env.PARLEY_BENCH_PG_PORT ?? 18436);
const BATCH = 2_000;
const CHUNK_BYTES = 65_536;

const PRODUCTS = ['parcel', 'order', 'refund', 'subscription', 'replacement', 'invoice'];
const SPANISH = ['paquete', 'pedido', 'reembolso', 'suscripción', 'reemplazo', 'factura'];

/** Unit n: a support sentence with a tag pair and a placeholder, distinct per n. */
function unit(n: number): { source: string; target: string } {
  const product = PRODUCTS[n % PRODUCTS.length]!;
  const producto = SPANISH[n % SPANISH.length]!;
  return {
    source: `Your ${product} <bpt i="1" x="1">&lt;b&gt;</bpt>#${n}<ept i="1">&lt;/b&gt;</ept> ships on <ph x="2">{{due_date}}</ph> &amp; arrives soon.`,
    target: `Su ${producto} <bpt i="1" x="1">&lt;b&gt;</bpt>n.º ${n}<ept i="1">&lt;/b&gt;</ept> sale el <ph x="2">{{due_date}}</ph> y llega pronto.`,
  };
}

/** The same unit as the memory stores it once read: placeholders, XML-escaped text. */
function maskedUnit(n: number): MemoryEntry {
  const product = PRODUCTS[n % PRODUCTS.length]!;
  const producto = SPANISH[n % SPANISH.length]!;
  return {
    source: `Your ${product} <x id="1"/>#${n}<x id="2"/> ships on <x id="3"/> &amp; arrives soon.`,
    target: `Su ${producto} <x id="1"/>n.º ${n}<x id="2"/> sale el <x id="3"/> y llega pronto.`,
    origin: 'human',
    engine: null,
    createdAt: Date.UTC(2024, 0, 1) + n * 1000,
  };
}

async function* generatedTmx(units: number): AsyncGenerator<Buffer> {
  let text =
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header creationtool="bench" creationtoolversion="1" segtype="sentence" o-tmf="bench" adminlang="en" srclang="en" datatype="plaintext"/>\n<body>\n';
  for (let n = 0; n < units; n++) {
    const { source, target } = unit(n);
    const date = new Date(Date.UTC(2024, 0, 1) + n * 1000)
      .toISOString()
      .replace(/[-:]|\.\d{3}/g, '');
    text += `<tu creationdate="${date}"><tuv xml:lang="en"><seg>${source}</seg></tuv><tuv xml:lang="es"><seg>${target}</seg></tuv></tu>\n`;
    if (text.length >= CHUNK_BYTES) {
      yield Buffer.from(text);
      text = '';
    }
  }
  yield Buffer.from(`${text}</body>\n</tmx>\n`);
}

type CaseName = 'idle' | 'baseline' | 'import' | 'export';

interface CaseResult {
  seconds: number;
  tenantId: string;
  /** Peak resident memory of the whole case process, start-up included. */
  peakRssMiB: number;
}

/** One case, in this process: the parent runs each in a fresh one so its peak is its own. */
async function runCase(name: CaseName, location: StoreLocation, tenantId: string | undefined) {
  const store = await openStore(location);
  try {
    const tenant = tenantId ?? (await store.tenants.create({ name: `bench ${name}` })).id;
    const start = performance.now();
    if (name === 'baseline') {
      const entries = Array.from({ length: UNITS }, (_, n) => maskedUnit(n));
      for (let first = 0; first < entries.length; first += BATCH)
        await store.memory.save(tenant, 'en', 'es', entries.slice(first, first + BATCH));
    } else if (name === 'import') {
      const report = await importMemory(store.memory, tenant, generatedTmx(UNITS));
      if (report.imported !== UNITS || report.skippedCount !== 0)
        throw new Error(`imported ${JSON.stringify(report)} of ${UNITS}`);
      const sample = maskedUnit(UNITS - 1);
      const hit = await store.memory.lookup(tenant, 'en', 'es', [sample.source]);
      if (hit.get(sample.source)?.target !== sample.target)
        throw new Error('the last imported unit is not found by a lookup as the pipeline makes it');
    } else if (name === 'export') {
      let units = 0;
      for await (const piece of exportMemory(store.memory, tenant, {}))
        units += piece.startsWith('    <tu ') ? 1 : 0;
      if (units !== UNITS) throw new Error(`exported ${units} of ${UNITS}`);
    }
    const result: CaseResult = {
      seconds: (performance.now() - start) / 1000,
      tenantId: tenant,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    };
    process.stdout.write(JSON.stringify(result));
  } finally {
    await store.close();
  }
}

function inFreshProcess(name: CaseName, location: StoreLocation, tenantId?: string): CaseResult {
  const output = execFileSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', fileURLToPath(import.meta.url)],
    {
      env: {
        ...process.env,
        BENCH_ASSETS_CASE: name,
        BENCH_ASSETS_DATA_DIR: location.dataDir,
        BENCH_ASSETS_DATABASE_URL: location.databaseUrl ?? '',
        BENCH_ASSETS_TENANT: tenantId ?? '',
      },
      maxBuffer: 1_048_576,
    },
  );
  return JSON.parse(output.toString()) as CaseResult;
}

interface Row {
  backend: string;
  case: string;
  units: number;
  seconds: number;
  'units/s': number;
  'peak RSS MiB': number;
}

const row = (backend: string, name: string, units: number, result: CaseResult): Row => ({
  backend,
  case: name,
  units,
  seconds: Number(result.seconds.toFixed(2)),
  'units/s': units === 0 ? 0 : Math.round(units / result.seconds),
  'peak RSS MiB': Math.round(result.peakRssMiB),
});

function run(backend: string, location: StoreLocation): Row[] {
  const idle = inFreshProcess('idle', location);
  const baseline = inFreshProcess('baseline', location);
  const imported = inFreshProcess('import', location);
  const exported = inFreshProcess('export', location, imported.tenantId);
  return [
    row(backend, 'process start, store open (no work)', 0, idle),
    row(backend, 'batch insert through save (baseline)', UNITS, baseline),
    row(backend, 'TMX import (stream → parse → save)', UNITS, imported),
    row(backend, 'TMX export (page → write)', UNITS, exported),
  ];
}

const caseName = process.env.BENCH_ASSETS_CASE as CaseName | undefined;
if (caseName) {
  await runCase(
    caseName,
    {
      dataDir: process.env.BENCH_ASSETS_DATA_DIR!,
      ...(process.env.BENCH_ASSETS_DATABASE_URL
        ? { databaseUrl: process.env.BENCH_ASSETS_DATABASE_URL }
        : {}),
    },
    process.env.BENCH_ASSETS_TENANT || undefined,
  );
} else {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-assets-'));
  const results: Row[] = [];
  try {
    results.push(...run('sqlite', { dataDir }));
    const cluster = startPostgres(PG_PORT);
    try {
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query('CREATE DATABASE parley_bench_assets');
      await admin.end();
      const url = new URL(cluster.url);
      url.pathname = '/parley_bench_assets';
      results.push(...run('postgres', { dataDir, databaseUrl: url.toString() }));
    } finally {
      cluster.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(
    `${UNITS} units, en→es, one tag pair and one placeholder each; each case in a fresh process; Node ${process.version}`,
  );
  console.table(results);
}
