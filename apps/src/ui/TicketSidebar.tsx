/**
 * The ticket sidebar: language badge, translated conversation, reply composer; and, where the
 * helpdesk allows it, the check on replies sent untranslated from the helpdesk's own editor. A
 * customer who writes in the agent's language needs none of it but the badge and one line.
 */
import { useRef, useState } from 'react';
import { useHost } from '../host/HostProvider.js';
import { useConversation } from '../model/useConversation.js';
import { useReplyLanguageCheck } from '../model/useReplyLanguageCheck.js';
import { ConversationView } from './ConversationView.js';
import { LanguageBadge } from './LanguageBadge.js';
import { ReplyComposer } from './ReplyComposer.js';
import { useFrameHeight } from './useFrameHeight.js';

export function TicketSidebar({ pollIntervalMs }: { pollIntervalMs?: number }) {
  const host = useHost();
  const state = useConversation();
  const [pickerOpen, setPickerOpen] = useState(false);
  const content = useRef<HTMLElement>(null);
  const { conversation } = state;
  useReplyLanguageCheck(state.customerLanguage);
  useFrameHeight(content);

  const chooseLanguage = () => setPickerOpen(true);
  return (
    <main className="parley-sidebar" ref={content}>
      <LanguageBadge
        language={conversation?.customerLanguage}
        requesterLocale={host.context.requesterLocale}
        override={state.override}
        pairs={state.pairs}
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
      {!conversation?.sameLanguage && (
        <ReplyComposer
          customerLanguage={state.customerLanguage}
          pairs={state.pairs}
          onChooseLanguage={chooseLanguage}
          comments={conversation?.entries.map((entry) => entry.comment) ?? []}
          {...(pollIntervalMs ? { pollIntervalMs } : {})}
        />
      )}
    </main>
  );
}
