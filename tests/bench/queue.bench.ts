/**
 * `npm run bench:queue`: the post-edit queue under 50 translators working at once, on SQLite and
 * on PostgreSQL. Each translator lists the queue, claims one it sees at random (so some collide),
 * and approves it unchanged through the HTTP API (session, CSRF, QA, approval + outbox entry in
 * one transaction, memory write). Reports claims/s, approvals/s, refused claims (409) and double
 * claims — a job held by two translators at once, counted from the audit trail — which must be 0.
 * The machine translation comes from an instant stand-in engine, and the outbox worker is stopped,
 * so the figures are the queue's own. Talks only to 127.0.0.1 (PostgreSQL on port 18420).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { pino } from 'pino';
import { composeProxy, type Proxy } from '@parley/translation-proxy/compose';
import { loadConfig } from '@parley/translation-proxy/config';
import type { TranslationEngine } from '@parley/translation-proxy/engines/engine';
import { hashPassword } from '@parley/translation-proxy/queue/passwords';
import { DEV_TENANT_ID } from '@parley/translation-proxy/plugins/auth';
import { startPostgres } from '../setup/postgres.js';
import { percentile } from './stats.js';

const TRANSLATORS = 50;
const JOBS = Number(process.env.BENCH_QUEUE_JOBS ?? 1000);
const PG_PORT = 18420;
const DEV_KEY = 'bench-dev-key-0123456789';

const DRAFTS = [
  '<p>Hi {{ticket.requester.first_name}}, your order ORD-{n}-B has shipped.</p>',
  '<p>We refunded 19.99 € to your card today; it takes {n} days to appear.</p>',
  '<p>Please restart the app and <b>sign in again</b> (ticket {n}).</p>',
  '<p>Your replacement ships tomorrow from our warehouse number {n}.</p>',
];

// Takes the embedded engine's id, which the default tenant settings route to.
const instant: TranslationEngine = {
  id: 'apertium',
  pairs: async () => [{ source: 'en', target: 'es' }],
  healthy: async () => true,
  close: async () => {},
  async translate(request) {
    return {
      segments: request.segments.map((segment) => `[es] ${segment}`),
      billedCharacters: request.segments.join('').length,
    };
  },
};

interface Figures {
  backend: string;
  jobs: number;
  seconds: number;
  claimsPerSecond: number;
  approvalsPerSecond: number;
  refusedClaims: number;
  doubleClaims: number;
  claimP50: number;
  claimP95: number;
  approveP50: number;
  approveP95: number;
}

async function run(backend: string, env: Record<string, string>): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-queue-'));
  const config = loadConfig({
    PARLEY_DATA_DIR: dataDir,
    PARLEY_DEV_API_KEY: DEV_KEY,
    LOG_LEVEL: 'silent',
    PARLEY_RATE_LIMIT_PER_MINUTE: '1000000',
    ...env,
  });
  const proxy: Proxy = await composeProxy(config, pino({ level: 'silent' }), {
    sharedEngines: [instant],
  });
  await proxy.replyWorkers.stop();
  try {
    for (let n = 0; n < JOBS; n++) {
      const response = await proxy.app.inject({
        method: 'POST',
        url: '/v1/replies',
        headers: { authorization: `Bearer ${DEV_KEY}` },
        payload: {
          helpdesk: 'zendesk',
          ticketId: String(10_000 + n),
          draft: (DRAFTS[n % DRAFTS.length] ?? '').replace('{n}', String(n)),
          format: 'html',
          source: 'en',
          target: 'es',
          mode: 'review',
        },
      });
      if (response.statusCode !== 201) throw new Error(`creating a job: ${response.body}`);
    }
    const passwordHash = await hashPassword('bench-password-1');
    const sessions = await Promise.all(
      Array.from({ length: TRANSLATORS }, async (_, i) => {
        const email = `t${i}@bench.example`;
        const translator = await proxy.store.translators.create({
          email,
          name: `T${i}`,
          passwordHash,
        });
        await proxy.store.translators.assign(
          translator.id,
          [DEV_TENANT_ID],
          [{ source: 'en', target: 'es' }],
        );
        const login = await proxy.app.inject({
          method: 'POST',
          url: '/v1/queue/login',
          payload: { email, password: 'bench-password-1' },
          // Sign-in is rate limited per address; each translator has their own.
          remoteAddress: `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`,
        });
        return {
          cookie: String(login.headers['set-cookie']).split(';')[0] ?? '',
          'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken,
        };
      }),
    );

    let claims = 0;
    let approvals = 0;
    let refused = 0;
    const claimTimes: number[] = [];
    const approveTimes: number[] = [];
    const started = performance.now();
    await Promise.all(
      sessions.map(async (headers) => {
        for (;;) {
          const list = await proxy.app.inject({
            method: 'GET',
            url: '/v1/queue/jobs',
            headers,
          });
          const open = (list.json() as { jobs: { id: string; status: string }[] }).jobs.filter(
            (job) => job.status === 'queued',
          );
          if (open.length === 0) return;
          // Any job the translator sees (the first 100 by due time): with 50 translators picking
          // at once, some pick the same one, and all but one of them must be refused.
          const pick = open[Math.floor(Math.random() * open.length)];
          if (!pick) return;
          const t0 = performance.now();
          const claim = await proxy.app.inject({
            method: 'POST',
            url: `/v1/queue/jobs/${pick.id}/claim`,
            headers,
          });
          claimTimes.push(performance.now() - t0);
          if (claim.statusCode === 409) {
            refused++;
            continue;
          }
          if (claim.statusCode !== 200) throw new Error(`claim: ${claim.body}`);
          claims++;
          const job = (claim.json() as { job: { segments: { index: number; target: string }[] } })
            .job;
          const t1 = performance.now();
          const submit = await proxy.app.inject({
            method: 'POST',
            url: `/v1/queue/jobs/${pick.id}/submit`,
            headers,
            payload: {
              segments: job.segments.map(({ index, target }) => ({ index, target })),
              dismissed: ['number_mismatch', 'tags_unbalanced', 'term_missing'],
            },
          });
          approveTimes.push(performance.now() - t1);
          if (submit.statusCode !== 200) throw new Error(`submit: ${submit.body}`);
          approvals++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    // A double claim: a job claimed more than once with no release or lease expiry in between.
    const events = await proxy.store.db.query<{ job_id: string; kind: string }>(
      `SELECT job_id, kind FROM job_events WHERE kind IN ('claimed', 'released', 'lease_expired') ORDER BY job_id, at`,
    );
    let doubleClaims = 0;
    const holding = new Map<string, boolean>();
    for (const event of events) {
      if (event.kind === 'claimed') {
        if (holding.get(event.job_id)) doubleClaims++;
        holding.set(event.job_id, true);
      } else holding.set(event.job_id, false);
    }
    const [approved] = await proxy.store.db.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM reply_jobs WHERE status = 'approved'`,
    );
    if (Number(approved?.n) !== JOBS) throw new Error(`only ${approved?.n} of ${JOBS} approved`);
    claimTimes.sort((a, b) => a - b);
    approveTimes.sort((a, b) => a - b);
    return {
      backend,
      jobs: JOBS,
      seconds: Number(seconds.toFixed(2)),
      claimsPerSecond: Math.round(claims / seconds),
      approvalsPerSecond: Math.round(approvals / seconds),
      refusedClaims: refused,
      doubleClaims,
      claimP50: Number(percentile(claimTimes, 50).toFixed(1)),
      claimP95: Number(percentile(claimTimes, 95).toFixed(1)),
      approveP50: Number(percentile(approveTimes, 50).toFixed(1)),
      approveP95: Number(percentile(approveTimes, 95).toFixed(1)),
    };
  } finally {
    await proxy.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const results: Figures[] = [await run('sqlite', {})];
const cluster = startPostgres(PG_PORT);
try {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE parley_bench_queue');
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = '/parley_bench_queue';
  results.push(await run('postgres', { DATABASE_URL: url.toString() }));
} finally {
  cluster.stop();
}
console.table(results);
if (results.some((result) => result.doubleClaims > 0)) {
  console.error('DOUBLE CLAIMS: two translators held the same job');
  process.exitCode = 1;
}
