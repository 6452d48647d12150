/**
 * The whole sidebar for any helpdesk: Garden theme, UI strings in the agent's language, and the
 * ticket sidebar. Render it inside a `HelpdeskHostProvider`.
 */
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { useHost } from '../host/HostProvider.js';
import { I18nProvider } from '../i18n/I18nProvider.js';
import { TicketSidebar } from './TicketSidebar.js';
import './base.css';
import './sidebar.css';

export function SidebarApp({ pollIntervalMs }: { pollIntervalMs?: number }) {
  const host = useHost();
  return (
    <ThemeProvider>
      <I18nProvider locale={host.context.agentLocale}>
        <TicketSidebar {...(pollIntervalMs ? { pollIntervalMs } : {})} />
      </I18nProvider>
    </ThemeProvider>
  );
}
