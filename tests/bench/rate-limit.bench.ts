/**
 * `npm run bench:rate-limit`: what the per-tenant rate limit shared through PostgreSQL adds to a
 * request. Prints, side by side, the latency of one count in the shared counter table (the one
 * UPSERT each `/v1` request now makes on PostgreSQL) and of a whole `GET /v1/languages` on a
 * proxy over PostgreSQL (shared limiter) and over SQLite (in-memory limiter). Requests are sent
 * one at a time through `inject`, so no network is measured. PostgreSQL on 127.0.0.1:18475.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { composeProxy, type Proxy } from '@parley/translation-proxy/compose';
import { loadConfig } from '@parley/translation-proxy/config';
import { startPostgres } from '../setup/postgres.js';
import { sequentialLatency, type LatencyFigures } from './stats.js';

const PG_PORT = 18475;
const REQUESTS = Number(process.env.BENCH_RATE_LIMIT_REQUESTS ?? 2000);
const DEV_KEY = 'bench-dev-key-0123456789';

async function proxyOn(databaseUrl: string | undefined, dataDir: string): Promise<Proxy> {
  const config = loadConfig({
    PARLEY_DATA_DIR: dataDir,
    PARLEY_DEV_API_KEY: DEV_KEY,
    PARLEY_RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  return composeProxy(config, pino({ level: 'silent' }), { sharedEngines: [] });
}

const languages = (proxy: Proxy) => () =>
  proxy.app.inject({ url: '/v1/languages', headers: { authorization: `Bearer ${DEV_KEY}` } });

const row = (label: string, figures: LatencyFigures) =>
  `${label.padEnd(52)} p50 ${figures.p50.toFixed(3).padStart(7)} ms   p95 ${figures.p95
    .toFixed(3)
    .padStart(7)} ms`;

async function main(): Promise<void> {
  const cluster = startPostgres(PG_PORT);
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-rate-'));
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE parley_rate_bench');
    await admin.end();
    const url = new URL(cluster.url);
    url.pathname = '/parley_rate_bench';
    const onPostgres = await proxyOn(url.toString(), join(dataDir, 'pg'));
    const onSqlite = await proxyOn(undefined, join(dataDir, 'sqlite'));
    const items = Array.from({ length: REQUESTS }, (_, i) => i);
    // Warm both up (JIT, connection pool, first window row).
    for (const proxy of [onPostgres, onSqlite])
      await sequentialLatency(items.slice(0, 200), languages(proxy));

    const count = await sequentialLatency(items, () =>
      onPostgres.store.rateLimits.hit('tenant:bench', 60_000),
    );
    const pgRequest = await sequentialLatency(items, languages(onPostgres));
    const sqliteRequest = await sequentialLatency(items, languages(onSqlite));
    await onPostgres.close();
    await onSqlite.close();

    console.log(`rate limit, ${REQUESTS} sequential calls each`);
    console.log(row('one count in rate_limit_windows (PostgreSQL UPSERT)', count));
    console.log(row('GET /v1/languages, PostgreSQL, shared limit', pgRequest));
    console.log(row('GET /v1/languages, SQLite, in-memory limit', sqliteRequest));
  } finally {
    cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
