import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslate, fallbackChain } from './i18n.js';
import { UI_MESSAGES } from './uiMessages.js';

const LOCALES_DIR = join(import.meta.dirname, 'locales');
const localeFiles = readdirSync(LOCALES_DIR).map((file) => ({
  locale: file.replace('.json', ''),
  messages: JSON.parse(readFileSync(join(LOCALES_DIR, file), 'utf8')) as unknown,
}));

function keys(node: unknown, prefix = ''): string[] {
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keys(value, `${prefix}${key}.`),
  );
}

describe('UI strings', () => {
  it('looks a key up in the agent locale first', () => {
    expect(createTranslate('es', UI_MESSAGES)('compose.translate')).toBe('Traducir');
    expect(createTranslate('ja', UI_MESSAGES)('compose.translate')).toBe('翻訳');
  });

  it('falls back from a regional locale to its base language, then to English', () => {
    expect(fallbackChain('pt-BR', UI_MESSAGES)).toEqual(['pt', 'en']);
    expect(createTranslate('pt-BR', UI_MESSAGES)('compose.translate')).toBe('Traduzir');
    expect(fallbackChain('sv-SE', UI_MESSAGES)).toEqual(['en']);
    expect(createTranslate('sv-SE', UI_MESSAGES)('compose.translate')).toBe('Translate');
  });

  it('fills in variables', () => {
    expect(createTranslate('de', UI_MESSAGES)('badge.confidence', { percent: 93 })).toBe(
      'zu 93 % sicher',
    );
  });

  it('throws on a key no locale has', () => {
    expect(() => createTranslate('fr', UI_MESSAGES)('compose.nonexistent')).toThrow(
      'Missing UI string "compose.nonexistent"',
    );
  });

  it('throws when a variable the string needs is not given', () => {
    expect(() => createTranslate('en', UI_MESSAGES)('badge.confidence')).toThrow(
      'needs a value for {{percent}}',
    );
  });

  it('has every English key (UI and marketplace), and only those, in each locale file', () => {
    const english = keys(localeFiles.find((f) => f.locale === 'en')?.messages).sort();
    expect(localeFiles.map((f) => f.locale).sort()).toEqual(['de', 'en', 'es', 'fr', 'ja', 'pt']);
    for (const { locale, messages } of localeFiles) {
      expect(keys(messages).sort(), locale).toEqual(english);
    }
  });
});
