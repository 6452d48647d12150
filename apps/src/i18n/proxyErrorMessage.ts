/** A failed proxy call in the agent's words: the sidebar's alerts and the adapters' notices say it alike. */
import type { ProxyError } from '../host/helpdeskHost.js';
import { languageName } from '../model/languages.js';
import type { Translate } from './i18n.js';

/** Codes with their own message under `error.*`; any other code gets the proxy's own message. */
const KNOWN_CODES = [
  'proxy_unreachable',
  'text_too_long',
  'unauthorized',
  'rate_limited',
  'engine_unavailable',
  'helpdesk_not_configured',
];

export function proxyErrorMessage(
  t: Translate,
  locale: string,
  error: ProxyError,
  /** The pair that was asked for, to name it in the "not available" message. */
  pair?: { source: string; target: string },
): string {
  if (error.code === 'unsupported_language_pair')
    return t('error.unsupported_language_pair', {
      source: pair ? languageName(pair.source, locale) : '?',
      target: pair ? languageName(pair.target, locale) : '?',
    });
  if (error.code === 'review_unavailable') return t('review.unavailable');
  if (KNOWN_CODES.includes(error.code)) return t(`error.${error.code}`);
  return t('error.generic', { message: error.message });
}
