/**
 * The workspace's UI strings (the `workspace` part of the locale files, as `workspace.*` keys):
 * English, bundled as every lookup's last resort, and the translator's language, loaded as a
 * chunk of its own when the page starts, so nobody downloads the other four.
 */
import type { Messages } from '../i18n/i18n.js';
import { workspace as en } from '../i18n/locales/en.json';
import { loadChunk } from './loadChunk.js';

const OTHER_LOCALES: Record<string, () => Promise<Messages>> = {
  de: () => import('../i18n/locales/de.json').then((file) => file.workspace),
  es: () => import('../i18n/locales/es.json').then((file) => file.workspace),
  fr: () => import('../i18n/locales/fr.json').then((file) => file.workspace),
  ja: () => import('../i18n/locales/ja.json').then((file) => file.workspace),
  pt: () => import('../i18n/locales/pt.json').then((file) => file.workspace),
};

/** The catalog for `locale` (`pt-BR` loads `pt`): English alone when it is English or unknown. */
export async function loadWorkspaceMessages(locale: string): Promise<Record<string, Messages>> {
  const base = locale.split(/[-_]/)[0]?.toLowerCase() ?? '';
  const load = OTHER_LOCALES[base];
  const english = { en: { workspace: en } };
  return load ? { ...english, [base]: { workspace: await loadChunk(load) } } : english;
}
