/**
 * One JSON error shape for every failure: `{error:{code, message}}` with a stable code. Fastify's
 * own errors (bad JSON, schema violations, body limits) and engine errors are mapped here, so
 * routes only ever throw.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { EngineError } from '../engines/engine.js';
import { ApiError, isErrorCode, type ErrorCode } from '../errors.js';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
};

export function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof EngineError) {
    const code: ErrorCode = isErrorCode(error.code) ? error.code : 'engine_error';
    return new ApiError(code, error.message, error.retryAfterSeconds);
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation) {
    return new ApiError('invalid_request', `Invalid request: ${fastifyError.message}`);
  }
  const mapped = fastifyError.code && FASTIFY_CODES[fastifyError.code];
  if (mapped) {
    const message =
      mapped === 'bad_json'
        ? `The request body is not valid JSON: ${fastifyError.message}`
        : (fastifyError.message ?? 'Invalid request');
    return new ApiError(mapped, message);
  }
  // @fastify/static refuses a path that climbs out of its folder with a bare 403.
  if (fastifyError.statusCode === 403) return new ApiError('forbidden', 'Forbidden.');
  if (error instanceof SyntaxError && fastifyError.statusCode === 400)
    return new ApiError('bad_json', `The request body is not valid JSON: ${error.message}`);
  return undefined;
}

export default fp(
  async function errorsPlugin(app: FastifyInstance) {
    app.setErrorHandler((error, request, reply) => {
      const apiError = toApiError(error);
      if (!apiError) {
        request.log.error({ err: error }, 'unhandled error');
        return reply.status(500).send({
          error: {
            code: 'internal_error',
            message: 'Something went wrong on our side; it has been logged.',
          },
        });
      }
      if (apiError.status >= 500) request.log.warn({ code: apiError.code }, apiError.message);
      if (apiError.retryAfterSeconds !== undefined)
        void reply.header('retry-after', String(Math.ceil(apiError.retryAfterSeconds)));
      return reply
        .status(apiError.status)
        .send({ error: { code: apiError.code, message: apiError.message } });
    });

    app.setNotFoundHandler((request, reply) => {
      void reply.status(404).send({
        error: {
          code: 'not_found',
          message: `No route for ${request.method} ${request.url.split('?')[0]}`,
        },
      });
    });
  },
  { name: 'parley-errors' },
);
