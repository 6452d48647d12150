// Three proxies (real child processes) on one PostgreSQL, as behind a load balancer: 300 replies,
// machine and review, spread over them; translators signed in on one instance claim and approve
// through the others; some reviewed replies pass their due time and every instance's SLA check
// races for them; one instance is SIGKILLed while a reply it posts is stored by the helpdesk but
// not yet answered, and restarted while the others carry on. Every reply is posted exactly once,
// every transition is recorded once, and no job is left on its way.
import { execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_TENANT_ID } from '@parley/translation-proxy/plugins/auth';
import { hashPassword } from '@parley/translation-proxy/queue/passwords';
import { createSecretBox } from '@parley/translation-proxy/secrets';
import { openStore, type Store } from '@parley/translation-proxy/store/index';
import { serveOnLocalhost, type Outcome } from '../msw/helpdesk-standin.js';
import { zendeskApi } from '../msw/zendesk.js';
import { DEV_KEY, TEST_PASSWORD_COST } from '../support/proxy.js';
import { freshPostgresUrl, tempDir } from '../support/stores.js';
import { exited, startProxyProcess, stopProxyProcess, untilReady } from './proxy-process.js';
import { TEST_SECRET_KEY, ZENDESK } from './replies-support.js';

const PROXY_PORTS = [18430, 18431, 18432];
const HELPDESK_PORT = 18433;
const urls = PROXY_PORTS.map((port) => `http://127.0.0.1:${port}`);
const zendesk = zendeskApi({ ...ZENDESK, origin: `http://127.0.0.1:${HELPDESK_PORT}` });
const REPLIES = 300;
/** Every third reply goes to review; every fifth of those is left to its SLA. */
const isReview = (i: number) => i % 3 === 0;
const leftToSla = (i: number) => isReview(i) && i % 5 === 0;
const drafts = [
  '<p>Your replacement ships tomorrow.</p>',
  '<p>We have refunded the second charge; it shows on your statement within five days.</p>',
  '<p>Thank you for your patience. The courier will call before delivery.</p>',
];

let databaseUrl: string;
let store: Store;
let helpdesk: Awaited<ReturnType<typeof serveOnLocalhost>>;
const children: (ChildProcess | undefined)[] = [];
/** When set, the next PUT is stored by Zendesk and never answered; its sender's port is told. */
let holdNextPost: ((clientPort: number) => void) | undefined;

const start = (index: number) => {
  children[index] = startProxyProcess(PROXY_PORTS[index] as number, {
    DATABASE_URL: databaseUrl,
    PARLEY_DATA_DIR: tempDir('parley-multi-'),
    PARLEY_DEV_API_KEY: DEV_KEY,
    PARLEY_SECRET_KEY: TEST_SECRET_KEY,
    PARLEY_ALLOW_HTTP_HELPDESK: '1',
    PARLEY_REPLY_WORKER_INTERVAL_MS: '100',
    PARLEY_OUTBOX_RETRY_BASE_MS: '50',
    // A dead proxy's lock on its outbox entries lasts four of these and a second.
    PARLEY_HELPDESK_TIMEOUT_MS: '3000',
    PARLEY_RATE_LIMIT_PER_MINUTE: '100000',
  });
};

const alive = (index: number) => {
  const child = children[index];
  return child !== undefined && child.exitCode === null && child.signalCode === null;
};

/** The pid of the process whose connection to the helpdesk has local port `port` (`ss` says). */
function pidOnPort(port: number): number | undefined {
  const filter = `sport = :${port} and dport = :${HELPDESK_PORT}`;
  const out = execFileSync('ss', ['-Htnp', 'state', 'all', filter], { encoding: 'utf8' });
  const match = /pid=(\d+)/.exec(out);
  return match ? Number(match[1]) : undefined;
}

/**
 * Holds the next PUT (stored, never answered) and SIGKILLs the instance that sent it. A sender
 * already gone (its helpdesk call timed out first on a busy machine) is not a kill in the window:
 * the next PUT is held instead.
 */
function killNextPoster(killed: (index: number) => void): void {
  holdNextPost = (clientPort) => {
    const pid = pidOnPort(clientPort);
    const index = children.findIndex((child) => pid !== undefined && child?.pid === pid);
    if (index < 0) return killNextPoster(killed);
    children[index]?.kill('SIGKILL');
    killed(index);
  };
}

/**
 * Sends to instance `preferred`, or to the next one when it does not answer — what a load
 * balancer does with a dead backend. Safe to resend: replies carry an Idempotency-Key.
 */
async function send(preferred: number, path: string, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 0; attempt < 3 * PROXY_PORTS.length; attempt++) {
    const index = (preferred + attempt) % PROXY_PORTS.length;
    if (!alive(index)) continue;
    try {
      return await fetch(`${urls[index]}${path}`, init);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`no proxy answered ${path}`);
}

async function signIn(index: number, email: string, password: string) {
  const response = await send(index, '/v1/queue/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  const cookie = String(response.headers.get('set-cookie')).split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

async function createReply(i: number): Promise<string> {
  const response = await send(i % 3, '/v1/replies', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${DEV_KEY}`,
      'content-type': 'application/json',
      'idempotency-key': `multi-proxy-${i}`,
    },
    body: JSON.stringify({
      helpdesk: 'zendesk',
      ticketId: String(20_000 + i),
      authorId: '3721',
      draft: drafts[i % drafts.length],
      format: 'html',
      source: 'en',
      target: 'es',
      mode: isReview(i) ? 'review' : 'machine',
    }),
  });
  expect(response.status).toBeLessThan(300);
  return ((await response.json()) as { id: string }).id;
}

/** Claims and approves through `instance` (not the one the translator signed in on). */
async function review(instance: number, headers: Record<string, string>, id: string) {
  const claimed = await send(instance, `/v1/queue/jobs/${id}/claim`, { method: 'POST', headers });
  expect(claimed.status).toBe(200);
  let dismissed: string[] = [];
  for (;;) {
    const submitted = await send(instance + 1, `/v1/queue/jobs/${id}/submit`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ segments: [], dismissed }),
    });
    if (submitted.status === 200) return;
    // Warnings the translator reads and dismisses; errors would fail the test below.
    expect(submitted.status).toBe(422);
    const { qa } = (await submitted.json()) as { qa: { code: string; severity: string }[] };
    expect(qa.filter((issue) => issue.severity === 'error')).toEqual([]);
    dismissed = qa.map((issue) => issue.code);
  }
}

beforeAll(async () => {
  databaseUrl = await freshPostgresUrl();
  store = await openStore({ dataDir: tempDir(), databaseUrl });
  await store.tenants.ensure(DEV_TENANT_ID, 'Development');
  await store.replySettings.set(DEV_TENANT_ID, { slaMinutes: 240, fallbackPolicy: 'post_machine' });
  await store.helpdeskConnections.setSealedCredentials(
    DEV_TENANT_ID,
    'zendesk',
    createSecretBox(Buffer.from(TEST_SECRET_KEY, 'hex')).seal(
      JSON.stringify({ ...ZENDESK, baseUrl: zendesk.origin }),
    ),
  );
  for (let i = 0; i < REPLIES; i++) zendesk.addTicket(String(20_000 + i));
  helpdesk = await serveOnLocalhost(async (request, clientPort) => {
    const hold = request.method === 'PUT' ? holdNextPost : undefined;
    if (!hold) return zendesk.handle(request);
    holdNextPost = undefined;
    await zendesk.handle(request);
    hold(clientPort);
    return new Promise<Outcome>(() => undefined);
  }, HELPDESK_PORT);
  PROXY_PORTS.forEach((_, index) => start(index));
  // Three proxies loading at once on two busy cores can take a while.
  await Promise.all(urls.map((url) => untilReady(url, 150_000)));
}, 180_000);

afterAll(async () => {
  await Promise.all(children.map((child) => stopProxyProcess(child)));
  await helpdesk?.close();
  await store?.close();
});

describe('three proxies on one PostgreSQL', () => {
  it('post every reply exactly once through a SIGKILL, with each transition recorded once', async () => {
    const translators = await Promise.all(
      [0, 1, 2].map(async (index) => {
        const email = `translator${index}@agency.example`;
        const password = `pw-multi-proxy-${index}`;
        const translator = await store.translators.create({
          email,
          name: `Translator ${index}`,
          passwordHash: await hashPassword(password, TEST_PASSWORD_COST),
        });
        await store.translators.assign(
          translator.id,
          [DEV_TENANT_ID],
          [{ source: 'en', target: 'es' }],
        );
        return signIn(index, email, password);
      }),
    );

    // Replies arrive ten at a time, spread over the instances.
    const ids: string[] = [];
    let victim: number | undefined;
    for (let batch = 0; batch < REPLIES; batch += 10) {
      // From here, the next reply any instance posts is stored by Zendesk and never answered:
      // its sender is killed there, between the helpdesk's work and the proxy's record of it.
      const killed = batch === 120 ? new Promise<number>(killNextPoster) : undefined;
      const created = await Promise.all(
        Array.from({ length: 10 }, (_, k) => createReply(batch + k)),
      );
      ids.push(...created);
      if (killed) {
        victim = await killed;
        expect(victim).toBeGreaterThanOrEqual(0);
        await exited(children[victim] as ChildProcess);
      }
      // The killed instance comes back while replies keep arriving (the others serve meanwhile).
      if (batch === 150 && victim !== undefined) start(victim);
    }
    expect(victim).toBeDefined();
    await untilReady(urls[victim as number] as string, 150_000);

    // Time passes for the replies left to their SLA: every instance's check races for them.
    const overdue = ids.filter((_, i) => leftToSla(i));
    for (const id of overdue)
      await store.db.execute('UPDATE reply_jobs SET due_at = ? WHERE id = ?', [Date.now() - 1, id]);

    // Each translator reviews a third of the rest, through the instances they did not sign in on.
    const reviewed = ids.filter((_, i) => isReview(i) && !leftToSla(i));
    await Promise.all(
      translators.map(async (headers, t) => {
        for (const id of reviewed.filter((_, k) => k % 3 === t)) await review(t + 1, headers, id);
      }),
    );

    // Every job reaches the helpdesk (or fails visibly) within the deadline.
    const deadline = Date.now() + 40_000;
    let open = ids.length;
    while (Date.now() < deadline) {
      const [row] = await store.db.query<{ open: number }>(
        `SELECT COUNT(*) AS open FROM reply_jobs WHERE posted_comment_id IS NULL AND status <> 'failed'`,
      );
      open = Number(row?.open);
      if (open === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(open).toBe(0);

    const jobs = await store.db.query<{ id: string; status: string; ticket_id: string }>(
      'SELECT id, status, ticket_id FROM reply_jobs',
    );
    expect(jobs).toHaveLength(REPLIES);
    const statusOf = new Map(jobs.map((job) => [job.id, job.status]));
    expect(ids.map((id, i) => statusOf.get(id) === (leftToSla(i) ? 'fallback' : 'posted'))).toEqual(
      ids.map(() => true),
    );
    // Exactly once on the helpdesk: each ticket has one public reply and one internal note.
    for (const job of jobs)
      expect(zendesk.tickets.get(job.ticket_id)?.map((comment) => comment.public)).toEqual([
        true,
        false,
      ]);
    const outbox = await store.db.query<{ status: string; entries: number }>(
      'SELECT status, COUNT(*) AS entries FROM outbox GROUP BY status',
    );
    expect(outbox.map((row) => [row.status, Number(row.entries)])).toEqual([['done', REPLIES]]);

    // Each transition once per job: created, posted; claimed and approved for the reviewed ones,
    // the SLA fallback for the overdue ones.
    const events = await store.db.query<{ job_id: string; kind: string; times: number }>(
      'SELECT job_id, kind, COUNT(*) AS times FROM job_events GROUP BY job_id, kind',
    );
    const recorded = new Map<string, Record<string, number>>();
    for (const event of events)
      recorded.set(event.job_id, {
        ...recorded.get(event.job_id),
        [event.kind]: Number(event.times),
      });
    const expected = (i: number): Record<string, number> =>
      leftToSla(i)
        ? { created: 1, sla_fallback: 1, posted: 1 }
        : isReview(i)
          ? { created: 1, claimed: 1, approved: 1, posted: 1 }
          : { created: 1, posted: 1 };
    expect(ids.map((id) => recorded.get(id))).toEqual(ids.map((_, i) => expected(i)));
  }, 300_000);
});
