/**
 * Helpers for the engine contract tests: a logger that keeps every line it is given, and the
 * check that a secret appears nowhere an operator or a client could read it.
 */
import { expect } from 'vitest';
import type { Logger } from '@parley/translation-proxy/logging';

export function captureLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write = (level: string) => (message: string, details?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${JSON.stringify(details ?? {})}`);
  };
  return {
    lines,
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  };
}

/** Runs `action`, expects it to fail, and checks `secret` is absent from the error and the logs. */
export async function expectFailureWithoutSecret(
  action: () => Promise<unknown>,
  secret: string,
  lines: readonly string[],
): Promise<{ code: string; message: string; retryAfterSeconds?: number }> {
  const error = (await action().then(
    () => {
      throw new Error('expected the call to fail');
    },
    (failure: unknown) => failure,
  )) as Error & { code: string; retryAfterSeconds?: number; cause?: unknown };
  expect(error.name).toBe('EngineError');
  for (const text of [
    error.message,
    JSON.stringify(error),
    String(error.stack),
    JSON.stringify(error.cause ?? null),
    ...lines,
  ])
    expect(text).not.toContain(secret);
  return error;
}
