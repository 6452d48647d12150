/**
 * Each tenant's personal-data policy: which kinds are masked before text reaches an engine, for
 * which of the tenant's engines, and whether translators see the values behind the tokens.
 * Without a row, everything is masked for every engine and translators see tokens.
 */
import {
  PERSONAL_DATA_KINDS,
  type PersonalDataKind,
} from '@parley/shared/pipeline/personal-data/index';
import type { EngineKind } from '../engines/settings.js';
import type { Queryable } from './database.js';
import { tenantCache } from './tenant-cache.js';

export interface PersonalDataPolicy {
  kinds: PersonalDataKind[];
  /** The engine kinds masked for; `all` also covers engines added later. */
  engines: 'all' | EngineKind[];
  translatorsSeeValues: boolean;
}

export const DEFAULT_PERSONAL_DATA_POLICY: PersonalDataPolicy = {
  kinds: [...PERSONAL_DATA_KINDS],
  engines: 'all',
  translatorsSeeValues: false,
};

/**
 * The kinds to mask for a tenant whose failover chain may call `engines`: none when the policy
 * exempts every one of them. The failover chain picks among them per call, so one covered engine is
 * enough.
 */
export function kindsToMask(
  policy: PersonalDataPolicy,
  engines: readonly string[],
): ReadonlySet<PersonalDataKind> {
  const covered =
    policy.engines === 'all' ||
    engines.some((engine) => policy.engines.includes(engine as EngineKind));
  return new Set(covered ? policy.kinds : []);
}

export function personalDataPolicyRepository(db: Queryable) {
  // Read on every translation; see tenant-cache.ts for how long another writer's change takes.
  const cache = tenantCache<PersonalDataPolicy>();

  async function load(tenantId: string): Promise<PersonalDataPolicy> {
    const [row] = await db.query<{
      kinds: string;
      engines: string;
      translators_see_values: number;
    }>(
      'SELECT kinds, engines, translators_see_values FROM tenant_personal_data WHERE tenant_id = ?',
      [tenantId],
    );
    if (!row) return DEFAULT_PERSONAL_DATA_POLICY;
    return {
      kinds: JSON.parse(row.kinds) as PersonalDataKind[],
      engines: JSON.parse(row.engines) as PersonalDataPolicy['engines'],
      translatorsSeeValues: Number(row.translators_see_values) === 1,
    };
  }

  return {
    get: (tenantId: string): Promise<PersonalDataPolicy> =>
      cache.get(tenantId, '', () => load(tenantId)),

    async set(tenantId: string, policy: PersonalDataPolicy): Promise<void> {
      await db.execute(
        `INSERT INTO tenant_personal_data (tenant_id, kinds, engines, translators_see_values, updated_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id) DO UPDATE SET kinds = excluded.kinds, engines = excluded.engines,
           translators_see_values = excluded.translators_see_values, updated_at = excluded.updated_at`,
        [
          tenantId,
          JSON.stringify(policy.kinds),
          JSON.stringify(policy.engines),
          policy.translatorsSeeValues ? 1 : 0,
          Date.now(),
        ],
      );
      cache.invalidate(tenantId);
    },
  };
}
