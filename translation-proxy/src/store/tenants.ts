/** Tenants: one per helpdesk account, owning keys, memory, glossary, usage and jobs. */
import { randomUUID } from 'node:crypto';
import type { Queryable } from './database.js';

export interface Tenant {
  id: string;
  name: string;
  /** The languages this tenant's customers write in; restricts detection when not empty. */
  languages: string[];
  createdAt: number;
}

interface TenantRow {
  id: string;
  name: string;
  languages: string;
  created_at: number;
}

const fromRow = (row: TenantRow): Tenant => ({
  id: row.id,
  name: row.name,
  languages: JSON.parse(row.languages) as string[],
  createdAt: Number(row.created_at),
});

export function tenantRepository(db: Queryable) {
  return {
    async create(input: { name: string; languages?: string[]; id?: string }): Promise<Tenant> {
      const tenant: Tenant = {
        id: input.id ?? randomUUID(),
        name: input.name,
        languages: input.languages ?? [],
        createdAt: Date.now(),
      };
      await db.execute(
        'INSERT INTO tenants (id, name, languages, created_at) VALUES (?, ?, ?, ?)',
        [tenant.id, tenant.name, JSON.stringify(tenant.languages), tenant.createdAt],
      );
      return tenant;
    },

    /** Creates the tenant unless it exists; used for the built-in `dev` tenant. */
    async ensure(id: string, name: string): Promise<Tenant> {
      await db.execute(
        'INSERT INTO tenants (id, name, languages, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
        [id, name, '[]', Date.now()],
      );
      const tenant = await this.get(id);
      if (!tenant) throw new Error(`tenant ${id} vanished while being ensured`);
      return tenant;
    },

    async get(id: string): Promise<Tenant | undefined> {
      const [row] = await db.query<TenantRow>('SELECT * FROM tenants WHERE id = ?', [id]);
      return row && fromRow(row);
    },

    async list(): Promise<Tenant[]> {
      return (await db.query<TenantRow>('SELECT * FROM tenants ORDER BY created_at, id')).map(
        fromRow,
      );
    },

    async setLanguages(id: string, languages: string[]): Promise<boolean> {
      const changed = await db.execute('UPDATE tenants SET languages = ? WHERE id = ?', [
        JSON.stringify(languages),
        id,
      ]);
      return changed > 0;
    },
  };
}

export type TenantRepository = ReturnType<typeof tenantRepository>;
