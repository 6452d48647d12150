/**
 * `npm run bench:assets`: a 100,000-unit TMX import into a tenant's memory, on SQLite and on
 * PostgreSQL, beside a plain batch insert of the same units through the memory's `save` (no file,
 * no parsing), and the export of the imported memory back to TMX. The TMX file is generated on the
 * fly as a stream of 64 KiB chunks, as an upload arrives, so it never sits in memory whole.
 * Reports units/s and the process's peak resident memory during each case (sampled every 10 ms).
 * Talks only to 127.0.0.1 (PostgreSQL on PARLEY_BENCH_PG_PORT, default 18436).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
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

/** Peak resident memory while `work` runs, sampled: the event loop turns between batches. */
async function measured<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seconds: number; peakRssMiB: number }> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  const start = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, seconds: (performance.now() - start) / 1000, peakRssMiB: peak / 1_048_576 };
  } finally {
    clearInterval(sampler);
  }
}

interface Row {
  backend: string;
  case: string;
  units: number;
  seconds: number;
  'units/s': number;
  'peak RSS MiB': number;
}

const row = (
  backend: string,
  name: string,
  units: number,
  figures: { seconds: number; peakRssMiB: number },
): Row => ({
  backend,
  case: name,
  units,
  seconds: Number(figures.seconds.toFixed(2)),
  'units/s': Math.round(units / figures.seconds),
  'peak RSS MiB': Math.round(figures.peakRssMiB),
});

async function run(backend: string, location: StoreLocation): Promise<Row[]> {
  const store = await openStore(location);
  try {
    const baselineTenant = await store.tenants.create({ name: 'Baseline' });
    const entries = Array.from({ length: UNITS }, (_, n) => maskedUnit(n));
    const baseline = await measured(async () => {
      for (let start = 0; start < entries.length; start += BATCH)
        await store.memory.save(baselineTenant.id, 'en', 'es', entries.slice(start, start + BATCH));
    });
    entries.length = 0;

    const tenant = await store.tenants.create({ name: 'Imported' });
    const imported = await measured(() =>
      importMemory(store.memory, tenant.id, generatedTmx(UNITS)),
    );
    if (imported.result.imported !== UNITS || imported.result.skippedCount !== 0)
      throw new Error(`imported ${JSON.stringify(imported.result)} of ${UNITS}`);
    const sample = maskedUnit(UNITS - 1);
    const hit = await store.memory.lookup(tenant.id, 'en', 'es', [sample.source]);
    if (hit.get(sample.source)?.target !== sample.target)
      throw new Error('the last imported unit is not found by a lookup as the pipeline makes it');

    const exported = await measured(async () => {
      let bytes = 0;
      for await (const piece of exportMemory(store.memory, tenant.id, {})) bytes += piece.length;
      return bytes;
    });
    return [
      row(backend, 'batch insert through save (baseline)', UNITS, baseline),
      row(backend, 'TMX import (stream → parse → save)', UNITS, imported),
      row(backend, 'TMX export (page → write)', UNITS, exported),
    ];
  } finally {
    await store.close();
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-assets-'));
const results: Row[] = [];
try {
  results.push(...(await run('sqlite', { dataDir })));
  const cluster = startPostgres(PG_PORT);
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE parley_bench_assets');
    await admin.end();
    const url = new URL(cluster.url);
    url.pathname = '/parley_bench_assets';
    results.push(...(await run('postgres', { dataDir, databaseUrl: url.toString() })));
  } finally {
    cluster.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(
  `${UNITS} units, en→es, one tag pair and one placeholder each; Node ${process.version}`,
);
console.table(results);
