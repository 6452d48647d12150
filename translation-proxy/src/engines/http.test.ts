// The helpers every provider engine shares: splitting, entity normalising, secret
// scrubbing and the mapping of transport failures.
import { AxiosError, AxiosHeaders } from 'axios';
import { describe, expect, it } from 'vitest';
import {
  providerLanguages,
  normaliseEntities,
  redact,
  splitIntoBatches,
  toEngineError,
  translateInBatches,
} from './http.js';

describe('splitIntoBatches', () => {
  it('cuts at the segment count', () => {
    const batches = splitIntoBatches('t', ['uno', 'dos', 'tres', 'cuatro', 'cinco'], {
      maxSegments: 2,
    });
    expect(batches).toEqual([['uno', 'dos'], ['tres', 'cuatro'], ['cinco']]);
  });

  it('cuts at the character total without splitting a segment', () => {
    const batches = splitIntoBatches('t', ['aaaa', 'bbbb', 'cc', 'dddddd'], {
      maxSegments: 10,
      maxChars: 8,
    });
    expect(batches).toEqual([
      ['aaaa', 'bbbb'],
      ['cc', 'dddddd'],
    ]);
  });

  it('counts UTF-8 bytes where the provider limits bytes', () => {
    // "Ñandú" is 5 characters but 7 bytes.
    const batches = splitIntoBatches('t', ['Ñandú', 'Ñandú'], { maxSegments: 10, maxBytes: 10 });
    expect(batches).toEqual([['Ñandú'], ['Ñandú']]);
  });

  it('rejects one segment over the limit as text_too_long', () => {
    expect(() =>
      splitIntoBatches('deepl', ['x'.repeat(11)], { maxSegments: 5, maxChars: 10 }),
    ).toThrow(expect.objectContaining({ code: 'text_too_long', engineId: 'deepl' }));
  });

  it('reassembles batches in input order and counts billed characters', async () => {
    const result = await translateInBatches(
      't',
      ['a', 'bb', 'ccc'],
      { maxSegments: 2 },
      async (batch) => batch.map((segment) => segment.toUpperCase()),
    );
    expect(result).toEqual({ segments: ['A', 'BB', 'CCC'], billedCharacters: 6 });
  });

  it('fails when a provider returns fewer segments than it was sent', async () => {
    await expect(
      translateInBatches('t', ['a', 'b'], { maxSegments: 5 }, async () => ['A']),
    ).rejects.toMatchObject({
      code: 'engine_error',
    });
  });
});

describe('normaliseEntities', () => {
  it('decodes quotes and numeric entities but keeps the three escapes the format uses', () => {
    expect(normaliseEntities('l&#39;ordre &quot;ORD-1&quot; &lt;b&gt; &amp; caf&#xE9;')).toBe(
      'l\'ordre "ORD-1" &lt;b&gt; &amp; café',
    );
  });

  it('keeps a numeric entity for < or & escaped', () => {
    expect(normaliseEntities('a &#60; b &#38; c')).toBe('a &lt; b &amp; c');
  });
});

describe('secrets and transport failures', () => {
  it('redacts every occurrence of a secret', () => {
    expect(redact('key=abc123xyz and again abc123xyz', ['abc123xyz'])).toBe(
      'key=[redacted] and again [redacted]',
    );
  });

  it('maps a refused connection to engine_unavailable without keeping the axios error', () => {
    const failure = new AxiosError('connect ECONNREFUSED', 'ECONNREFUSED', {
      headers: new AxiosHeaders({ Authorization: 'DeepL-Auth-Key s3cr3t-key' }),
    });
    const error = toEngineError('deepl', failure, () => ({ code: 'engine_error', message: '' }), [
      's3cr3t-key',
    ]);
    expect(error).toMatchObject({ code: 'engine_unavailable', engineId: 'deepl' });
    expect(error.cause).toBeUndefined();
    expect(JSON.stringify(error) + error.message + error.stack).not.toContain('s3cr3t-key');
  });

  it('maps a cancelled request to engine_timeout', () => {
    const failure = new AxiosError('canceled', 'ERR_CANCELED');
    expect(
      toEngineError('google', failure, () => ({ code: 'engine_error', message: '' }), []).code,
    ).toBe('engine_timeout');
  });
});

describe('providerLanguages', () => {
  const catalog = (code: string) => ({
    sources: [{ code, tag: code }],
    targets: [{ code, tag: code }],
  });

  it('loads once for concurrent callers, then fetches only when asked to', async () => {
    let loads = 0;
    const languages = providerLanguages(async () => catalog(`l${++loads}`));
    const [first, second] = await Promise.all([languages.current(), languages.current()]);
    expect([first, second]).toEqual([catalog('l1'), catalog('l1')]);
    expect(await languages.current()).toEqual(catalog('l1'));
    expect(await languages.fetch()).toEqual(catalog('l2'));
    expect(await languages.current()).toEqual(catalog('l2'));
  });

  it('keeps the list it had when a fetch fails', async () => {
    let down = false;
    const languages = providerLanguages(async () => {
      if (down) throw new Error('down');
      return catalog('es');
    });
    await languages.current();
    down = true;
    await expect(languages.fetch()).rejects.toThrow('down');
    expect(await languages.current()).toEqual(catalog('es'));
  });
});
