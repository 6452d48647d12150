/**
 * The manager role: which tenants a translator account runs the team of (and may read the reports
 * of). Checked on every report request, so a revoked role takes effect at the next one.
 */
import type { Queryable } from './database.js';

export function managerRepository(db: Queryable) {
  return {
    async grant(translatorId: string, tenantIds: readonly string[], now = Date.now()) {
      for (const tenantId of tenantIds)
        await db.execute(
          `INSERT INTO tenant_managers (translator_id, tenant_id, granted_at) VALUES (?, ?, ?)
           ON CONFLICT DO NOTHING`,
          [translatorId, tenantId, now],
        );
    },

    /** Returns how many of the roles existed. */
    async revoke(translatorId: string, tenantIds: readonly string[]): Promise<number> {
      let removed = 0;
      for (const tenantId of tenantIds)
        removed += await db.execute(
          'DELETE FROM tenant_managers WHERE translator_id = ? AND tenant_id = ?',
          [translatorId, tenantId],
        );
      return removed;
    },

    /** The tenants the translator manages, by name. */
    async tenantsOf(translatorId: string): Promise<{ id: string; name: string }[]> {
      const rows = await db.query<{ id: string; name: string }>(
        `SELECT t.id, t.name FROM tenant_managers m JOIN tenants t ON t.id = m.tenant_id
         WHERE m.translator_id = ? ORDER BY t.name, t.id`,
        [translatorId],
      );
      return rows.map((row) => ({ id: String(row.id), name: String(row.name) }));
    },
  };
}

export type ManagerRepository = ReturnType<typeof managerRepository>;
