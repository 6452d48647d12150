// Concordance search in the translation memory, run against SQLite and PostgreSQL alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBackends } from '../../../tests/support/stores.js';
import { openStore, type Store } from './index.js';

describe.each(storeBackends)('memory concordance on $name', (backend) => {
  let store: Store;

  beforeAll(async () => {
    store = await openStore(await backend.location());
  });
  afterAll(() => store.close());

  it('finds a phrase in sources and targets, whatever its case, human translations first', async () => {
    const t = await store.tenants.create({ name: 'Concordance' });
    await store.memory.save(t.id, 'en', 'es', [
      {
        source: 'Reset your password.',
        target: 'Restablezca su contraseña.',
        origin: 'machine',
        engine: 'apertium',
      },
      {
        source: 'Your PASSWORD expired.',
        target: 'Su contraseña caducó.',
        origin: 'human',
        engine: null,
      },
      { source: 'Your order shipped.', target: 'Su pedido salió.', origin: 'human', engine: null },
    ]);
    const hits = await store.concordance.search(t.id, 'en', 'es', 'password', 20);
    expect(hits.map((hit) => [hit.source, hit.origin])).toEqual([
      ['Your PASSWORD expired.', 'human'],
      ['Reset your password.', 'machine'],
    ]);
    expect((await store.concordance.search(t.id, 'en', 'es', 'su pedido', 20))[0]?.target).toBe(
      'Su pedido salió.',
    );
  });

  it('reads an underscore and a backslash in the phrase as themselves', async () => {
    const t = await store.tenants.create({ name: 'Wildcards' });
    await store.memory.save(t.id, 'en', 'es', [
      {
        source: 'Open C:\\data_files now.',
        target: 'Abra C:\\data_files ahora.',
        origin: 'human',
        engine: null,
      },
      {
        source: 'Open C:\\dataXfiles now.',
        target: 'Abra C:\\dataXfiles ahora.',
        origin: 'human',
        engine: null,
      },
    ]);
    const hits = await store.concordance.search(t.id, 'en', 'es', '\\data_files', 20);
    expect(hits.map((hit) => hit.source)).toEqual(['Open C:\\data_files now.']);
  });

  it('stops at the limit and stays within the tenant and pair', async () => {
    const t = await store.tenants.create({ name: 'Limited' });
    const other = await store.tenants.create({ name: 'Other' });
    const entries = Array.from({ length: 30 }, (_, i) => ({
      source: `Ticket ${i} is open.`,
      target: `El ticket ${i} está abierto.`,
      origin: 'human' as const,
      engine: null,
    }));
    await store.memory.save(t.id, 'en', 'es', entries);
    await store.memory.save(other.id, 'en', 'es', entries);
    expect(await store.concordance.search(t.id, 'en', 'es', 'ticket', 20)).toHaveLength(20);
    expect(await store.concordance.search(t.id, 'en', 'fr', 'ticket', 20)).toHaveLength(0);
  });
});
