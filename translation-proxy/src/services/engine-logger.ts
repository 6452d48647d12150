/** Adapts the server's pino logger to the engines' `(message, details)` logger shape. */
import type { FastifyBaseLogger } from 'fastify';
import type { EngineLogger } from '../engines/engine.js';

export function engineLogger(log: FastifyBaseLogger): EngineLogger {
  return {
    debug: (message, details) => log.debug(details ?? {}, message),
    info: (message, details) => log.info(details ?? {}, message),
    warn: (message, details) => log.warn(details ?? {}, message),
    error: (message, details) => log.error(details ?? {}, message),
  };
}
