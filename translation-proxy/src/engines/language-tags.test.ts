// Provider language codes in BCP 47, and which provider code serves a requested tag.
import { describe, expect, it } from 'vitest';
import {
  canonicalTag,
  catalogPairs,
  languageKey,
  pickLanguage,
  resolvePair,
  type ProviderLanguage,
} from './language-tags.js';

const lang = (code: string): ProviderLanguage => ({ code, tag: canonicalTag(code) });

describe('canonicalTag', () => {
  it('brings provider spellings to canonical BCP 47', () => {
    expect(['EN-US', 'ZH-HANS', 'pt-pt', 'pt_BR', 'iw', 'jw'].map(canonicalTag)).toEqual([
      'en-US',
      'zh-Hans',
      'pt-PT',
      'pt-BR',
      'he',
      'jv',
    ]);
  });
});

describe('languageKey', () => {
  it('treats a region as a variant of one written language and a script as another', () => {
    expect(languageKey('en-GB')).toBe(languageKey('en'));
    expect(languageKey('zh-TW')).toBe(languageKey('zh-Hant'));
    expect(languageKey('zh-CN')).not.toBe(languageKey('zh-TW'));
  });
});

describe('pickLanguage', () => {
  const deeplTargets = [
    'EN-GB',
    'EN-US',
    'PT-BR',
    'PT-PT',
    'ZH-HANS',
    'ZH-HANT',
    'ES',
    'ES-419',
  ].map(lang);

  it('prefers the exact tag', () => {
    expect(pickLanguage('pt-PT', deeplTargets)?.code).toBe('PT-PT');
    expect(pickLanguage('es', deeplTargets)?.code).toBe('ES');
  });

  it('picks the likely region for a bare language', () => {
    expect(pickLanguage('en', deeplTargets)?.code).toBe('EN-US');
    expect(pickLanguage('pt', deeplTargets)?.code).toBe('PT-BR');
  });

  it('picks the script a region implies', () => {
    expect(pickLanguage('zh-TW', deeplTargets)?.code).toBe('ZH-HANT');
    expect(pickLanguage('zh', deeplTargets)?.code).toBe('ZH-HANS');
  });

  it('finds nothing for a language the provider lacks', () => {
    expect(pickLanguage('cy', deeplTargets)).toBeUndefined();
  });
});

describe('catalogs', () => {
  const catalog = {
    sources: ['en', 'es'].map(lang),
    targets: ['en', 'es', 'pt-BR'].map(lang),
    serves: (source: string, target: string) => !(source === 'es' && target === 'pt-BR'),
  };

  it('lists served pairs without translating a language into itself', () => {
    expect(catalogPairs(catalog)).toEqual([
      { source: 'en', target: 'es' },
      { source: 'en', target: 'pt-BR' },
      { source: 'es', target: 'en' },
    ]);
  });

  it('resolves a requested pair to provider codes only where it is served', () => {
    expect(resolvePair(catalog, 'en', 'pt')?.target.code).toBe('pt-BR');
    expect(resolvePair(catalog, 'es', 'pt')).toBeUndefined();
  });
});
