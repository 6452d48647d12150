// A tenant's glossary in and out as TBX-Basic and CSV, against SQLite and PostgreSQL alike.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, inChunks } from '../../../tests/support/streams.js';
import { storeBackends } from '../../../tests/support/stores.js';
import type { GlossaryEntry } from '../store/glossary.js';
import { openStore, type Store } from '../store/index.js';
import { exportGlossary, importGlossary } from './glossary-transfer.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../../tests/fixtures/assets/${name}`, import.meta.url));

/** Entries without their ids, in an order that does not depend on the database's collation. */
const withoutIds = (entries: GlossaryEntry[]) =>
  entries
    .map(({ id: _id, ...entry }) => entry)
    .sort((a, b) =>
      `${a.targetLang}\u0000${a.source}` < `${b.targetLang}\u0000${b.source}` ? -1 : 1,
    );

describe.each(storeBackends)('glossary as TBX and CSV on $name', (backend) => {
  let store: Store;

  beforeAll(async () => {
    store = await openStore(await backend.location());
  });
  afterAll(() => store.close());

  const tenant = async () => (await store.tenants.create({ name: 'Acme' })).id;

  it('imports a TBX-Basic v3 term base: synonyms, do-not-translate terms, other sources skipped', async () => {
    const tenantId = await tenant();
    const report = await importGlossary(
      store.glossary,
      tenantId,
      'tbx',
      inChunks(fixture('tbx-basic-v3.tbx')),
    );
    expect(report).toEqual({
      imported: 6,
      skippedCount: 1,
      skipped: [
        { line: 60, code: 'source_term_missing', message: 'no term in the source language en' },
      ],
    });
    expect(withoutIds(await store.glossary.list(tenantId))).toEqual([
      { sourceLang: 'en', targetLang: '*', source: 'Parley', target: null, caseSensitive: false },
      {
        sourceLang: 'en',
        targetLang: 'de',
        source: 'delivery note',
        target: 'Lieferschein',
        caseSensitive: false,
      },
      {
        sourceLang: 'en',
        targetLang: 'de',
        source: 'packing slip',
        target: 'Lieferschein',
        caseSensitive: false,
      },
      {
        sourceLang: 'en',
        targetLang: 'es-MX',
        source: 'delivery note',
        target: 'albarán',
        caseSensitive: false,
      },
      {
        sourceLang: 'en',
        targetLang: 'es-MX',
        source: 'packing slip',
        target: 'albarán',
        caseSensitive: false,
      },
      { sourceLang: 'en', targetLang: 'ja', source: 'Zendesk', target: null, caseSensitive: false },
    ]);
  });

  it('takes the source language asked for over the file’s, and one target when asked', async () => {
    const tenantId = await tenant();
    const report = await importGlossary(
      store.glossary,
      tenantId,
      'tbx',
      inChunks(fixture('tbx-basic-v3.tbx')),
      { sourceLang: 'de', targetLang: 'fr' },
    );
    expect(report.imported).toBe(1);
    expect(withoutIds(await store.glossary.list(tenantId))).toEqual([
      {
        sourceLang: 'de',
        targetLang: 'fr',
        source: 'Rücksendung',
        target: 'retour',
        caseSensitive: false,
      },
    ]);
  });

  it('imports a TBX-Basic v2 (martif) file with tig and ntig terms', async () => {
    const tenantId = await tenant();
    await importGlossary(store.glossary, tenantId, 'tbx', inChunks(fixture('tbx-basic-v2.tbx')));
    expect(withoutIds(await store.glossary.list(tenantId))).toEqual([
      {
        sourceLang: 'en-US',
        targetLang: 'fr-FR',
        source: 'tracking number',
        target: 'numéro de suivi',
        caseSensitive: false,
      },
      {
        sourceLang: 'en-US',
        targetLang: 'pt-BR',
        source: 'tracking number',
        target: 'código de rastreamento',
        caseSensitive: false,
      },
    ]);
  });

  it('exports TBX that imports back to the same glossary', async () => {
    const first = await tenant();
    await importGlossary(store.glossary, first, 'tbx', inChunks(fixture('tbx-basic-v3.tbx')));
    const exported = await collect(
      await exportGlossary(store.glossary, first, 'tbx', { sourceLang: 'en' }),
    );
    expect(exported).toContain('<tbx type="TBX-Basic" style="dca" xml:lang="en"');
    const second = await tenant();
    await importGlossary(store.glossary, second, 'tbx', inChunks(exported));
    expect(withoutIds(await store.glossary.list(second))).toEqual(
      withoutIds(await store.glossary.list(first)),
    );
  });

  it('imports CSV rows with their pair and case, reporting the rows it cannot use', async () => {
    const tenantId = await tenant();
    const csv = Buffer.concat([
      fixture('glossary.csv'),
      Buffer.from('xx!,de,bad tag,schlecht,false,\nen,de,too few\nen,de,Versand,,maybe,\n'),
    ]);
    const report = await importGlossary(store.glossary, tenantId, 'csv', inChunks(csv));
    expect(report).toMatchObject({
      imported: 7,
      skippedCount: 3,
      skipped: [
        { line: 10, code: 'invalid_language' },
        { line: 11, code: 'wrong_column_count' },
        { line: 12, code: 'invalid_case_sensitive' },
      ],
    });
    const entries = withoutIds(await store.glossary.list(tenantId));
    expect(entries).toContainEqual({
      sourceLang: 'en',
      targetLang: '*',
      source: 'Parley',
      target: null,
      caseSensitive: true,
    });
    expect(entries).toContainEqual({
      sourceLang: 'en',
      targetLang: 'es',
      source: '=SUM(A1)',
      target: '=SUMA(A1)',
      caseSensitive: false,
    });
    expect(entries).toContainEqual({
      sourceLang: 'en',
      targetLang: 'ja',
      source: 'line\nbreak',
      target: '改行',
      caseSensitive: false,
    });
  });

  it('takes the pair of rows without language columns from the caller', async () => {
    const tenantId = await tenant();
    await importGlossary(
      store.glossary,
      tenantId,
      'csv',
      inChunks('source,target\npacking slip,Lieferschein\nParley,\n'),
      { sourceLang: 'en', targetLang: 'de' },
    );
    expect(withoutIds(await store.glossary.list(tenantId))).toEqual([
      { sourceLang: 'en', targetLang: 'de', source: 'Parley', target: null, caseSensitive: false },
      {
        sourceLang: 'en',
        targetLang: 'de',
        source: 'packing slip',
        target: 'Lieferschein',
        caseSensitive: false,
      },
    ]);
  });

  it('skips a term longer than the glossary allows', async () => {
    const tenantId = await tenant();
    const report = await importGlossary(
      store.glossary,
      tenantId,
      'csv',
      inChunks(`source_lang,target_lang,source,target\nen,de,${'x'.repeat(101)},y\n`),
    );
    expect(report.skipped).toMatchObject([{ line: 2, code: 'term_too_long' }]);
    expect(await store.glossary.list(tenantId)).toEqual([]);
  });

  it('exports CSV with formulas guarded, which imports back to the same glossary', async () => {
    const first = await tenant();
    await importGlossary(store.glossary, first, 'csv', inChunks(fixture('glossary.csv')));
    const exported = await collect(await exportGlossary(store.glossary, first, 'csv', {}));
    expect(exported).toContain(`en,es,'=SUM(A1),'=SUMA(A1),false\r\n`);
    expect(exported).toContain(`en,es,'-10% off,10 % de descuento,false\r\n`);
    const second = await tenant();
    await importGlossary(store.glossary, second, 'csv', inChunks(exported));
    expect(withoutIds(await store.glossary.list(second))).toEqual(
      withoutIds(await store.glossary.list(first)),
    );
  });

  it('refuses a TBX file with a DTD, naming its line', async () => {
    const tenantId = await tenant();
    const error = await importGlossary(
      store.glossary,
      tenantId,
      'tbx',
      inChunks(
        '<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "http://attacker.example/tbx.dtd">\n<martif type="TBX-Basic" xml:lang="en"/>',
      ),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid_tbx', line: 2 });
  });

  it('refuses a file whose root is neither tbx nor martif', async () => {
    const tenantId = await tenant();
    const error = await importGlossary(
      store.glossary,
      tenantId,
      'tbx',
      inChunks('<?xml version="1.0"?>\n<tmx version="1.4"/>'),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid_tbx', line: 2 });
  });
});
