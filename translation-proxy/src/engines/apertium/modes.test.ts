import { describe, expect, it } from 'vitest';
import { discoverApertiumPairs, modeToPair } from './modes.js';

describe('modeToPair', () => {
  it('maps three-letter Apertium codes to BCP 47', () => {
    expect(modeToPair('eng-spa')).toEqual({ source: 'en', target: 'es' });
    expect(modeToPair('ita-spa')).toEqual({ source: 'it', target: 'es' });
  });

  it('maps a region suffix to a BCP 47 region subtag', () => {
    expect(modeToPair('es-pt_BR')).toEqual({ source: 'es', target: 'pt-BR' });
  });

  it('leaves out orthographic variants and eco modes that have no clean BCP 47 name', () => {
    expect(modeToPair('spa-cat_valencia')).toBeNull();
    expect(modeToPair('spa-cat_iec2017')).toBeNull();
    expect(modeToPair('eco-es-fr')).toBeNull();
  });
});

describe('discoverApertiumPairs', () => {
  it('lists the installed Debian pairs, English–Spanish and the Spanish pivots among them', async () => {
    const modes = await discoverApertiumPairs();
    const pairs = modes.map(({ source, target }) => `${source}>${target}`);
    expect(pairs).toEqual(
      expect.arrayContaining(['en>es', 'es>en', 'es>ca', 'fr>es', 'es>pt-BR', 'ro>es', 'es>gl']),
    );
    expect(modes.find((mode) => mode.mode === 'spa-cat')?.modeFile).toBe(
      '/usr/share/apertium/modes/spa-cat.mode',
    );
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('returns no pairs for a directory that does not exist', async () => {
    expect(await discoverApertiumPairs('/nonexistent/apertium/modes')).toEqual([]);
  });
});
