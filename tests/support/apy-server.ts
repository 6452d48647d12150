/**
 * Starts a real Apertium APy server (Debian's `apertium-apy`, serving the installed pairs) for
 * tests and benchmarks, bound to 127.0.0.1 only: APy itself binds every interface, so its
 * server's `bind` is wrapped to pass the loopback address. Its pipelines are not restarted
 * (APy's default restarts one every 1,000 requests): a benchmark's warm-up and runs pass that, and
 * a restart inside a measured run would cost APy half a second and its CPU figure its processes.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const LAUNCH = `
import sys
port = sys.argv[1]
sys.argv = ['apertium-apy', '-p', port, '-j', '1', '-r', '1000000000', '/usr/share/apertium/modes']
import tornado.tcpserver as tcp
bind = tcp.TCPServer.bind
tcp.TCPServer.bind = lambda self, port, address=None, *args, **kwargs: bind(self, port, '127.0.0.1', *args, **kwargs)
from apertium_apy.apy import main
main()
`;

export interface ApyServer {
  url: string;
  /** The server's process id (its pipelines are its children). */
  pid: number;
  stop(): Promise<void>;
}

export async function startApy(port: number, timeoutMs = 30_000): Promise<ApyServer> {
  // Debian's python has APy's modules; a python earlier on PATH (pyenv) may not.
  const child = spawn('/usr/bin/python3', ['-c', LAUNCH, String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2_000);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null)
      throw new Error(`apertium-apy exited (${child.exitCode}): ${stderr}`);
    try {
      const response = await fetch(`${url}/listPairs`);
      if (response.ok) return { url, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await stop();
  throw new Error(`apertium-apy did not answer on ${url} within ${timeoutMs} ms: ${stderr}`);
}
