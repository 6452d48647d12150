/** Each tenant's reply settings: the review SLA and what happens past it. */
import type { Queryable } from './database.js';

export type FallbackPolicy = 'post_machine' | 'alert';

export interface ReplySettings {
  slaMinutes: number;
  fallbackPolicy: FallbackPolicy;
}

export const DEFAULT_REPLY_SETTINGS: ReplySettings = { slaMinutes: 240, fallbackPolicy: 'alert' };

export function replySettingsRepository(db: Queryable) {
  return {
    async get(tenantId: string): Promise<ReplySettings> {
      const [row] = await db.query<{ sla_minutes: number; fallback_policy: FallbackPolicy }>(
        'SELECT sla_minutes, fallback_policy FROM tenant_reply_settings WHERE tenant_id = ?',
        [tenantId],
      );
      return row
        ? { slaMinutes: Number(row.sla_minutes), fallbackPolicy: row.fallback_policy }
        : DEFAULT_REPLY_SETTINGS;
    },

    async set(tenantId: string, settings: ReplySettings): Promise<void> {
      await db.execute(
        `INSERT INTO tenant_reply_settings (tenant_id, sla_minutes, fallback_policy, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (tenant_id) DO UPDATE SET sla_minutes = excluded.sla_minutes,
           fallback_policy = excluded.fallback_policy, updated_at = excluded.updated_at`,
        [tenantId, settings.slaMinutes, settings.fallbackPolicy, Date.now()],
      );
    },
  };
}

export type ReplySettingsRepository = ReturnType<typeof replySettingsRepository>;
