/**
 * A failed proxy call as a message the agent can act on: what happened in their language, and the
 * buttons that move them forward (try again, choose another language, send for review).
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import type { ProxyError } from '../host/helpdeskHost.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { proxyErrorMessage } from '../i18n/proxyErrorMessage.js';

interface ErrorNoticeProps {
  error: ProxyError;
  /** The pair that was asked for, to name it in the "not available" message. */
  pair?: { source: string; target: string };
  onRetry?: () => void;
  onChooseLanguage?: () => void;
  onSendForReview?: () => void;
}

export function ErrorNotice({
  error,
  pair,
  onRetry,
  onChooseLanguage,
  onSendForReview,
}: ErrorNoticeProps) {
  const { t, locale } = useI18n();
  const unsupported = error.code === 'unsupported_language_pair';

  const message = proxyErrorMessage(t, locale, error, pair);
  // Retrying cannot fix a missing pair, an oversized text or a wrong key.
  const retryable = [
    'proxy_unreachable',
    'rate_limited',
    'engine_unavailable',
    'client_error',
  ].includes(error.code);

  return (
    <Alert type={unsupported ? 'warning' : 'error'} role="alert">
      <Alert.Title>{message}</Alert.Title>
      {unsupported && <Alert.Paragraph>{t('error.pairWayForward')}</Alert.Paragraph>}
      <div className="parley-actions">
        {retryable && onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('action.retry')}
          </Button>
        )}
        {unsupported && onChooseLanguage && (
          <Button size="small" onClick={onChooseLanguage}>
            {t('action.chooseLanguage')}
          </Button>
        )}
        {(unsupported || error.code === 'engine_unavailable') && onSendForReview && (
          <Button size="small" isPrimary onClick={onSendForReview}>
            {t('compose.review')}
          </Button>
        )}
      </div>
    </Alert>
  );
}
