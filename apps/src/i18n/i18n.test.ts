import { describe, expect, it } from 'vitest';
import { LOCALE_FILES, createTranslate, fallbackChain } from './i18n.js';

function keys(node: unknown, prefix = ''): string[] {
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keys(value, `${prefix}${key}.`),
  );
}

describe('UI strings', () => {
  it('looks a key up in the agent locale first', () => {
    expect(createTranslate('es')('compose.translate')).toBe('Traducir');
    expect(createTranslate('ja')('compose.translate')).toBe('翻訳');
  });

  it('falls back from a regional locale to its base language, then to English', () => {
    expect(fallbackChain('pt-BR')).toEqual(['pt', 'en']);
    expect(createTranslate('pt-BR')('compose.translate')).toBe('Traduzir');
    expect(fallbackChain('sv-SE')).toEqual(['en']);
    expect(createTranslate('sv-SE')('compose.translate')).toBe('Translate');
  });

  it('fills in variables', () => {
    expect(createTranslate('de')('badge.confidence', { percent: 93 })).toBe('zu 93 % sicher');
  });

  it('throws on a key no locale has', () => {
    expect(() => createTranslate('fr')('compose.nonexistent')).toThrow(
      'Missing UI string "compose.nonexistent"',
    );
  });

  it('throws when a variable the string needs is not given', () => {
    expect(() => createTranslate('en')('badge.confidence')).toThrow(
      'needs a value for {{percent}}',
    );
  });

  it('has every English key, and only those, in each locale file', () => {
    const english = keys(LOCALE_FILES.en).sort();
    for (const [locale, messages] of Object.entries(LOCALE_FILES)) {
      expect(keys(messages).sort(), locale).toEqual(english);
    }
  });
});
