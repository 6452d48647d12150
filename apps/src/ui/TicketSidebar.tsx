/**
 * The ticket sidebar: language badge, translated conversation, reply composer; and, where the
 * helpdesk allows it, the check on replies sent untranslated from the helpdesk's own editor.
 */
import { useState } from 'react';
import { useHost } from '../host/HostProvider.js';
import { useConversation } from '../model/useConversation.js';
import { useReplyLanguageCheck } from '../model/useReplyLanguageCheck.js';
import { ConversationView } from './ConversationView.js';
import { LanguageBadge } from './LanguageBadge.js';
import { ReplyComposer } from './ReplyComposer.js';

export function TicketSidebar({ pollIntervalMs }: { pollIntervalMs?: number }) {
  const host = useHost();
  const state = useConversation();
  const [pickerOpen, setPickerOpen] = useState(false);
  const { conversation } = state;
  useReplyLanguageCheck(state.customerLanguage);
  const chooseLanguage = () => setPickerOpen(true);

  return (
    <main className="parley-sidebar">
      <LanguageBadge
        language={conversation?.customerLanguage}
        requesterLocale={host.context.requesterLocale}
        override={state.override}
        onChoose={state.setOverride}
        pickerOpen={pickerOpen}
        onPickerOpenChange={setPickerOpen}
      />
      <ConversationView
        conversation={conversation}
        loading={state.loading}
        onRetry={state.reload}
        onChooseLanguage={chooseLanguage}
      />
      <ReplyComposer
        customerLanguage={state.customerLanguage}
        pairUnavailable={conversation?.error?.code === 'unsupported_language_pair'}
        onChooseLanguage={chooseLanguage}
        {...(pollIntervalMs ? { pollIntervalMs } : {})}
      />
    </main>
  );
}
