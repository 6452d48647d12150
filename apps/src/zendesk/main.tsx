/** Entry point of the Zendesk ticket sidebar iframe: connects the ZAF client and renders the app. */
import ZAFClient from 'zendesk_app_framework_sdk';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HelpdeskHostProvider } from '../host/HostProvider.js';
import { createTranslate } from '../i18n/i18n.js';
import { UI_MESSAGES } from '../i18n/uiMessages.js';
import { SidebarApp } from '../ui/SidebarApp.js';
import { connectZendesk } from './zendeskHost.js';

const client = ZAFClient.init();

const connect = () =>
  client
    ? connectZendesk(client)
    : // Outside Zendesk there is no agent profile: the browser's language is the best guess.
      Promise.reject(
        new Error(
          createTranslate(navigator.language, UI_MESSAGES)('outsideHelpdesk', {
            helpdesk: 'Zendesk',
          }),
        ),
      );

const root = document.getElementById('root');
if (!root) throw new Error('iframe.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <HelpdeskHostProvider
      connect={connect}
      fallback={(error) => <p role="alert">{error.message}</p>}
    >
      <SidebarApp />
    </HelpdeskHostProvider>
  </StrictMode>,
);
