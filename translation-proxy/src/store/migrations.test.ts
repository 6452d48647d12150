// Proxies started together on a new PostgreSQL database all migrate it: one applies each
// migration, the others wait for it and find nothing left to do.
import { describe, expect, it } from 'vitest';
import { freshPostgresUrl, tempDir } from '../../../tests/support/stores.js';
import { openStore } from './index.js';

describe('migrations on PostgreSQL', () => {
  it('let three proxies starting at once on a new database all open it', async () => {
    const location = { dataDir: tempDir(), databaseUrl: await freshPostgresUrl() };
    const opened = await Promise.allSettled([1, 2, 3].map(() => openStore(location)));
    const stores = opened.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    await Promise.all(stores.map((store) => store.close()));
    expect(opened.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
  });
});
