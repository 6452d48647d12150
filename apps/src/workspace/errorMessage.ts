/** A refused queue call as a sentence in the translator's language. */
import type { Translate } from '../i18n/i18n.js';
import { QueueApiError } from './queueApi.js';

const KNOWN = [
  'invalid_credentials',
  'already_claimed',
  'lease_expired',
  'network',
  'unauthorized',
  'csrf_failed',
  'not_found',
];

export function errorMessage(t: Translate, error: unknown): string {
  if (!(error instanceof QueueApiError))
    return t('workspace.error.generic', { message: String(error) });
  if (error.code === 'rate_limited')
    return t('workspace.error.rate_limited', { seconds: error.retryAfterSeconds ?? 60 });
  if (KNOWN.includes(error.code)) return t(`workspace.error.${error.code}`);
  return t('workspace.error.generic', { message: error.message });
}
