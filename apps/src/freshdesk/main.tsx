/** Entry point of the Freshdesk ticket sidebar: waits for the Freshworks client and renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HelpdeskHostProvider } from '../host/HostProvider.js';
import { createTranslate } from '../i18n/i18n.js';
import { UI_MESSAGES } from '../i18n/uiMessages.js';
import { SidebarApp } from '../ui/SidebarApp.js';
import { connectFreshdesk } from './freshdeskHost.js';

const connect = () =>
  window.app
    ? window.app.initialized().then(connectFreshdesk)
    : // Outside Freshdesk there is no agent profile: the browser's language is the best guess.
      Promise.reject(
        new Error(
          createTranslate(navigator.language, UI_MESSAGES)('outsideHelpdesk', {
            helpdesk: 'Freshdesk',
          }),
        ),
      );

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

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
