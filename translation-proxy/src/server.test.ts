// The server process: starts from the environment, serves, and shuts down gracefully on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { DEV_KEY } from '../../tests/support/proxy.js';
import { tempDir } from '../../tests/support/stores.js';

const PORT = 18_021;
const base = `http://127.0.0.1:${PORT}`;
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

function start(env: Record<string, string>): ChildProcess {
  const server = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', new URL('./server.ts', import.meta.url).pathname],
    {
      env: {
        ...process.env,
        PORT: String(PORT),
        LOG_LEVEL: 'info',
        PARLEY_DATA_DIR: tempDir(),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child = server;
  return server;
}

/** Collects the server's stdout and resolves once it says it is ready. */
function logsUntilReady(server: ChildProcess): { ready: Promise<void>; text: () => string } {
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk) => {
      output += String(chunk);
      if (output.includes('translation proxy ready')) resolve();
    });
    server.once('exit', () => reject(new Error(`server exited before it was ready: ${output}`)));
  });
  return { ready, text: () => output };
}

// Each case starts a server process through tsx, a few seconds apiece on a busy machine.
describe('server process', { timeout: 60_000 }, () => {
  it('refuses to start on invalid configuration, saying which setting is wrong', async () => {
    const server = start({ PORT: 'eighty' });
    let stderr = '';
    server.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    const [code] = await once(server, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain('PORT must be a whole number');
  });

  it('finishes a request in flight when told to stop, then exits cleanly', async () => {
    const server = start({ PARLEY_DEV_API_KEY: DEV_KEY });
    const logs = logsUntilReady(server);
    await logs.ready;
    const inFlight = fetch(`${base}/v1/translate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEV_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        text: 'We are sorry for the inconvenience. Your replacement ships tomorrow.',
        source: 'en',
        target: 'es',
      }),
    });
    // Signal only once the server has logged the request as arrived.
    while (!logs.text().includes('incoming request'))
      await new Promise((resolve) => setTimeout(resolve, 5));
    server.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect((await response.json()).translation).toBeTruthy();
    const [code] = await once(server, 'exit');
    expect(code).toBe(0);
  });

  it('logs requests without the API key or the customer text', async () => {
    const server = start({ PARLEY_DEV_API_KEY: DEV_KEY });
    const logs = logsUntilReady(server);
    await logs.ready;
    const secretText = 'My card number is on file, please refund order ORD-55555-Z';
    const response = await fetch(`${base}/v1/translate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEV_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: secretText, source: 'en', target: 'es' }),
    });
    expect(response.status).toBe(200);
    server.kill('SIGTERM');
    await once(server, 'exit');
    expect(logs.text()).toContain('/v1/translate');
    expect(logs.text()).not.toContain(DEV_KEY);
    expect(logs.text()).not.toContain('ORD-55555-Z');
  });

  it('refuses to start with the development key on an interface other machines can reach', async () => {
    const server = start({ HOST: '0.0.0.0', PARLEY_DEV_API_KEY: DEV_KEY });
    let stderr = '';
    server.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    const [code] = await once(server, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain('PARLEY_DEV_API_KEY is for local development');
  });

  it('serves /metrics on its own port when PARLEY_METRICS_PORT is set', async () => {
    const server = start({ PARLEY_METRICS_PORT: String(PORT + 1) });
    await logsUntilReady(server).ready;
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    const metrics = await fetch(`http://127.0.0.1:${PORT + 1}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('parley_http_requests_total');
    server.kill('SIGTERM');
    const [code] = await once(server, 'exit');
    expect(code).toBe(0);
  });
});
