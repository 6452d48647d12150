/** The workspace's UI strings by locale: the `workspace` part of the locale files, as `workspace.*` keys. */
import type { Messages } from '../i18n/i18n.js';
import { workspace as de } from '../i18n/locales/de.json';
import { workspace as en } from '../i18n/locales/en.json';
import { workspace as es } from '../i18n/locales/es.json';
import { workspace as fr } from '../i18n/locales/fr.json';
import { workspace as ja } from '../i18n/locales/ja.json';
import { workspace as pt } from '../i18n/locales/pt.json';

export const WORKSPACE_MESSAGES: Record<string, Messages> = {
  de: { workspace: de },
  en: { workspace: en },
  es: { workspace: es },
  fr: { workspace: fr },
  ja: { workspace: ja },
  pt: { workspace: pt },
};
