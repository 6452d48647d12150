/** Characters billed per engine, tenant and UTC day. */
import type { Queryable } from './database.js';

export interface UsageRow {
  engine: string;
  day: string;
  characters: number;
  requests: number;
}

export function usageRepository(db: Queryable) {
  return {
    async record(
      tenantId: string,
      engine: string,
      characters: number,
      at = new Date(),
      requests = 1,
    ): Promise<void> {
      await db.execute(
        `INSERT INTO engine_usage (tenant_id, engine, day, characters, requests) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, engine, day) DO UPDATE
           SET characters = engine_usage.characters + excluded.characters,
               requests = engine_usage.requests + excluded.requests`,
        [tenantId, engine, at.toISOString().slice(0, 10), characters, requests],
      );
    },

    async list(tenantId: string, fromDay = '0000-00-00'): Promise<UsageRow[]> {
      const rows = await db.query<UsageRow>(
        'SELECT engine, day, characters, requests FROM engine_usage WHERE tenant_id = ? AND day >= ? ORDER BY day, engine',
        [tenantId, fromDay],
      );
      return rows.map((row) => ({
        ...row,
        characters: Number(row.characters),
        requests: Number(row.requests),
      }));
    },
  };
}

export type UsageRepository = ReturnType<typeof usageRepository>;
