/**
 * Tenant API keys. A key is 256 random bits, so a SHA-256 digest is enough to store it safely
 * (no slow hash needed, and lookups stay a single indexed read on every request).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from './database.js';

export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export const generateApiKey = (): string => `pk_${randomBytes(32).toString('base64url')}`;

export interface ApiKeyInfo {
  id: string;
  tenantId: string;
  label: string;
  createdAt: number;
  revokedAt: number | null;
}

export function apiKeyRepository(db: Queryable) {
  return {
    /** Stores a key (a new random one unless given) and returns it in clear, once. */
    async issue(tenantId: string, label = '', key = generateApiKey()) {
      const id = randomUUID();
      await db.execute(
        'INSERT INTO api_keys (id, tenant_id, key_hash, label, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key_hash) DO NOTHING',
        [id, tenantId, hashApiKey(key), label, Date.now()],
      );
      return { id, key };
    },

    /** The tenant a key belongs to, unless the key is unknown or revoked. */
    async tenantFor(key: string): Promise<string | undefined> {
      const [row] = await db.query<{ tenant_id: string }>(
        'SELECT tenant_id FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL',
        [hashApiKey(key)],
      );
      return row?.tenant_id;
    },

    async list(tenantId: string): Promise<ApiKeyInfo[]> {
      const rows = await db.query<{
        id: string;
        tenant_id: string;
        label: string;
        created_at: number;
        revoked_at: number | null;
      }>('SELECT * FROM api_keys WHERE tenant_id = ? ORDER BY created_at, id', [tenantId]);
      return rows.map((row) => ({
        id: row.id,
        tenantId: row.tenant_id,
        label: row.label,
        createdAt: Number(row.created_at),
        revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
      }));
    },

    async revoke(tenantId: string, id: string): Promise<boolean> {
      const changed = await db.execute(
        'UPDATE api_keys SET revoked_at = ? WHERE id = ? AND tenant_id = ? AND revoked_at IS NULL',
        [Date.now(), id, tenantId],
      );
      return changed > 0;
    },
  };
}

export type ApiKeyRepository = ReturnType<typeof apiKeyRepository>;
