// Machine translations queued for the memory: written together after a short window, served
// while they wait, and gone (logged) when their write fails.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import type { MemoryWrite } from '../store/memory.js';
import { silentLogger } from '../logging.js';
import { tempDir } from '../../../tests/support/stores.js';
import { createMemoryWriteQueue } from './memory-writes.js';

let store: Store;
beforeEach(async () => {
  store = await openStore({ dataDir: tempDir() });
  await store.tenants.ensure('acme', 'Acme');
});
afterEach(() => store.close());

const translation = (source: string, target: string): MemoryWrite => ({
  tenantId: 'acme',
  sourceLang: 'en',
  targetLang: 'es',
  formality: 'default',
  source,
  target,
  origin: 'machine',
  engine: 'apertium',
});

describe('memory write queue', () => {
  it('writes the translations of several requests in one call, after the window', async () => {
    const batches: number[] = [];
    const queue = createMemoryWriteQueue({
      memory: {
        saveAll: (writes) => {
          batches.push(writes.length);
          return store.memory.saveAll(writes);
        },
      },
      logger: silentLogger,
      windowMs: 60_000,
    });
    queue.add([translation('Hello.', 'Hola.')]);
    queue.add([translation('Thank you.', 'Gracias.'), translation('Bye.', 'Adiós.')]);
    expect(batches).toEqual([]);
    await queue.drain();
    expect(batches).toEqual([3]);
    const stored = await store.memory.lookup('acme', 'en', 'es', ['Hello.', 'Bye.'], 'default');
    expect([...stored].map(([source, match]) => [source, match.target])).toEqual([
      ['Hello.', 'Hola.'],
      ['Bye.', 'Adiós.'],
    ]);
  });

  it('serves a queued translation of the same tenant, pair and formality only', () => {
    const queue = createMemoryWriteQueue({
      memory: store.memory,
      logger: silentLogger,
      windowMs: 60_000,
    });
    queue.add([translation('Hello.', 'Hola.')]);
    expect(queue.find('acme', 'en', 'es', 'Hello.', 'default')).toEqual({
      target: 'Hola.',
      origin: 'machine',
      engine: 'apertium',
      unknown: [],
    });
    expect(queue.find('acme', 'en', 'es', 'Hello.', 'formal')).toBeUndefined();
    expect(queue.find('acme', 'en', 'fr', 'Hello.', 'default')).toBeUndefined();
    expect(queue.find('globex', 'en', 'es', 'Hello.', 'default')).toBeUndefined();
  });

  it('logs a failed write and serves its translations no longer', async () => {
    const errors: string[] = [];
    const queue = createMemoryWriteQueue({
      memory: { saveAll: () => Promise.reject(new Error('disk full')) },
      logger: {
        ...silentLogger,
        error: (message, details) => errors.push(`${message}: ${details?.error}`),
      },
      windowMs: 60_000,
    });
    queue.add([translation('Hello.', 'Hola.')]);
    await queue.drain();
    expect(errors).toEqual(['could not save to the translation memory: disk full']);
    expect(queue.find('acme', 'en', 'es', 'Hello.', 'default')).toBeUndefined();
  });
});
