/**
 * The conversation as React state: loads it when the sidebar opens, again when the helpdesk says
 * the comments changed, and when the agent overrides the customer's language (remembered per
 * ticket); and the pairs the tenant's engines serve, asked once, beside the first detection.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createProxyApi } from '../api/proxyApi.js';
import { ProxyError } from '../host/helpdeskHost.js';
import { useHost } from '../host/HostProvider.js';
import { loadConversation, type Conversation } from './conversation.js';
import { createLanguageOverrideStore, ticketKey } from './languageOverride.js';
import { languagePairs, type LanguagePairs } from './languagePairs.js';
import { languageOf } from './languages.js';

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export interface ConversationState {
  conversation: Conversation | null;
  loading: boolean;
  /** The language the customer reads: the agent's choice, else the detected one, else the profile's. */
  customerLanguage: string | undefined;
  override: string | undefined;
  /** What the engines serve; undefined until known, or when the proxy could not list it. */
  pairs: LanguagePairs | undefined;
  setOverride(language: string | undefined): void;
  reload(): void;
}

export function useConversation(): ConversationState {
  const host = useHost();
  const api = useMemo(() => createProxyApi(host), [host]);
  const store = useMemo(() => createLanguageOverrideStore(browserStorage()), []);
  const key = ticketKey(host.context.helpdesk, host.context.ticketId);
  const [override, setOverrideState] = useState(() => store.get(key));
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  // Without the list the sidebar still works: it translates and shows what the proxy answers.
  const pairsRequest = useMemo(() => api.languages().then(languagePairs, () => undefined), [api]);
  const [pairs, setPairs] = useState<LanguagePairs>();

  useEffect(() => {
    let live = true;
    void pairsRequest.then((loaded) => live && setPairs(loaded));
    return () => {
      live = false;
    };
  }, [pairsRequest]);

  useEffect(() => host.onCommentsChanged(reload), [host, reload]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    host
      .getComments()
      .then((comments) => loadConversation(api, host.context, comments, override, pairsRequest))
      .catch((error: unknown): Conversation => ({
        entries: [],
        agentLanguage: languageOf(host.context.agentLocale),
        sameLanguage: false,
        error:
          error instanceof ProxyError
            ? error
            : new ProxyError(
                'client_error',
                error instanceof Error ? error.message : String(error),
                0,
              ),
      }))
      .then((loaded) => {
        if (!live) return;
        setConversation(loaded);
        setLoading(false);
        // Lets tests and the playground measure the time from frame load to a translated thread.
        if (loaded.entries.some((entry) => entry.translationHtml !== undefined)) {
          performance.mark('parley:thread-translated');
        }
      });
    return () => {
      live = false;
    };
  }, [host, api, override, generation, pairsRequest]);

  const setOverride = useCallback(
    (language: string | undefined) => {
      store.set(key, language);
      setOverrideState(language);
    },
    [store, key],
  );

  const detected = conversation?.customerLanguage?.code;
  const customerLanguage =
    override ??
    (detected && detected !== 'und' ? detected : undefined) ??
    (host.context.requesterLocale ? languageOf(host.context.requesterLocale) : undefined);

  return { conversation, loading, customerLanguage, override, pairs, setOverride, reload };
}
