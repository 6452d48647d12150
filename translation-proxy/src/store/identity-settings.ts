/**
 * Each tenant's agent-identity settings: what happens to a Zendesk request without Zendesk's
 * signed identity, and the sealed secret that signature is checked with (the secret box opens it).
 */
import type { Queryable } from './database.js';

/**
 * `refuse`: only signed requests are accepted; `verify`: unsigned ones too, once the helpdesk's
 * API confirms the author and the ticket; `trust`: the body's author is taken as sent — the
 * built-in dev tenant, which has no helpdesk to ask.
 */
export type UnsignedPolicy = 'refuse' | 'verify' | 'trust';

export const UNSIGNED_POLICIES: readonly UnsignedPolicy[] = ['refuse', 'verify', 'trust'];

export interface IdentitySettings {
  unsigned: UnsignedPolicy;
  /** The sealed shared secret of the tenant's Zendesk app installation, if one was set. */
  zendeskSecret: string | null;
}

/** A tenant without settings requires Zendesk's signed identity. */
export const DEFAULT_IDENTITY_SETTINGS: IdentitySettings = {
  unsigned: 'refuse',
  zendeskSecret: null,
};

const isPolicy = (value: string): value is UnsignedPolicy =>
  (UNSIGNED_POLICIES as readonly string[]).includes(value);

export function identitySettingsRepository(db: Queryable) {
  return {
    async get(tenantId: string): Promise<IdentitySettings> {
      const [row] = await db.query<{ unsigned: string; zendesk_secret: string | null }>(
        'SELECT unsigned, zendesk_secret FROM tenant_identity WHERE tenant_id = ?',
        [tenantId],
      );
      if (!row) return DEFAULT_IDENTITY_SETTINGS;
      // An unknown stored value fails closed, as the default does.
      return {
        unsigned: isPolicy(row.unsigned) ? row.unsigned : 'refuse',
        zendeskSecret: row.zendesk_secret,
      };
    },

    async setUnsigned(tenantId: string, unsigned: UnsignedPolicy): Promise<void> {
      await db.execute(
        `INSERT INTO tenant_identity (tenant_id, unsigned, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (tenant_id) DO UPDATE SET unsigned = excluded.unsigned, updated_at = excluded.updated_at`,
        [tenantId, unsigned, Date.now()],
      );
    },

    /** Stores the sealed secret; a tenant without settings keeps requiring signed requests. */
    async setZendeskSecret(tenantId: string, sealed: string): Promise<void> {
      await db.execute(
        `INSERT INTO tenant_identity (tenant_id, unsigned, zendesk_secret, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (tenant_id) DO UPDATE SET zendesk_secret = excluded.zendesk_secret, updated_at = excluded.updated_at`,
        [tenantId, DEFAULT_IDENTITY_SETTINGS.unsigned, sealed, Date.now()],
      );
    },

    /** Gives a tenant `unsigned` unless an admin already chose (the dev tenant's start-up). */
    async ensureUnsigned(tenantId: string, unsigned: UnsignedPolicy): Promise<void> {
      await db.execute(
        `INSERT INTO tenant_identity (tenant_id, unsigned, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (tenant_id) DO NOTHING`,
        [tenantId, unsigned, Date.now()],
      );
    },
  };
}

export type IdentitySettingsRepository = ReturnType<typeof identitySettingsRepository>;
