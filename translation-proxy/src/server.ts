/**
 * Starts the proxy and serves until SIGTERM/SIGINT, when it stops accepting requests, finishes
 * the ones in flight, and releases engines and the store.
 */
import { pino } from 'pino';
import { composeProxy } from './compose.js';
import { ConfigError, loadConfig } from './config.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  });
  const proxy = await composeProxy(config, logger);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    setTimeout(() => {
      logger.error({ graceMs: config.shutdownGraceMs }, 'shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownGraceMs).unref();
    await proxy.close();
    logger.info('stopped');
  };
  process.once('SIGTERM', (signal) => void stop(signal));
  process.once('SIGINT', (signal) => void stop(signal));

  await proxy.app.listen({ host: config.host, port: config.port });
  if (proxy.metricsApp)
    await proxy.metricsApp.listen({ host: config.host, port: config.metricsPort });
  logger.info(
    {
      store: config.databaseUrl ? 'postgres' : 'sqlite',
      dataDir: config.dataDir,
      devKey: Boolean(config.devApiKey),
      metricsPort: config.metricsPort,
    },
    'Parley translation proxy ready',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
