/**
 * The logger every module below the HTTP layer writes to — engines, the outbox, the workers —
 * as `(message, details)`, and its adapter to the server's pino logger. Details carry codes and
 * ids, never customer text or secrets.
 */
import type { FastifyBaseLogger } from 'fastify';

export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/** Writes nothing: for tools and tests that run proxy modules without a server's log. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

export function fromPino(log: FastifyBaseLogger): Logger {
  return {
    debug: (message, details) => log.debug(details ?? {}, message),
    info: (message, details) => log.info(details ?? {}, message),
    warn: (message, details) => log.warn(details ?? {}, message),
    error: (message, details) => log.error(details ?? {}, message),
  };
}
