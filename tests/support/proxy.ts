/**
 * A complete proxy for tests, built exactly as the server builds it (real Apertium, real SQLite
 * in a temp folder unless a PostgreSQL URL is given), silent, with a known dev key.
 */
import { pino } from 'pino';
import { composeProxy, type ComposeOptions, type Proxy } from '@parley/translation-proxy/compose';
import { loadConfig } from '@parley/translation-proxy/config';
import { tempDir } from './stores.js';

export const DEV_KEY = 'dev-key-for-tests-0123456789';
export const authorized = { authorization: `Bearer ${DEV_KEY}` };

export async function startTestProxy(
  env: Record<string, string> = {},
  options: ComposeOptions = {},
): Promise<Proxy> {
  const config = loadConfig({
    PARLEY_DATA_DIR: tempDir(),
    PARLEY_DEV_API_KEY: DEV_KEY,
    LOG_LEVEL: 'silent',
    ...env,
  });
  return composeProxy(config, pino({ level: 'silent' }), options);
}
