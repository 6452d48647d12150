/**
 * Starts a real Parley proxy (embedded Apertium, SQLite in a temporary folder, the built-in dev
 * tenant, whose key the app's /playground route hands to the page) on 127.0.0.1 for the browser tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { composeProxy, type Proxy } from '@parley/translation-proxy/compose';
import { loadConfig } from '@parley/translation-proxy/config';

export const DEV_KEY = 'parley-browser-test-key-0123456789';

export interface RunningProxy {
  url: string;
  /** The proxy's store, for a test to act as a translator would (claim, reject) on a job. */
  store: Proxy['store'];
  close(): Promise<void>;
}

/** Port 0 (the default) lets the system pick a free port, so parallel test runs never collide. */
export async function startProxyWithPlayground(port = 0): Promise<RunningProxy> {
  const dataDir = await mkdtemp(join(tmpdir(), 'parley-browser-'));
  const config = loadConfig({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    PARLEY_DEV_API_KEY: DEV_KEY,
    PARLEY_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  });
  const proxy = await composeProxy(config, pino({ level: 'warn' }));
  const url = await proxy.app.listen({ host: '127.0.0.1', port });
  return {
    url,
    store: proxy.store,
    async close() {
      await proxy.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
