import { describe, expect, it } from 'vitest';
import { languageName, languageOf } from './languages.js';

describe('languageOf', () => {
  it('reduces helpdesk locales to translation languages', () => {
    expect(['en-US', 'pt-BR', 'es_419', 'ja'].map(languageOf)).toEqual(['en', 'pt', 'es', 'ja']);
  });

  it('keeps the Chinese script', () => {
    expect(['zh-TW', 'zh-CN', 'zh-Hant-HK'].map(languageOf)).toEqual([
      'zh-Hant',
      'zh-Hans',
      'zh-Hant',
    ]);
  });
});

describe('languageName', () => {
  it('names a language in the agent UI language', () => {
    expect(languageName('es', 'en-US')).toBe('Spanish');
    expect(languageName('de', 'fr')).toBe('allemand');
  });
});
