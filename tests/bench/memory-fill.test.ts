// The benchmark's bulk fill stores what the memory's write path stores, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@parley/translation-proxy/store/index';
import type { MemoryEntry } from '@parley/translation-proxy/store/memory';
import { storeBackends } from '../support/stores.js';
import { bulkFillMemory } from './memory-fill.js';

const entries: MemoryEntry[] = [
  {
    source: 'You can track your order <x id="1"/> here.',
    target: 'Puede seguir su pedido <x id="1"/> aquí.',
    origin: 'human',
    engine: null,
  },
  {
    source: 'Order 123 has shipped.',
    target: 'El pedido 123 ha sido enviado.',
    origin: 'machine',
    engine: 'apertium',
  },
  {
    source: 'ご注文の商品は明日発送されます。',
    target: 'Mañana.',
    origin: 'machine',
    engine: null,
  },
];

describe.each(storeBackends)('the benchmark memory fill on $name', (backend) => {
  let store: Store;

  beforeAll(async () => {
    store = await openStore(await backend.location());
  });
  afterAll(() => store.close());

  /** A tenant's units and index rows, without what tells tenants and moments apart. */
  async function stored(tenantId: string) {
    const units = await store.db.query(
      `SELECT source_lang, target_lang, source_key, source_text, target_text, origin, engine
       FROM translation_memory WHERE tenant_id = ? ORDER BY source_key`,
      [tenantId],
    );
    const terms = await store.db.query(
      `SELECT t.source_lang, t.target_lang, t.term, t.length, m.source_key
       FROM memory_terms AS t JOIN translation_memory AS m ON m.id = t.unit_id
       WHERE t.tenant_id = ? ORDER BY m.source_key, t.term`,
      [tenantId],
    );
    return { units, terms };
  }

  it('stores the units and index rows the write path stores', async () => {
    const saved = await store.tenants.create({ name: 'Saved' });
    const filled = await store.tenants.create({ name: 'Filled' });
    await store.memory.save(saved.id, 'en', 'es', entries);
    await bulkFillMemory(store.db, filled.id, 'en', 'es', entries);
    const expected = await stored(saved.id);
    expect(expected.terms.length).toBeGreaterThan(entries.length);
    expect(await stored(filled.id)).toEqual(expected);
  });

  it('refuses a repeated source, which the write path would upsert', async () => {
    const t = await store.tenants.create({ name: 'Repeated' });
    await expect(
      bulkFillMemory(store.db, t.id, 'en', 'es', [entries[0]!, entries[0]!]),
    ).rejects.toThrow('distinct');
  });
});
