/**
 * The app's own UI strings in the agent's language: `t(key, vars)` looks a key up in the agent's
 * locale, then its base language, then English, and throws when even English lacks it, so a
 * missing string fails a test instead of showing a raw key to an agent.
 */
// Only the `ui` part is bundled with the sidebar; the marketplace `app` part is read by the build
// (zendeskPackage.ts) and the `workspace` part by the translators' workspace (workspace/messages.ts).
import { ui as de } from './locales/de.json';
import { ui as en } from './locales/en.json';
import { ui as es } from './locales/es.json';
import { ui as fr } from './locales/fr.json';
import { ui as ja } from './locales/ja.json';
import { ui as pt } from './locales/pt.json';

export type Messages = { [key: string]: string | Messages };

/** The UI strings of every locale file (`ui` in locales/*.json). */
export const UI_MESSAGES: Record<string, Messages> = {
  de,
  en,
  es,
  fr,
  ja,
  pt,
};

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

function lookup(messages: Messages | undefined, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** `pt-BR` → [`pt-BR`, `pt`, `en`]; case-insensitive on the locale tag. */
export function fallbackChain(locale: string, catalog = UI_MESSAGES): string[] {
  const chain: string[] = [];
  const exact = Object.keys(catalog).find((l) => l.toLowerCase() === locale.toLowerCase());
  if (exact) chain.push(exact);
  const base = locale.split(/[-_]/)[0]?.toLowerCase() ?? '';
  if (base in catalog && !chain.includes(base)) chain.push(base);
  if (!chain.includes('en')) chain.push('en');
  return chain;
}

/** `catalog`: the strings by locale; the sidebar's by default. */
export function createTranslate(locale: string, catalog = UI_MESSAGES): Translate {
  const chain = fallbackChain(locale, catalog);
  return (key, vars = {}) => {
    for (const l of chain) {
      const message = lookup(catalog[l], key);
      if (message !== undefined) {
        return message.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) => {
          const value = vars[name];
          if (value === undefined)
            throw new Error(`UI string "${key}" needs a value for {{${name}}}`);
          return String(value);
        });
      }
    }
    throw new Error(`Missing UI string "${key}" (looked in ${chain.join(', ')})`);
  };
}
