import { describe, expect, it } from 'vitest';
import { baseLanguage, iso6393ToBcp47, languageName, normalizeLanguageTag } from './languages.js';

describe('normalizeLanguageTag', () => {
  it('lower-cases a primary language subtag', () => {
    expect(normalizeLanguageTag('EN')).toBe('en');
  });

  it('accepts underscores and canonicalises the region case', () => {
    expect(normalizeLanguageTag('pt_br')).toBe('pt-BR');
  });

  it('title-cases a script subtag', () => {
    expect(normalizeLanguageTag('zh-hans')).toBe('zh-Hans');
    expect(normalizeLanguageTag('ZH_hant_tw')).toBe('zh-Hant-TW');
  });

  it('replaces deprecated codes with their current ones', () => {
    expect(normalizeLanguageTag('iw')).toBe('he');
    expect(normalizeLanguageTag('in-ID')).toBe('id-ID');
  });

  it('shortens three-letter codes that have a two-letter form', () => {
    expect(normalizeLanguageTag('deu-AT')).toBe('de-AT');
  });

  it('answers undefined when the primary subtag is no real language', () => {
    expect(normalizeLanguageTag('xx')).toBeUndefined();
    expect(normalizeLanguageTag('und')).toBeUndefined();
    expect(normalizeLanguageTag('qaa')).toBeUndefined();
  });

  it('answers undefined for text that is not a language tag', () => {
    expect(normalizeLanguageTag('')).toBeUndefined();
    expect(normalizeLanguageTag('english please')).toBeUndefined();
  });
});

describe('baseLanguage', () => {
  it('drops region and script subtags', () => {
    expect(baseLanguage('pt-BR')).toBe('pt');
    expect(baseLanguage('sr-Latn-RS')).toBe('sr');
  });

  it('canonicalises before taking the primary subtag', () => {
    expect(baseLanguage('iw_IL')).toBe('he');
    expect(baseLanguage('NB-no')).toBe('nb');
  });
});

describe('iso6393ToBcp47', () => {
  it("maps franc's ISO 639-3 codes to two-letter BCP 47 codes", () => {
    expect(iso6393ToBcp47('por')).toBe('pt');
    expect(iso6393ToBcp47('eng')).toBe('en');
    expect(iso6393ToBcp47('ukr')).toBe('uk');
  });

  it('maps individual languages to their macrolanguage code', () => {
    expect(iso6393ToBcp47('cmn')).toBe('zh');
    expect(iso6393ToBcp47('nob')).toBe('nb');
    expect(iso6393ToBcp47('arb')).toBe('ar');
    expect(iso6393ToBcp47('pes')).toBe('fa');
    expect(iso6393ToBcp47('zlm')).toBe('ms');
  });

  it('keeps a three-letter code that has no shorter form', () => {
    expect(iso6393ToBcp47('ceb')).toBe('ceb');
  });

  it("answers undefined for franc's und and for unknown codes", () => {
    expect(iso6393ToBcp47('und')).toBeUndefined();
    expect(iso6393ToBcp47('zzq')).toBeUndefined();
  });
});

describe('languageName', () => {
  it('names a language in the display locale', () => {
    expect(languageName('es', 'es')).toBe('español');
    expect(languageName('de', 'fr')).toBe('allemand');
  });

  it('names a regional variant', () => {
    expect(languageName('pt_BR', 'en')).toBe('Brazilian Portuguese');
  });

  it('falls back to English when the display locale is invalid', () => {
    expect(languageName('nb', 'not a locale!')).toBe('Norwegian Bokmål');
  });

  it('falls back to the tag when no name is known', () => {
    expect(languageName('xx', 'en')).toBe('xx');
  });
});
