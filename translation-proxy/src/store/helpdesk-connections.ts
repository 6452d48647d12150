/**
 * Each tenant's connection to its helpdesks: the credentials (subdomain or domain, API user and
 * token), sealed by the secret box before they reach this table, one row per tenant and helpdesk.
 */
import type { Queryable } from './database.js';

export function helpdeskConnectionsRepository(db: Queryable) {
  return {
    /** The sealed credentials of one of the tenant's helpdesks (the secret box opens them). */
    async sealedCredentials(tenantId: string, helpdesk: string): Promise<string | undefined> {
      const [row] = await db.query<{ sealed: string }>(
        'SELECT sealed FROM tenant_helpdesks WHERE tenant_id = ? AND helpdesk = ?',
        [tenantId, helpdesk],
      );
      return row?.sealed;
    },

    async setSealedCredentials(tenantId: string, helpdesk: string, sealed: string): Promise<void> {
      await db.execute(
        `INSERT INTO tenant_helpdesks (tenant_id, helpdesk, sealed, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (tenant_id, helpdesk) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at`,
        [tenantId, helpdesk, sealed, Date.now()],
      );
    },
  };
}

export type HelpdeskConnectionsRepository = ReturnType<typeof helpdeskConnectionsRepository>;
