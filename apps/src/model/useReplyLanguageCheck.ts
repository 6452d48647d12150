/**
 * Puts the reply-language check on the helpdesk's send, where the helpdesk lets an app hold a send
 * (`HelpdeskHost.onReplySending`); elsewhere it does nothing. The check reads the customer's
 * language as the sidebar currently shows it.
 */
import { useEffect, useRef } from 'react';
import { createProxyApi } from '../api/proxyApi.js';
import { useHost } from '../host/HostProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { checkReplyLanguage } from './replyLanguageCheck.js';

export function useReplyLanguageCheck(customerLanguage: string | undefined): void {
  const host = useHost();
  const { t } = useI18n();
  const current = useRef({ customerLanguage, t });
  useEffect(() => {
    current.current = { customerLanguage, t };
  }, [customerLanguage, t]);

  useEffect(() => {
    if (!host.onReplySending) return undefined;
    const api = createProxyApi(host);
    return host.onReplySending((reply) =>
      checkReplyLanguage(reply, { api, agentLocale: host.context.agentLocale, ...current.current }),
    );
  }, [host]);
}
