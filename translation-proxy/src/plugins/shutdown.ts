/**
 * Graceful shutdown: once the app starts closing, requests still arriving on kept-alive
 * connections get the usual JSON error (`shutting_down`, retry shortly), and every response
 * asks the client to close its connection, so that in-flight work finishes and the server can
 * stop without waiting for idle keep-alive sockets to time out.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../errors.js';

export default fp(
  async function shutdownPlugin(app: FastifyInstance) {
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
    });
    app.addHook('onRequest', async () => {
      if (closing)
        throw new ApiError('shutting_down', 'The proxy is restarting; retry in a moment.', 1);
    });
    app.addHook('onSend', async (_request, reply) => {
      if (closing) void reply.header('connection', 'close');
    });
  },
  { name: 'parley-shutdown' },
);
