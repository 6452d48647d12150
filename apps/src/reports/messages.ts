/**
 * The reports page's UI strings by locale: its own `reports` part of the locale files, and the
 * workspace's, whose sign-in form and error messages it shares.
 */
import type { Messages } from '../i18n/i18n.js';
import { reports as de, workspace as deWorkspace } from '../i18n/locales/de.json';
import { reports as en, workspace as enWorkspace } from '../i18n/locales/en.json';
import { reports as es, workspace as esWorkspace } from '../i18n/locales/es.json';
import { reports as fr, workspace as frWorkspace } from '../i18n/locales/fr.json';
import { reports as ja, workspace as jaWorkspace } from '../i18n/locales/ja.json';
import { reports as pt, workspace as ptWorkspace } from '../i18n/locales/pt.json';

export const REPORTS_MESSAGES: Record<string, Messages> = {
  de: { reports: de, workspace: deWorkspace },
  en: { reports: en, workspace: enWorkspace },
  es: { reports: es, workspace: esWorkspace },
  fr: { reports: fr, workspace: frWorkspace },
  ja: { reports: ja, workspace: jaWorkspace },
  pt: { reports: pt, workspace: ptWorkspace },
};

/** The languages the page is written in, each named in itself for the language picker. */
export const REPORT_LOCALES = ['en', 'es', 'de', 'fr', 'pt', 'ja'] as const;
