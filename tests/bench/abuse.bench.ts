/**
 * `npm run bench:abuse`: hostile requests within the documented limits (issue 11), one at a
 * time, against a proxy started as its own process on the embedded Apertium engine, while
 * `/healthz` is probed over HTTP without pause. Prints per case the answer, the request time and
 * the worst `/healthz` wait beside each other: a long wait means the request blocked the event
 * loop for everyone. Target: every case answers within 1.5 s, no wait over 300 ms.
 * Talks only to 127.0.0.1 (proxy on port 18430).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEV_TENANT_ID } from '@parley/translation-proxy/plugins/auth';
import { hashPassword } from '@parley/translation-proxy/queue/passwords';
import { openStore } from '@parley/translation-proxy/store/index';

const PORT = 18430;
const BASE = `http://127.0.0.1:${PORT}`;
const DEV_KEY = 'bench-abuse-key-0123456789';
const RUNS = Number(process.env.BENCH_ABUSE_RUNS ?? 3);
/** Runs only the cases whose name contains this, e.g. `BENCH_ABUSE_ONLY=segments`. */
const ONLY = process.env.BENCH_ABUSE_ONLY ?? '';
const TRANSLATOR = {
  email: 'bench@translators.example',
  password: randomBytes(12).toString('hex'),
};

interface Answer {
  status: number;
  body: string;
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer & { headers: Headers }> {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${DEV_KEY}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

function startProxy(dataDir: string): ChildProcess {
  return spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'translation-proxy/src/server.ts'],
    {
      cwd: new URL('../..', import.meta.url).pathname,
      env: {
        ...process.env,
        PORT: String(PORT),
        PARLEY_DATA_DIR: dataDir,
        PARLEY_DEV_API_KEY: DEV_KEY,
        PARLEY_RATE_LIMIT_PER_MINUTE: '1000000',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

async function untilReady(): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (
      await fetch(`${BASE}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the proxy did not start');
}

/** Runs `request` while probing /healthz back to back; the longest probe is the worst wait. */
async function measure(request: () => Promise<Answer>) {
  let running = true;
  let worstWait = 0;
  const probing = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${BASE}/healthz`).then((r) => r.arrayBuffer());
      worstWait = Math.max(worstWait, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const started = performance.now();
  const answer = await request();
  const requestMs = performance.now() - started;
  running = false;
  await probing;
  return { answer, requestMs, worstWait };
}

/** An agent's long reply: about 325 sentences of 60 characters. */
const longReply = (characters: number) =>
  Array.from(
    { length: Math.ceil(characters / 60) },
    (_, index) => `Your parcel number ${index} left our warehouse today, on its way.`,
  )
    .join(' ')
    .slice(0, characters);

interface Case {
  name: string;
  /** `attempt` numbers the runs of a case, so that each can bring text the memory has not seen. */
  run: (attempt: number) => Promise<Answer>;
}

function detectCases(): Case[] {
  const detect = (text: string) => () => call('POST', '/v1/detect', { text });
  return [
    { name: 'detect · 20,000 letters', run: detect('a'.repeat(20_000)) },
    { name: 'detect · word + 19,990 spaces + word', run: detect(`hola${' '.repeat(19_990)}x`) },
    { name: 'detect · word + 19,990 dots + word', run: detect(`hola${'.'.repeat(19_990)} x`) },
    { name: 'detect · 10,000 × "a1" (digit tokens)', run: detect('a1'.repeat(10_000)) },
    {
      name: 'detect · "<" + 9,990 × "a@" header line',
      run: detect(`<${'a@'.repeat(9_990)}>:`),
    },
  ];
}

function translateCases(): Case[] {
  const translate = (payload: object) => () =>
    call('POST', '/v1/translate', { source: 'en', target: 'es', ...payload });
  const terms = (count: number, length: number) =>
    Array.from({ length: count }, (_, index) => ({
      source: `${'a'.repeat(length - 1 - String(index).length)}b${index}`,
    }));
  // Distinct three-letter sentences ("Abc."): 4,000 memory rows in 19,500 characters.
  const word = (n: number) =>
    String.fromCharCode(65 + (n % 26), 97 + (Math.floor(n / 26) % 26), 97 + Math.floor(n / 676));
  const segments = (count: number, attempt: number) =>
    Array.from({ length: count }, (_, index) => ({
      id: `s${index}`,
      text: Array.from({ length: 8 }, (_, n) => `${word((attempt * count + index) * 8 + n)}.`).join(
        ' ',
      ),
    }));
  return [
    {
      name: 'translate · 100 terms × 100 chars, 20,000 letters',
      run: translate({ text: 'a'.repeat(20_000), glossary: terms(100, 100) }),
    },
    {
      name: 'translate · 200 terms × 200 chars (over the cap)',
      run: translate({ text: 'a'.repeat(20_000), glossary: terms(200, 200) }),
    },
    {
      name: 'translate · word + 19,985 dots + sentence',
      run: translate({ text: `Hello${'.'.repeat(19_985)} Thanks.` }),
    },
    {
      name: 'translate · URL + 19,900 dots',
      run: translate({ text: `See https://shop.example/track${'.'.repeat(19_900)} now` }),
    },
    {
      name: 'translate · text + 19,980 trailing spaces',
      run: translate({ text: `Thanks for waiting${' '.repeat(19_980)}` }),
    },
    {
      name: 'translate · 500 segments, 4,000 new sentences',
      run: (attempt) => translate({ segments: segments(500, attempt) })(),
    },
    {
      name: 'translate · 600 segments (over the cap)',
      run: (attempt) => translate({ segments: segments(600, attempt) })(),
    },
  ];
}

interface Session {
  headers: Record<string, string>;
}

async function signIn(): Promise<Session> {
  const login = await call('POST', '/v1/queue/login', TRANSLATOR);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = JSON.parse(login.body) as { csrfToken: string };
  return { headers: { cookie, 'x-csrf-token': csrfToken } };
}

/** A fresh review job of about 19,500 characters, claimed: its id and masked source segments. */
async function claimedJob(session: Session, ticket: number) {
  const created = await call('POST', '/v1/replies', {
    helpdesk: 'zendesk',
    ticketId: String(ticket),
    draft: longReply(19_500),
    format: 'text',
    source: 'en',
    target: 'es',
    mode: 'review',
  });
  if (created.status !== 201)
    throw new Error(`creating the job: ${created.status} ${created.body}`);
  const { id } = JSON.parse(created.body) as { id: string };
  const claim = await call('POST', `/v1/queue/jobs/${id}/claim`, undefined, session.headers);
  const { job } = JSON.parse(claim.body) as { job: { segments: { source: string }[] } };
  return { id, sources: job.segments.map((segment) => segment.source) };
}

async function submitCases(): Promise<Case[]> {
  const session = await signIn();
  let ticket = 9000;
  const submit = (targets: (sources: string[]) => { index: number; target: string }[]) => ({
    async run() {
      const { id, sources } = await claimedJob(session, ticket++);
      return { id, body: { segments: targets(sources) } };
    },
  });
  const cases = [
    {
      name: 'submit · one 100 KB segment, 19.5k-char job',
      ...submit(() => [{ index: 0, target: 'Hola '.repeat(20_000) }]),
    },
    {
      name: 'submit · every segment rewritten to its cap',
      ...submit((sources) =>
        sources.map((source, index) => ({
          index,
          target: 'Gracias por esperar. '.repeat(200).slice(0, 3 * source.length + 200),
        })),
      ),
    },
  ];
  // The job is made before the clock starts: only the submission is measured.
  return cases.map(({ name, run }) => {
    let prepared: Promise<{ id: string; body: object }> | undefined;
    return {
      name,
      prepare: () => (prepared = run()),
      run: async () => {
        const { id, body } = await (prepared ?? run());
        return call('POST', `/v1/queue/jobs/${id}/submit`, body, session.headers);
      },
    };
  });
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-abuse-'));
  const store = await openStore({ dataDir });
  await store.tenants.ensure(DEV_TENANT_ID, 'Development');
  const translator = await store.translators.create({
    email: TRANSLATOR.email,
    name: 'bench',
    passwordHash: await hashPassword(TRANSLATOR.password),
  });
  await store.translators.assign(translator.id, [DEV_TENANT_ID], [{ source: 'en', target: 'es' }]);
  await store.close();

  const proxy = startProxy(dataDir);
  try {
    await untilReady();
    // Warm up Apertium and the detector before anything is timed.
    await call('POST', '/v1/translate', { text: 'Hello there.', source: 'en', target: 'es' });
    await call('POST', '/v1/detect', { text: 'Hola, ¿dónde está mi pedido?' });
    const idle = await measure(
      () => new Promise((resolve) => setTimeout(() => resolve({ status: 0, body: '' }), 1_000)),
    );
    console.log(`Idle /healthz worst wait over 1 s: ${idle.worstWait.toFixed(0)} ms`);
    console.log(`Each case ${RUNS}×: median request time, worst /healthz wait over all runs.\n`);
    console.log(
      `${'case'.padEnd(52)} ${'answer'.padEnd(22)} ${'request ms'.padStart(10)} ${'/healthz worst ms'.padStart(18)}`,
    );
    const cases: (Case & { prepare?: () => unknown })[] = [
      ...detectCases(),
      ...translateCases(),
      ...(await submitCases()),
    ];
    for (const benchCase of cases.filter(({ name }) => name.includes(ONLY))) {
      const times: number[] = [];
      let worst = 0;
      let answer = '';
      for (let run = 0; run < RUNS; run++) {
        await benchCase.prepare?.();
        const measured = await measure(() => benchCase.run(run));
        times.push(measured.requestMs);
        worst = Math.max(worst, measured.worstWait);
        const code = /"code":"([a-z_]+)"/.exec(measured.answer.body)?.[1];
        answer = `${measured.answer.status}${code ? ` ${code}` : ''}`;
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)] ?? 0;
      console.log(
        `${benchCase.name.padEnd(52)} ${answer.padEnd(22)} ${median.toFixed(0).padStart(10)} ${worst.toFixed(0).padStart(18)}`,
      );
    }
  } finally {
    proxy.kill('SIGTERM');
    await new Promise((resolve) => proxy.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
