/** Each tenant's engine settings, stored sealed (the secret box lives in the service layer). */
import type { Queryable } from './database.js';

export function engineSettingsRepository(db: Queryable) {
  return {
    async get(tenantId: string): Promise<string | undefined> {
      const [row] = await db.query<{ sealed: string }>(
        'SELECT sealed FROM tenant_engine_settings WHERE tenant_id = ?',
        [tenantId],
      );
      return row?.sealed;
    },

    async set(tenantId: string, sealed: string): Promise<void> {
      await db.execute(
        `INSERT INTO tenant_engine_settings (tenant_id, sealed, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (tenant_id) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at`,
        [tenantId, sealed, Date.now()],
      );
    },

    async clear(tenantId: string): Promise<boolean> {
      return (
        (await db.execute('DELETE FROM tenant_engine_settings WHERE tenant_id = ?', [tenantId])) > 0
      );
    },
  };
}

export type EngineSettingsRepository = ReturnType<typeof engineSettingsRepository>;
