/**
 * The check on a reply the agent sends from the helpdesk's own editor: a reply written in the
 * agent's language to a customer who reads another one was most likely meant to go through Parley
 * first, so it is stopped with a message saying so. Anything short of a reliable detection of the
 * agent's language lets the reply go — including Parley failing or being slow: the agent is never
 * stopped because Parley is broken.
 */
import type { ProxyApi } from '../api/proxyApi.js';
import type { OutgoingReply, SendDecision } from '../host/helpdeskHost.js';
import type { Translate } from '../i18n/i18n.js';
import { htmlToText } from './html.js';
import { languageName, languageOf } from './languages.js';

/** How long a send waits for the proxy's detection before the reply is let through. */
export const SEND_CHECK_BUDGET_MS = 4_000;

export interface ReplyLanguageCheckOptions {
  api: Pick<ProxyApi, 'detect'>;
  /** The language the customer reads (the sidebar's choice), when known. */
  customerLanguage: string | undefined;
  agentLocale: string;
  t: Translate;
  budgetMs?: number;
}

const SEND: SendDecision = { send: true };

/** The words the agent wrote: quoted earlier messages are the customer's, not the reply's. */
function replyText(html: string): string {
  return htmlToText(html.replace(/<blockquote[\s\S]*?<\/blockquote>/gi, ' '));
}

export async function checkReplyLanguage(
  reply: OutgoingReply,
  {
    api,
    customerLanguage,
    agentLocale,
    t,
    budgetMs = SEND_CHECK_BUDGET_MS,
  }: ReplyLanguageCheckOptions,
): Promise<SendDecision> {
  const agentLanguage = languageOf(agentLocale);
  if (!customerLanguage || languageOf(customerLanguage) === agentLanguage) return SEND;
  const text = replyText(reply.html);
  if (text === '') return SEND;

  let timer: ReturnType<typeof setTimeout> | undefined;
  const outOfTime = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), budgetMs);
  });
  try {
    const detection = await Promise.race([api.detect({ text }), outOfTime]);
    if (!detection?.reliable || languageOf(detection.language) !== agentLanguage) return SEND;
  } catch {
    return SEND;
  } finally {
    clearTimeout(timer);
  }
  return {
    send: false,
    message: t('send.wrongLanguage', {
      written: languageName(agentLanguage, agentLocale),
      customer: languageName(languageOf(customerLanguage), agentLocale),
    }),
  };
}
