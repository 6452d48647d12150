/** Entry point of the Freshdesk ticket sidebar: waits for the Freshworks client and renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HelpdeskHostProvider } from '../host/HostProvider.js';
import { SidebarApp } from '../ui/SidebarApp.js';
import { connectFreshdesk } from './freshdeskHost.js';

const connect = () =>
  window.app
    ? window.app.initialized().then(connectFreshdesk)
    : Promise.reject(new Error('Parley runs inside Freshdesk: open it from a ticket.'));

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
