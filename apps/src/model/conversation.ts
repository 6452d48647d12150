/**
 * Reads a ticket's conversation for the agent: finds the customer's language (the agent's
 * override, else one `/v1/detect` call with the requester's profile locale as a prior) and
 * translates every customer comment into the agent's language in one `/v1/translate` call.
 * Agent comments are never sent, and a pair the tenant's engines do not serve is not asked for. A
 * failed call still returns the thread, untranslated, with the error, so the agent can read the
 * originals while deciding what to do.
 */
import type { Detection, UnknownWords } from '@parley/shared/api/schemas';
import type { ProxyApi } from '../api/proxyApi.js';
import { ProxyError, type TicketComment, type TicketContext } from '../host/helpdeskHost.js';
import { htmlToText } from './html.js';
import type { LanguagePairs } from './languagePairs.js';
import { languageOf } from './languages.js';

/** Enough text for a confident detection; more only costs time. */
const DETECTION_SAMPLE_CHARS = 2_000;

export interface CustomerLanguage {
  /** BCP 47 base language, or `und` when the proxy could not tell. */
  code: string;
  /** Set when detected; absent when the agent chose the language. */
  detection?: Detection;
  chosenByAgent: boolean;
}

export interface ConversationEntry {
  comment: TicketComment;
  /** The comment in the agent's language; absent for agent comments and untranslated ones. */
  translationHtml?: string;
  /** Words of `translationHtml` the engine did not know, as offsets into it. */
  unknownWords?: UnknownWords;
}

export interface Conversation {
  entries: ConversationEntry[];
  agentLanguage: string;
  /** Absent when the ticket has no customer comment yet. */
  customerLanguage?: CustomerLanguage;
  /** The customer's comments are in the agent's language already. */
  sameLanguage: boolean;
  /** Why the customer's comments are not translated, when a proxy call failed. */
  error?: ProxyError;
}

function asProxyError(error: unknown): ProxyError {
  if (error instanceof ProxyError) return error;
  return new ProxyError('client_error', error instanceof Error ? error.message : String(error), 0);
}

async function findCustomerLanguage(
  api: ProxyApi,
  context: TicketContext,
  customerComments: TicketComment[],
  override: string | undefined,
): Promise<CustomerLanguage> {
  if (override) return { code: override, chosenByAgent: true };
  const sample = customerComments
    .map((comment) => htmlToText(comment.html))
    .join('\n\n')
    .slice(0, DETECTION_SAMPLE_CHARS);
  const detection = await api.detect({
    text: sample,
    ...(context.requesterLocale ? { hints: { locale: context.requesterLocale } } : {}),
  });
  return { code: detection.language, detection, chosenByAgent: false };
}

/** The proxy's answer for a pair no engine serves, known from `/v1/languages` without asking. */
function unsupportedPair(source: string, target: string): ProxyError {
  return new ProxyError(
    'unsupported_language_pair',
    `No configured engine translates ${source} → ${target}.`,
    422,
  );
}

export async function loadConversation(
  api: ProxyApi,
  context: TicketContext,
  comments: TicketComment[],
  override: string | undefined,
  /** What the engines serve; undefined when the proxy could not list it (then translate and see). */
  pairs: Promise<LanguagePairs | undefined>,
): Promise<Conversation> {
  const agentLanguage = languageOf(context.agentLocale);
  const entries: ConversationEntry[] = comments.map((comment) => ({ comment }));
  const customerComments = comments.filter((comment) => comment.authorRole === 'customer');
  if (customerComments.length === 0) return { entries, agentLanguage, sameLanguage: false };

  let customerLanguage: CustomerLanguage | undefined;
  try {
    customerLanguage = await findCustomerLanguage(api, context, customerComments, override);
    if (languageOf(customerLanguage.code) === agentLanguage) {
      return { entries, agentLanguage, customerLanguage, sameLanguage: true };
    }
    const served = await pairs;
    if (
      customerLanguage.code !== 'und' &&
      served?.serves(customerLanguage.code, agentLanguage) === false
    )
      throw unsupportedPair(customerLanguage.code, agentLanguage);
    const response = await api.translate({
      segments: customerComments.map((comment) => ({ id: comment.id, html: comment.html })),
      // `und`: let the proxy detect over all segments rather than guess a pair.
      source: customerLanguage.code === 'und' ? 'auto' : customerLanguage.code,
      target: agentLanguage,
    });
    const translations = new Map((response.segments ?? []).map((segment) => [segment.id, segment]));
    if (customerLanguage.code === 'und' && response.detection) {
      customerLanguage = {
        code: response.source,
        detection: response.detection,
        chosenByAgent: false,
      };
    }
    return {
      entries: entries.map((entry) => {
        const translation = translations.get(entry.comment.id);
        if (entry.comment.authorRole !== 'customer' || !translation) return entry;
        return {
          ...entry,
          translationHtml: translation.html ?? translation.text ?? '',
          ...(translation.unknown ? { unknownWords: translation.unknown } : {}),
        };
      }),
      agentLanguage,
      customerLanguage,
      sameLanguage: false,
    };
  } catch (error) {
    return {
      entries,
      agentLanguage,
      sameLanguage: false,
      error: asProxyError(error),
      ...(customerLanguage ? { customerLanguage } : {}),
    };
  }
}
