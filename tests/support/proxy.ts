/**
 * A complete proxy for tests, built exactly as the server builds it (real Apertium, real SQLite
 * in a temp folder unless a PostgreSQL URL is given), silent, with a known dev key and a low
 * password-hashing cost (the guidance's takes 128 MiB and a third of a second per sign-in).
 */
import { pino } from 'pino';
import { composeProxy, type ComposeOptions, type Proxy } from '@parley/translation-proxy/compose';
import { loadConfig } from '@parley/translation-proxy/config';
import type { ScryptCost } from '@parley/translation-proxy/queue/passwords';
import { tempDir } from './stores.js';

export const DEV_KEY = 'dev-key-for-tests-0123456789';
export const authorized = { authorization: `Bearer ${DEV_KEY}` };
/** What tests hash translator passwords at, explicitly: never a production setting. */
export const TEST_PASSWORD_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

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
  return composeProxy(config, pino({ level: 'silent' }), {
    passwordCost: TEST_PASSWORD_COST,
    ...options,
  });
}
