/**
 * The proxy's configuration, read once from the environment and validated, so that a typo fails
 * at start-up with a clear message rather than at the first request.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { LIMITS } from '@parley/shared/api/schemas';
import { isLoopbackName } from './loopback.js';
import { parseSecretKey, SecretsError } from './secrets.js';

export interface Config {
  host: string;
  port: number;
  /**
   * The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (addresses,
   * CIDR ranges, or proxy-addr's `loopback`, `linklocal`, `uniquelocal`); none by default.
   */
  trustProxy: string[];
  /** When set, `GET /metrics` needs `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /** When set, `GET /metrics` is served on this port (same HOST) and not on the API's. */
  metricsPort: number | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** SQLite file and other local state live here. */
  dataDir: string;
  /** `postgres://…` to use PostgreSQL instead of SQLite. */
  databaseUrl: string | undefined;
  /** Accepted as the key of the built-in `dev` tenant, for local use and tests. */
  devApiKey: string | undefined;
  maxCharacters: number;
  /** Requests a minute per tenant on the agent endpoints. */
  rateLimitPerMinute: number;
  engineTimeoutMs: number;
  /** Where Apertium's `.mode` files are read from. */
  apertiumModesDir: string;
  /** How long shutdown waits for in-flight requests before giving up. */
  shutdownGraceMs: number;
  /** Encrypts tenant secrets at rest; without it no credentials can be stored. */
  secretKey: Buffer | undefined;
  /** Lets a tenant's helpdesk credentials name another base URL, plain http included (local tests). */
  allowHttpHelpdesk: boolean;
  /** How often the SLA check and the outbox run. */
  replyWorkerIntervalMs: number;
  /** How long a translator's claim on a reply lasts without a renewal. */
  leaseMs: number;
  /** First delay before the outbox retries a helpdesk that failed; doubles per attempt. */
  outboxRetryBaseMs: number;
  /** Timeout of one helpdesk call; an outbox entry is locked for four of them while posting. */
  helpdeskTimeoutMs: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function trustProxy(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw.split(',').map((entry) => {
    const item = entry.trim();
    const [address = '', prefix, ...rest] = item.split('/');
    const version = isIP(address);
    const bits = version === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (!PROXY_RANGES.has(item) && (version === 0 || !prefixOk || rest.length > 0))
      throw new ConfigError(
        `PARLEY_TRUST_PROXY must list the reverse proxies' addresses or ranges (10.0.0.5, 10.0.0.0/8, loopback), got "${item}"`,
      );
    return item;
  });
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function secretKey(raw: string | undefined): Buffer | undefined {
  if (!raw) return undefined;
  try {
    return parseSecretKey(raw);
  } catch (error) {
    throw new ConfigError(error instanceof SecretsError ? error.message : String(error));
  }
}

export function loadConfig(env: Env = process.env): Config {
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new ConfigError(
      'DATABASE_URL must be a postgres:// URL; leave it unset to use the embedded SQLite store',
    );

  const devApiKey = env.PARLEY_DEV_API_KEY || undefined;
  if (devApiKey !== undefined && devApiKey.length < 16)
    throw new ConfigError('PARLEY_DEV_API_KEY must be at least 16 characters long');
  const host = env.HOST || '127.0.0.1';
  // The dev key opens the built-in tenant to whoever holds it: only this machine may be offered it.
  if (devApiKey !== undefined && !isLoopbackName(host))
    throw new ConfigError(
      `PARLEY_DEV_API_KEY is for local development: unset it, or listen on a loopback HOST (127.0.0.1), not "${host}"`,
    );

  const metricsToken = env.PARLEY_METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && metricsToken.length < 16)
    throw new ConfigError('PARLEY_METRICS_TOKEN must be at least 16 characters long');
  const port = integer(env, 'PORT', 8787, 0, 65535);
  const metricsPort = env.PARLEY_METRICS_PORT
    ? integer(env, 'PARLEY_METRICS_PORT', 0, 0, 65535)
    : undefined;
  if (metricsPort !== undefined && metricsPort === port && port !== 0)
    throw new ConfigError('PARLEY_METRICS_PORT must differ from PORT');

  return {
    host,
    port,
    trustProxy: trustProxy(env.PARLEY_TRUST_PROXY),
    metricsToken,
    metricsPort,
    logLevel,
    dataDir: resolve(env.PARLEY_DATA_DIR || 'data'),
    databaseUrl,
    devApiKey,
    maxCharacters: integer(env, 'PARLEY_MAX_CHARACTERS', LIMITS.maxCharacters, 1, 1_000_000),
    rateLimitPerMinute: integer(env, 'PARLEY_RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    engineTimeoutMs: integer(env, 'PARLEY_ENGINE_TIMEOUT_MS', 10_000, 100, 600_000),
    apertiumModesDir: env.PARLEY_APERTIUM_MODES_DIR || '/usr/share/apertium/modes',
    shutdownGraceMs: integer(env, 'PARLEY_SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    secretKey: secretKey(env.PARLEY_SECRET_KEY),
    allowHttpHelpdesk: env.PARLEY_ALLOW_HTTP_HELPDESK === '1',
    replyWorkerIntervalMs: integer(env, 'PARLEY_REPLY_WORKER_INTERVAL_MS', 5_000, 50, 600_000),
    leaseMs: integer(env, 'PARLEY_LEASE_SECONDS', 600, 5, 86_400) * 1000,
    outboxRetryBaseMs: integer(env, 'PARLEY_OUTBOX_RETRY_BASE_MS', 2_000, 10, 600_000),
    helpdeskTimeoutMs: integer(env, 'PARLEY_HELPDESK_TIMEOUT_MS', 15_000, 100, 120_000),
  };
}
