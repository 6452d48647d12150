// The store contract, run against SQLite and PostgreSQL alike.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { storeBackends } from '../../../tests/support/stores.js';
import { openStore, type Store } from './index.js';

describe.each(storeBackends)('store on $name', (backend) => {
  let store: Store;

  beforeAll(async () => {
    store = await openStore(await backend.location());
  });
  afterAll(() => store.close());

  it('migrates a database that is already migrated without error', async () => {
    const { migrate } = await import('./migrations.js');
    expect(await migrate(store.db)).toEqual([]);
  });

  it('keeps the fuzzy index’s word-count index on PostgreSQL only (SQLite writes it for little)', async () => {
    const catalogue =
      store.db.dialect === 'sqlite'
        ? "SELECT name FROM sqlite_master WHERE type = 'index' AND name = ?"
        : 'SELECT indexname FROM pg_indexes WHERE indexname = ?';
    const found = await store.db.query(catalogue, ['memory_terms_frequency']);
    expect(found).toHaveLength(store.db.dialect === 'postgres' ? 1 : 0);
  });

  it("requires Zendesk's signed identity of a tenant without identity settings", async () => {
    const tenant = await store.tenants.create({ name: 'Initech' });
    expect(await store.identity.get(tenant.id)).toEqual({
      unsigned: 'refuse',
      zendeskSecret: null,
    });
  });

  it('keeps the secret when the policy changes, and an admin’s choice over a default', async () => {
    const tenant = await store.tenants.create({ name: 'Umbrella' });
    await store.identity.setZendeskSecret(tenant.id, 'v1.sealed-secret');
    expect(await store.identity.get(tenant.id)).toEqual({
      unsigned: 'refuse',
      zendeskSecret: 'v1.sealed-secret',
    });
    await store.identity.setUnsigned(tenant.id, 'verify');
    await store.identity.ensureUnsigned(tenant.id, 'trust');
    expect(await store.identity.get(tenant.id)).toEqual({
      unsigned: 'verify',
      zendeskSecret: 'v1.sealed-secret',
    });
  });

  it('migrates tenants that already post to Zendesk to verified unsigned requests, no others', async () => {
    const zendesk = await store.tenants.create({ name: 'Hooli (Zendesk)' });
    const freshdesk = await store.tenants.create({ name: 'Hooli (Freshdesk)' });
    await store.helpdeskConnections.setSealedCredentials(zendesk.id, 'zendesk', 'v1.sealed');
    await store.helpdeskConnections.setSealedCredentials(freshdesk.id, 'freshdesk', 'v1.sealed');
    await store.tenants.ensure('dev', 'Development');
    await store.helpdeskConnections.setSealedCredentials('dev', 'zendesk', 'v1.sealed');
    // Back to the schema before the migration, as a proxy upgraded from it finds it.
    await store.db.execute('DROP TABLE tenant_identity');
    await store.db.execute('DELETE FROM schema_migrations WHERE version = 5');
    const { migrate } = await import('./migrations.js');
    expect(await migrate(store.db)).toEqual([5]);
    expect((await store.identity.get(zendesk.id)).unsigned).toBe('verify');
    expect((await store.identity.get(freshdesk.id)).unsigned).toBe('refuse');
    // The dev tenant's policy is the proxy's start-up's to set (trust), not the migration's.
    expect(await store.db.query("SELECT * FROM tenant_identity WHERE tenant_id = 'dev'")).toEqual(
      [],
    );
  });

  it('finds the tenant of an issued key and stores only its hash', async () => {
    const tenant = await store.tenants.create({ name: 'Acme Support', languages: ['en', 'es'] });
    const { key } = await store.apiKeys.issue(tenant.id, 'sidebar');
    expect(await store.apiKeys.tenantFor(key)).toBe(tenant.id);
    const rows = await store.db.query<{ key_hash: string }>('SELECT key_hash FROM api_keys');
    expect(rows.map((row) => row.key_hash)).not.toContain(key);
  });

  it('refuses a revoked key', async () => {
    const tenant = await store.tenants.create({ name: 'Revoked Ltd' });
    const issued = await store.apiKeys.issue(tenant.id);
    expect(await store.apiKeys.revoke(tenant.id, issued.id)).toBe(true);
    expect(await store.apiKeys.tenantFor(issued.key)).toBeUndefined();
  });

  it('does not let one tenant revoke the key of another', async () => {
    const owner = await store.tenants.create({ name: 'Owner' });
    const other = await store.tenants.create({ name: 'Other' });
    const issued = await store.apiKeys.issue(owner.id);
    expect(await store.apiKeys.revoke(other.id, issued.id)).toBe(false);
    expect(await store.apiKeys.tenantFor(issued.key)).toBe(owner.id);
  });

  it('ensures a tenant idempotently', async () => {
    const first = await store.tenants.ensure('dev', 'Development');
    const second = await store.tenants.ensure('dev', 'Development');
    expect(second).toEqual(first);
  });

  it('returns memory matches for the segments asked, per tenant and pair', async () => {
    const a = await store.tenants.create({ name: 'A' });
    const b = await store.tenants.create({ name: 'B' });
    await store.memory.save(a.id, 'en', 'es', [
      {
        source: 'Where is my order?',
        target: '¿Dónde está mi pedido?',
        origin: 'machine',
        engine: 'apertium',
      },
    ]);
    const hit = await store.memory.lookup(a.id, 'en', 'es', ['Where is my order?', 'Thanks!']);
    expect([...hit.entries()]).toEqual([
      [
        'Where is my order?',
        { target: '¿Dónde está mi pedido?', origin: 'machine', engine: 'apertium', unknown: [] },
      ],
    ]);
    expect((await store.memory.lookup(b.id, 'en', 'es', ['Where is my order?'])).size).toBe(0);
    expect((await store.memory.lookup(a.id, 'en', 'fr', ['Where is my order?'])).size).toBe(0);
  });

  it('keeps formal and informal translations of a segment apart', async () => {
    const t = await store.tenants.create({ name: 'Formal' });
    await store.memory.save(
      t.id,
      'en',
      'de',
      [
        {
          source: 'Can you help?',
          target: 'Können Sie helfen?',
          origin: 'machine',
          engine: 'deepl',
        },
      ],
      'more',
    );
    expect((await store.memory.lookup(t.id, 'en', 'de', ['Can you help?'], 'less')).size).toBe(0);
    expect(
      (await store.memory.lookup(t.id, 'en', 'de', ['Can you help?'], 'more')).get('Can you help?')
        ?.target,
    ).toBe('Können Sie helfen?');
  });

  it('never lets a machine translation overwrite an approved one', async () => {
    const t = await store.tenants.create({ name: 'Reviewed' });
    const source = 'Your refund is on its way.';
    await store.memory.save(t.id, 'en', 'es', [
      { source, target: 'Tu reembolso está en camino.', origin: 'human', engine: null },
    ]);
    await store.memory.save(t.id, 'en', 'es', [
      {
        source,
        target: 'Vuestro reembolso es en su manera.',
        origin: 'machine',
        engine: 'apertium',
      },
    ]);
    expect((await store.memory.lookup(t.id, 'en', 'es', [source])).get(source)).toEqual({
      target: 'Tu reembolso está en camino.',
      origin: 'human',
      engine: null,
      unknown: [],
    });
  });

  it("keeps a machine translation's unknown words and drops them when a translator's replaces it", async () => {
    const t = await store.tenants.create({ name: 'Unknown words' });
    const source = 'Mi paquete zumbifláutico llegó.';
    await store.memory.save(t.id, 'es', 'en', [
      {
        source,
        target: 'My package zumbifláutico arrived.',
        origin: 'machine',
        engine: 'apertium',
        unknown: [{ start: 11, end: 24 }],
      },
    ]);
    expect((await store.memory.lookup(t.id, 'es', 'en', [source])).get(source)?.unknown).toEqual([
      { start: 11, end: 24 },
    ]);
    await store.memory.save(t.id, 'es', 'en', [
      { source, target: 'My buzzing parcel arrived.', origin: 'human', engine: null },
    ]);
    expect((await store.memory.lookup(t.id, 'es', 'en', [source])).get(source)?.unknown).toEqual(
      [],
    );
  });

  it('lets an approved translation replace a machine one', async () => {
    const t = await store.tenants.create({ name: 'Edited' });
    const source = 'Sorry for the delay.';
    await store.memory.save(t.id, 'en', 'es', [
      { source, target: 'Triste para el retraso.', origin: 'machine', engine: 'apertium' },
    ]);
    await store.memory.save(t.id, 'en', 'es', [
      { source, target: 'Disculpa la demora.', origin: 'human', engine: null },
    ]);
    expect((await store.memory.lookup(t.id, 'en', 'es', [source])).get(source)?.target).toBe(
      'Disculpa la demora.',
    );
  });

  it('saves a batch that repeats a segment, keeping the last translation', async () => {
    const t = await store.tenants.create({ name: 'Batch' });
    await store.memory.save(t.id, 'en', 'es', [
      { source: 'Hello!', target: '¡Hola!', origin: 'machine', engine: 'apertium' },
      { source: 'Goodbye!', target: '¡Adiós!', origin: 'machine', engine: 'apertium' },
      { source: 'Hello!', target: '¡Buenas!', origin: 'human', engine: null },
    ]);
    const hits = await store.memory.lookup(t.id, 'en', 'es', ['Hello!', 'Goodbye!']);
    expect(hits.get('Hello!')?.target).toBe('¡Buenas!');
    expect(hits.get('Goodbye!')?.target).toBe('¡Adiós!');
  });

  it('saves the writes of several tenants, pairs and formalities in one batch, each where it belongs', async () => {
    const a = await store.tenants.create({ name: 'Batch A' });
    const b = await store.tenants.create({ name: 'Batch B' });
    const machine = { origin: 'machine' as const, engine: 'apertium' };
    await store.memory.saveAll([
      {
        tenantId: a.id,
        sourceLang: 'en',
        targetLang: 'es',
        source: 'Hi!',
        target: '¡Hola!',
        ...machine,
      },
      {
        tenantId: b.id,
        sourceLang: 'en',
        targetLang: 'es',
        source: 'Hi!',
        target: '¡Buenas!',
        ...machine,
      },
      {
        tenantId: a.id,
        sourceLang: 'en',
        targetLang: 'fr',
        source: 'Hi!',
        target: 'Salut !',
        ...machine,
      },
      {
        tenantId: a.id,
        sourceLang: 'en',
        targetLang: 'de',
        formality: 'more',
        source: 'Hi!',
        target: 'Guten Tag!',
        ...machine,
      },
    ]);
    const target = async (tenantId: string, pair: [string, string], formality?: string) =>
      (await store.memory.lookup(tenantId, ...pair, ['Hi!'], formality)).get('Hi!')?.target;
    expect(await target(a.id, ['en', 'es'])).toBe('¡Hola!');
    expect(await target(b.id, ['en', 'es'])).toBe('¡Buenas!');
    expect(await target(a.id, ['en', 'fr'])).toBe('Salut !');
    expect(await target(a.id, ['en', 'de'], 'more')).toBe('Guten Tag!');
    expect(await target(a.id, ['en', 'de'])).toBeUndefined();
  });

  it('saves and finds 7,000 distinct segments in one batch, more than one statement can bind', async () => {
    const t = await store.tenants.create({ name: 'Large batch' });
    const sources = Array.from({ length: 7_000 }, (_, index) => `Pedido ${index} enviado.`);
    await store.memory.save(
      t.id,
      'es',
      'en',
      sources.map((source, index) => ({
        source,
        target: `Order ${index} shipped.`,
        origin: 'machine' as const,
        engine: 'apertium',
      })),
    );
    const hits = await store.memory.lookup(t.id, 'es', 'en', sources);
    expect(hits.size).toBe(7_000);
    expect(hits.get('Pedido 6999 enviado.')?.target).toBe('Order 6999 shipped.');
  });

  it('lets other work run between the statements of a large memory write', async () => {
    const t = await store.tenants.create({ name: 'Yielding batch' });
    let otherWorkRan = false;
    const ranBefore: boolean[] = [];
    // Each chunk is written in a transaction of its own (the segments and their index rows).
    const transaction = store.db.transaction.bind(store.db);
    const spy = vi.spyOn(store.db, 'transaction').mockImplementation((work) => {
      ranBefore.push(otherWorkRan);
      return transaction(work);
    });
    try {
      const entries = Array.from({ length: 1_200 }, (_, index) => ({
        source: `Paquete ${index} en reparto.`,
        target: `Parcel ${index} out for delivery.`,
        origin: 'machine' as const,
        engine: 'apertium',
      }));
      setImmediate(() => (otherWorkRan = true));
      await store.memory.save(t.id, 'es', 'en', entries);
    } finally {
      spy.mockRestore();
    }
    expect(ranBefore).toEqual([false, true, true]);
  });

  it('gives a pair its own glossary terms and the ones for every target', async () => {
    const t = await store.tenants.create({ name: 'Glossary' });
    await store.glossary.upsert(t.id, {
      sourceLang: 'en',
      targetLang: '*',
      source: 'Parley',
      target: null,
    });
    await store.glossary.upsert(t.id, {
      sourceLang: 'en',
      targetLang: 'es',
      source: 'order',
      target: 'pedido',
    });
    await store.glossary.upsert(t.id, {
      sourceLang: 'en',
      targetLang: 'fr',
      source: 'order',
      target: 'commande',
    });
    const terms = await store.glossary.forPair(t.id, 'en', 'es');
    expect(terms.map((term) => [term.source, term.target])).toEqual([
      ['Parley', null],
      ['order', 'pedido'],
    ]);
  });

  it('reads a pair’s glossary again at once after a term is added or removed', async () => {
    const t = await store.tenants.create({ name: 'Glossary cache' });
    expect(await store.glossary.forPair(t.id, 'de', 'en')).toEqual([]);
    const term = await store.glossary.upsert(t.id, {
      sourceLang: 'de',
      targetLang: 'en',
      source: 'Bestellung',
      target: 'order',
    });
    expect((await store.glossary.forPair(t.id, 'de', 'en')).map((entry) => entry.source)).toEqual([
      'Bestellung',
    ]);
    await store.glossary.remove(t.id, term.id);
    expect(await store.glossary.forPair(t.id, 'de', 'en')).toEqual([]);
  });

  it('reads a tenant’s personal-data policy again at once after it is set', async () => {
    const t = await store.tenants.create({ name: 'Policy cache' });
    expect((await store.personalData.get(t.id)).engines).toBe('all');
    const policy = {
      kinds: ['email' as const, 'card' as const],
      engines: ['deepl' as const],
      translatorsSeeValues: true,
    };
    await store.personalData.set(t.id, policy);
    expect(await store.personalData.get(t.id)).toEqual(policy);
  });

  it('updates a glossary term in place', async () => {
    const t = await store.tenants.create({ name: 'Glossary update' });
    const first = await store.glossary.upsert(t.id, {
      sourceLang: 'en',
      targetLang: 'es',
      source: 'ticket',
      target: 'tique',
    });
    const second = await store.glossary.upsert(t.id, {
      sourceLang: 'en',
      targetLang: 'es',
      source: 'ticket',
      target: 'ticket',
    });
    expect(second.id).toBe(first.id);
    expect(await store.glossary.list(t.id)).toHaveLength(1);
  });

  it('adds up usage per engine and day', async () => {
    const t = await store.tenants.create({ name: 'Usage' });
    const day = new Date('2026-11-20T10:00:00Z');
    await store.usage.record(t.id, 'deepl', 120, day);
    await store.usage.record(t.id, 'deepl', 30, day);
    await store.usage.record(t.id, 'apertium', 10, day);
    expect(await store.usage.list(t.id)).toEqual([
      { engine: 'apertium', day: '2026-11-20', characters: 10, requests: 1 },
      { engine: 'deepl', day: '2026-11-20', characters: 150, requests: 2 },
    ]);
  });

  it('keeps a translator session until it expires, then purges it', async () => {
    const translator = await store.translators.create({
      email: 'sessions@translators.example',
      name: 'Sessions',
      passwordHash: 'scrypt$irrelevant',
    });
    const now = Date.now();
    await store.translators.createSession('live-digest', translator.id, 'csrf-live', now + 60_000);
    await store.translators.createSession('old-digest', translator.id, 'csrf-old', now - 1);
    expect(await store.translators.session('old-digest', now)).toBeUndefined();
    await store.translators.purgeExpiredSessions(now);
    const left = await store.db.query<{ id_hash: string }>(
      'SELECT id_hash FROM sessions WHERE translator_id = ?',
      [translator.id],
    );
    expect(left.map((row) => row.id_hash)).toEqual(['live-digest']);
    expect(await store.translators.session('live-digest', now)).toEqual({
      translatorId: translator.id,
      csrfToken: 'csrf-live',
    });
  });

  it('disables a translator, ending their sessions, and enables them again', async () => {
    const translator = await store.translators.create({
      email: 'offboarded@translators.example',
      name: 'Offboarded',
      passwordHash: 'scrypt$irrelevant',
    });
    await store.translators.createSession(
      'offboarded-digest',
      translator.id,
      'csrf',
      Date.now() + 60_000,
    );
    await store.translators.setDisabled(translator.id, true);
    expect(await store.translators.byEmail('offboarded@translators.example')).toMatchObject({
      disabled: true,
    });
    expect(await store.translators.session('offboarded-digest')).toBeUndefined();
    await store.translators.setDisabled(translator.id, false);
    expect((await store.translators.get(translator.id))?.disabled).toBe(false);
  });

  it('removes assignments by tenant, by pair, or both, ending the sessions', async () => {
    const tenantA = await store.tenants.create({ name: 'Unassign A' });
    const tenantB = await store.tenants.create({ name: 'Unassign B' });
    const translator = await store.translators.create({
      email: 'unassigned@translators.example',
      name: 'Unassigned',
      passwordHash: 'scrypt$irrelevant',
    });
    const enEs = { source: 'en', target: 'es' };
    const enDe = { source: 'en', target: 'de' };
    await store.translators.assign(translator.id, [tenantA.id, tenantB.id], [enEs, enDe]);
    await store.translators.createSession(
      'unassigned-digest',
      translator.id,
      'csrf',
      Date.now() + 60_000,
    );

    expect(
      await store.translators.unassign(translator.id, { tenantIds: [tenantA.id], pairs: [enDe] }),
    ).toBe(1);
    expect(await store.translators.session('unassigned-digest')).toBeUndefined();
    expect(await store.translators.unassign(translator.id, { pairs: [enEs] })).toBe(2);
    expect(await store.translators.unassign(translator.id, { tenantIds: [tenantB.id] })).toBe(1);
    expect(await store.translators.assignments(translator.id)).toEqual({ tenants: [], pairs: [] });
  });

  it('replaces a password hash only if it is still the one that was verified', async () => {
    const translator = await store.translators.create({
      email: 'rehashed@translators.example',
      name: 'Rehashed',
      passwordHash: 'scrypt$old',
    });
    await store.translators.rehashPassword(translator.id, 'scrypt$stale', 'scrypt$lost');
    expect((await store.translators.get(translator.id))?.passwordHash).toBe('scrypt$old');
    await store.translators.rehashPassword(translator.id, 'scrypt$old', 'scrypt$new');
    expect((await store.translators.get(translator.id))?.passwordHash).toBe('scrypt$new');
  });

  it('rolls a failed transaction back', async () => {
    await expect(
      store.db.transaction(async (tx) => {
        await tx.execute(
          'INSERT INTO tenants (id, name, languages, created_at) VALUES (?, ?, ?, ?)',
          ['rollback', 'R', '[]', 1],
        );
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await store.tenants.get('rollback')).toBeUndefined();
  });
});
