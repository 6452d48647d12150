// The fuzzy-match index, run against SQLite and PostgreSQL alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBackends } from '../../../tests/support/stores.js';
import { openStore, sqliteFile, type Store } from './index.js';
import { memoryRepository, memoryKey } from './memory.js';
import { memoryIndexRepository } from './memory-index.js';
import { migrate } from './migrations.js';
import { openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';

const human = (source: string, target: string) => ({
  source,
  target,
  origin: 'human' as const,
  engine: null,
});
const machine = (source: string, target: string) => ({
  source,
  target,
  origin: 'machine' as const,
  engine: 'apertium',
});

describe.each(storeBackends)('fuzzy memory matches on $name', (backend) => {
  let store: Store;

  beforeAll(async () => {
    store = await openStore(await backend.location());
  });
  afterAll(() => store.close());

  it('finds an approved segment that differs by one word, with its match percentage', async () => {
    const t = await store.tenants.create({ name: 'Fuzzy' });
    await store.memory.save(t.id, 'en', 'es', [
      human('You can track your order here.', 'Puede seguir su pedido aquí.'),
      human('Our office is closed on Sundays.', 'Nuestra oficina cierra los domingos.'),
    ]);
    const matches = await store.memoryIndex.fuzzy(t.id, 'en', 'es', [
      'You can track your parcel here.',
    ]);
    expect(matches.get('You can track your parcel here.')).toEqual([
      {
        source: 'You can track your order here.',
        target: 'Puede seguir su pedido aquí.',
        score: 87,
        origin: 'human',
      },
    ]);
  });

  it('ranks a segment with another order number and placeholder id as a near-exact match', async () => {
    const t = await store.tenants.create({ name: 'Numbers' });
    await store.memory.save(t.id, 'en', 'de', [
      human(
        'Your order 123 ships on <x id="1"/>Monday<x id="2"/>.',
        'Ihre Bestellung 123 wird am <x id="1"/>Montag<x id="2"/> versandt.',
      ),
    ]);
    const source = 'Your order 45,678 ships on <x id="3"/>Monday<x id="4"/>.';
    const [match] = (await store.memoryIndex.fuzzy(t.id, 'en', 'de', [source])).get(source) ?? [];
    expect(match?.score).toBe(99);
  });

  it('gives 100 to the same segment and ranks human above machine at the same score', async () => {
    const t = await store.tenants.create({ name: 'Ranking' });
    await store.memory.save(t.id, 'en', 'fr', [
      machine('Where is my parcel?', 'Où est mon colis ?'),
    ]);
    await store.memory.save(
      t.id,
      'en',
      'fr',
      [human('Where is my parcel?', 'Où se trouve mon colis ?')],
      'more',
    );
    await store.memory.save(t.id, 'en', 'fr', [
      human('Where is my parcels?', 'Où sont mes colis ?'),
      machine('Where is my order?', 'Où est ma commande ?'),
    ]);
    const matches = await store.memoryIndex.fuzzy(t.id, 'en', 'fr', ['Where is my parcel?']);
    expect(
      matches
        .get('Where is my parcel?')
        ?.map(({ target, score, origin }) => [target, score, origin]),
    ).toEqual([
      ['Où se trouve mon colis ?', 100, 'human'],
      ['Où est mon colis ?', 100, 'machine'],
      ['Où sont mes colis ?', 95, 'human'],
    ]);
  });

  it('leaves out segments below the threshold, other pairs and other tenants', async () => {
    const a = await store.tenants.create({ name: 'Tenant A' });
    const b = await store.tenants.create({ name: 'Tenant B' });
    await store.memory.save(a.id, 'en', 'es', [
      human('Please reset your password from the login page.', 'Restablezca su contraseña.'),
    ]);
    await store.memory.save(a.id, 'en', 'it', [
      human('Please reset your password.', 'Reimposta la password.'),
    ]);
    await store.memory.save(b.id, 'en', 'es', [
      human('Please reset your password.', 'Restablezca su contraseña.'),
    ]);
    const matches = await store.memoryIndex.fuzzy(a.id, 'en', 'es', [
      'Please reset your password.',
    ]);
    expect(matches.get('Please reset your password.')).toEqual([]);
  });

  it('finds a segment sharing rare words among more segments sharing common ones than it scores', async () => {
    const t = await store.tenants.create({ name: 'Crowded' });
    const crowd = Array.from({ length: 40 }, (_, i) =>
      machine(
        `Your order to customer ${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${i} was sent by the courier.`,
        `Pedido ${i}.`,
      ),
    );
    await store.memory.save(t.id, 'en', 'es', [
      ...crowd,
      human(
        'Our parcel for Lisbon got delayed in the storm.',
        'Nuestro paquete a Lisboa se retrasó.',
      ),
    ]);
    const source = 'Your parcel to Lisbon was delayed by the storm.';
    const matches = await store.memoryIndex.fuzzy(t.id, 'en', 'es', [source]);
    expect(matches.get(source)?.map(({ source, score }) => [source, score])).toEqual([
      ['Our parcel for Lisbon got delayed in the storm.', 82],
    ]);
  });

  it('finds the variant closest in length among many that share every word looked up', async () => {
    const t = await store.tenants.create({ name: 'Variants' });
    const greeted = Array.from({ length: 200 }, (_, i) =>
      machine(`Hi customer ${i}, your parcel to Lisbon was delayed by the storm.`, `Hola ${i}.`),
    );
    await store.memory.save(t.id, 'en', 'es', [
      ...greeted,
      human(
        'Your parcel to Lisbon was delayed by the storm.',
        'Su paquete a Lisboa se retrasó por la tormenta.',
      ),
    ]);
    const source = 'Your parcel to Lisbon was delayed by the snow.';
    const [best] = (await store.memoryIndex.fuzzy(t.id, 'en', 'es', [source])).get(source) ?? [];
    expect(best?.source).toBe('Your parcel to Lisbon was delayed by the storm.');
  });

  it('matches Japanese, written without spaces, by its characters', async () => {
    const t = await store.tenants.create({ name: 'Japanese' });
    await store.memory.save(t.id, 'ja', 'en', [
      human('ご注文の商品は明日発送されます。', 'Your order ships tomorrow.'),
    ]);
    const source = 'ご注文の商品は本日発送されます。';
    const [match] = (await store.memoryIndex.fuzzy(t.id, 'ja', 'en', [source])).get(source) ?? [];
    expect(match).toMatchObject({ target: 'Your order ships tomorrow.', score: 93 });
  });

  it('forgets the segments of a deleted tenant', async () => {
    const t = await store.tenants.create({ name: 'Leaving' });
    await store.memory.save(t.id, 'en', 'es', [
      human('Thanks for waiting.', 'Gracias por esperar.'),
    ]);
    await store.db.execute('DELETE FROM tenants WHERE id = ?', [t.id]);
    const [row] = await store.db.query<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM memory_terms WHERE tenant_id = ?',
      [t.id],
    );
    expect(Number(row?.n)).toBe(0);
  });

  it('indexes, when migrated, the segments stored before the index named units by id', async () => {
    // A database as a proxy of migration 13 left it, with a unit it stored.
    const location = await backend.location();
    const db = location.databaseUrl
      ? openPostgres(location.databaseUrl)
      : openSqlite(sqliteFile(location.dataDir));
    await migrate(db, { through: 13 });
    await db.execute('INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?)', [
      't1',
      'Old',
      1,
    ]);
    await db.execute(
      `INSERT INTO translation_memory (tenant_id, source_lang, target_lang, source_key, source_text,
         target_text, origin, engine, created_at, updated_at)
       VALUES (?, 'en', 'es', ?, ?, ?, 'human', NULL, 1, 1)`,
      [
        't1',
        memoryKey('Your refund was issued today.'),
        'Your refund was issued today.',
        'Su reembolso se emitió hoy.',
      ],
    );
    try {
      expect(await migrate(db)).toEqual([14, 15]);
      const source = 'Your refund was issued yesterday.';
      const matches = await memoryIndexRepository(db).fuzzy('t1', 'en', 'es', [source]);
      expect(matches.get(source)?.[0]?.target).toBe('Su reembolso se emitió hoy.');
      expect(
        await memoryRepository(db).lookup('t1', 'en', 'es', ['Your refund was issued today.']),
      ).toEqual(
        new Map([
          [
            'Your refund was issued today.',
            { target: 'Su reembolso se emitió hoy.', origin: 'human', engine: null, unknown: [] },
          ],
        ]),
      );
    } finally {
      await db.close();
    }
  });
});
