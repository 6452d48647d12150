// A tenant's memory in and out as TMX, against SQLite and PostgreSQL alike.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, inChunks } from '../../../tests/support/streams.js';
import { storeBackends } from '../../../tests/support/stores.js';
import { openStore, type Store } from '../store/index.js';
import type { StoredMemoryUnit } from '../store/memory.js';
import { exportMemory, importMemory } from './memory-transfer.js';

const specExample = readFileSync(
  new URL('../../../tests/fixtures/assets/spec-example.tmx', import.meta.url),
);

describe.each(storeBackends)('memory as TMX on $name', (backend) => {
  let store: Store;

  beforeAll(async () => {
    store = await openStore(await backend.location());
  });
  afterAll(() => store.close());

  async function everything(tenantId: string): Promise<StoredMemoryUnit[]> {
    return store.memory.page(tenantId, {}, undefined, 1_000);
  }

  it('imports the specification-style example so that lookups find its units', async () => {
    const tenant = await store.tenants.create({ name: 'Acme' });
    const report = await importMemory(store.memory, tenant.id, inChunks(specExample));
    expect(report).toEqual({ imported: 7, skippedCount: 0, skipped: [] });
    const german = await store.memory.lookup(tenant.id, 'en', 'de-DE', [
      'Click <x id="1"/>Save<x id="2"/> to keep your order <x id="3"/>.',
    ]);
    expect([...german.values()]).toEqual([
      {
        target:
          'Klicken Sie auf <x id="1"/>Speichern<x id="2"/>, um Ihre Bestellung <x id="3"/> zu behalten.',
        origin: 'human',
        engine: null,
        unknown: [],
      },
    ]);
    const formal = await store.memory.lookup(
      tenant.id,
      'en',
      'fr',
      ['<x id="1"/>Thanks &amp; regards, 5 &lt; 6'],
      'more',
    );
    expect(formal.size).toBe(1);
  });

  it('keeps the creation dates the file brings', async () => {
    const tenant = await store.tenants.create({ name: 'Acme' });
    await importMemory(store.memory, tenant.id, inChunks(specExample));
    const units = await everything(tenant.id);
    expect(units.find((unit) => unit.targetLang === 'ja')).toMatchObject({
      createdAt: Date.UTC(2021, 3, 15, 10, 15),
      changedAt: Date.UTC(2022, 2, 1, 12),
    });
  });

  it('exports what it imported, and importing the export gives the same memory', async () => {
    const first = await store.tenants.create({ name: 'Acme' });
    await importMemory(store.memory, first.id, inChunks(specExample));
    const exportedAt = Date.UTC(2026, 10, 30);
    const exported = await collect(exportMemory(store.memory, first.id, {}, exportedAt));
    const second = await store.tenants.create({ name: 'Globex' });
    const report = await importMemory(store.memory, second.id, inChunks(exported, 64));
    expect(report).toMatchObject({ imported: 7, skippedCount: 0 });
    // TMX dates count whole seconds.
    const toSeconds = (time: number) => Math.floor(time / 1000) * 1000;
    expect(await everything(second.id)).toEqual(
      (await everything(first.id)).map((unit) => ({
        ...unit,
        createdAt: toSeconds(unit.createdAt),
        changedAt: toSeconds(unit.changedAt),
      })),
    );
    expect(await collect(exportMemory(store.memory, second.id, {}, exportedAt))).toBe(exported);
  });

  it('exports one language pair when asked, with that source in the header', async () => {
    const tenant = await store.tenants.create({ name: 'Acme' });
    await importMemory(store.memory, tenant.id, inChunks(specExample));
    const exported = await collect(
      exportMemory(store.memory, tenant.id, { sourceLang: 'en', targetLang: 'ja' }),
    );
    expect(exported).toContain('srclang="en" o-tmf="Parley"');
    expect(exported.match(/<tu /g)).toHaveLength(1);
    expect(exported).toContain('<tuv xml:lang="ja">');
  });

  it('walks a memory larger than one page in order, without repeating a unit', async () => {
    const tenant = await store.tenants.create({ name: 'Acme' });
    const units = Array.from({ length: 2_345 }, (_, index) => ({
      source: `Order ${index} has shipped.`,
      target: `Der Auftrag ${index} wurde versandt.`,
      origin: 'machine' as const,
      engine: 'apertium',
    }));
    await store.memory.save(tenant.id, 'en', 'de', units);
    const exported = await collect(exportMemory(store.memory, tenant.id, {}));
    const sources = [...exported.matchAll(/<tuv xml:lang="en"><seg>([^<]*)<\/seg>/g)].map(
      (match) => match[1],
    );
    expect(new Set(sources).size).toBe(2_345);
  });

  it('lets imported human work replace machine output, never the reverse', async () => {
    const tenant = await store.tenants.create({ name: 'Acme' });
    await store.memory.save(tenant.id, 'en', 'es', [
      { source: 'Thanks!', target: '¡Gracias!', origin: 'human', engine: null },
      { source: 'Bye.', target: 'Adiós (máquina).', origin: 'machine', engine: 'apertium' },
    ]);
    const file = `<?xml version="1.0"?>
<tmx version="1.4"><header srclang="en" creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/><body>
<tu><prop type="x-parley-origin">machine</prop><tuv xml:lang="en"><seg>Thanks!</seg></tuv><tuv xml:lang="es"><seg>Gracias (máquina).</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Bye.</seg></tuv><tuv xml:lang="es"><seg>Adiós.</seg></tuv></tu>
</body></tmx>`;
    await importMemory(store.memory, tenant.id, inChunks(file));
    const matches = await store.memory.lookup(tenant.id, 'en', 'es', ['Thanks!', 'Bye.']);
    expect(matches.get('Thanks!')).toMatchObject({ target: '¡Gracias!', origin: 'human' });
    expect(matches.get('Bye.')).toMatchObject({ target: 'Adiós.', origin: 'human' });
  });

  it('stops at the line of a broken tag, saying how many units it wrote before it', async () => {
    const tenant = await store.tenants.create({ name: 'Acme' });
    const file = `<?xml version="1.0"?>
<tmx version="1.4"><header srclang="en" creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/><body>
<tu><tuv xml:lang="en"><seg>Hello</seg></tuv><tuv xml:lang="es"><seg>Hola</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Bye</tuv></tu>
</body></tmx>`;
    const error = await importMemory(store.memory, tenant.id, inChunks(file, 4096)).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({
      code: 'invalid_tmx',
      line: 4,
      message: expect.stringContaining('1 written before this line'),
    });
    expect(await store.memory.count(tenant.id)).toBe(1);
  });
});
