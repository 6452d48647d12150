// Usage counted in memory reaches the store in batches, and nothing counted is lost at shutdown.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { silentLogger } from '../logging.js';
import { tempDir } from '../../../tests/support/stores.js';
import { createUsageRecorder } from './usage-recorder.js';

let store: Store;
beforeEach(async () => {
  store = await openStore({ dataDir: tempDir() });
  await store.tenants.ensure('acme', 'Acme');
});
afterEach(() => store.close());

describe('usage recorder', () => {
  it('adds up calls per tenant and engine into one write', async () => {
    const usage = createUsageRecorder(store, silentLogger, 60_000);
    usage.record('acme', 'deepl', 120);
    usage.record('acme', 'deepl', 30);
    usage.record('acme', 'apertium', 12);
    expect(await store.usage.list('acme')).toEqual([]);
    await usage.flush();
    const rows = await store.usage.list('acme');
    expect(
      rows.map(({ engine, characters, requests }) => ({ engine, characters, requests })),
    ).toEqual([
      { engine: 'apertium', characters: 12, requests: 1 },
      { engine: 'deepl', characters: 150, requests: 2 },
    ]);
    await usage.close();
  });

  it('writes what is left when closed', async () => {
    const usage = createUsageRecorder(store, silentLogger, 60_000);
    usage.record('acme', 'google', 44);
    await usage.close();
    expect((await store.usage.list('acme'))[0]).toMatchObject({ engine: 'google', characters: 44 });
  });
});
