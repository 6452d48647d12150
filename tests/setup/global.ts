/**
 * Once per `vitest run`: a PostgreSQL cluster for the store suite, shared with every test file
 * through `inject('postgresUrl')`; each suite creates its own database in it.
 */
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default function setup(project: TestProject): () => void {
  const cluster = startPostgres(Number(process.env.PARLEY_TEST_PG_PORT ?? 55432));
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
