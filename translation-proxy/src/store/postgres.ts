/**
 * PostgreSQL connection (`pg` pool), for more than one proxy instance. BIGINT columns hold
 * millisecond timestamps and counters well inside 2^53, so they are parsed as numbers.
 */
import pg from 'pg';
import { numberPlaceholders, type Database, type Queryable } from './database.js';

pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    dialect: 'postgres',
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(numberPlaceholders(sql), params as unknown[]);
      return result.rows as T[];
    },
    async execute(sql, params = []) {
      const result = await client.query(numberPlaceholders(sql), params as unknown[]);
      return result.rowCount ?? 0;
    },
  };
}

export function openPostgres(connectionString: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return {
    ...queryable(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
