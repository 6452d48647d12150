/**
 * The sidebar's UI strings by locale: the `ui` part of the locale files. The marketplace `app` part
 * is read by the build (zendeskPackage.ts), the `workspace` and `reports` parts by those pages.
 */
import type { Messages } from './i18n.js';
import { ui as de } from './locales/de.json';
import { ui as en } from './locales/en.json';
import { ui as es } from './locales/es.json';
import { ui as fr } from './locales/fr.json';
import { ui as ja } from './locales/ja.json';
import { ui as pt } from './locales/pt.json';

export const UI_MESSAGES: Record<string, Messages> = { de, en, es, fr, ja, pt };
