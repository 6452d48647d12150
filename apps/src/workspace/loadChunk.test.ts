// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { loadChunk } from './loadChunk.js';

const missing = () =>
  Promise.reject(
    new TypeError('Failed to fetch dynamically imported module: JobEditor-1a2b3c4d.js'),
  );

afterEach(() => sessionStorage.clear());

describe('loadChunk', () => {
  it('hands over the chunk it loaded', async () => {
    const strings = { queue: { heading: 'Respuestas que esperan revisión' } };
    await expect(loadChunk(async () => strings)).resolves.toBe(strings);
  });

  it('reloads for the first missing chunk, waiting for it, and lets the next failure through', async () => {
    let settled = false;
    void loadChunk(missing).finally(() => (settled = true));
    await expect(loadChunk(missing)).rejects.toThrow('Failed to fetch dynamically imported module');
    expect(settled).toBe(false);
  });

  it('reloads again after a chunk loaded in between', async () => {
    void loadChunk(missing);
    await loadChunk(async () => 'de');
    let settled = false;
    void loadChunk(missing).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(settled).toBe(false);
  });
});
