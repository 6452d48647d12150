/**
 * The proxy as a real child process, for tests that kill it and for benchmarks: start it on a
 * port with its settings, wait until it answers, and wait for it to be gone.
 */
import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The proxy's server in a process of its own: from the TypeScript sources by default, or as `npm
 * start` runs it, compiled (`translation-proxy/dist`, built beforehand by `tsc -b`), for benchmarks.
 */
export function startProxyProcess(
  port: number,
  env: Record<string, string>,
  { compiled = false }: { compiled?: boolean } = {},
): ChildProcess {
  return spawn(
    process.execPath,
    compiled
      ? ['translation-proxy/dist/server.js']
      : ['--conditions=source', '--import', 'tsx', 'translation-proxy/src/server.ts'],
    {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

export async function untilReady(url: string, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the proxy at ${url} did not start`);
}

export const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/** Stops a child still running (SIGTERM, a graceful shutdown) and waits for it. */
export async function stopProxyProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await exited(child);
}
