/**
 * UI strings in the user's language: `t(key, vars)` looks a key up in the user's locale, then its
 * base language, then English, and throws when even English lacks it, so a missing string fails a
 * test instead of showing a raw key to a user.
 */
// No strings here: each page passes its own catalog (uiMessages.ts for the sidebar,
// workspace/messages.ts, reports/messages.ts), so a page bundles only the strings it shows.
export type Messages = { [key: string]: string | Messages };

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
export function fallbackChain(locale: string, catalog: Record<string, Messages>): string[] {
  const chain: string[] = [];
  const exact = Object.keys(catalog).find((l) => l.toLowerCase() === locale.toLowerCase());
  if (exact) chain.push(exact);
  const base = locale.split(/[-_]/)[0]?.toLowerCase() ?? '';
  if (base in catalog && !chain.includes(base)) chain.push(base);
  if (!chain.includes('en')) chain.push('en');
  return chain;
}

/** `catalog`: the strings by locale (the sidebar's UI_MESSAGES, the workspace's, the reports page's). */
export function createTranslate(locale: string, catalog: Record<string, Messages>): Translate {
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
