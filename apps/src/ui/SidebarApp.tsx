/**
 * The whole sidebar for any helpdesk: Garden theme (dark when the helpdesk shows dark mode), UI
 * strings in the agent's language, and the ticket sidebar. Render it inside a `HelpdeskHostProvider`.
 */
import { DEFAULT_THEME, ThemeProvider, type IGardenTheme } from '@zendeskgarden/react-theming';
import { useHost } from '../host/HostProvider.js';
import { I18nProvider } from '../i18n/I18nProvider.js';
import { UI_MESSAGES } from '../i18n/uiMessages.js';
import { ThemeVariables } from './ThemeVariables.js';
import { TicketSidebar } from './TicketSidebar.js';
import './base.css';
import './sidebar.css';

const DARK_THEME: IGardenTheme = {
  ...DEFAULT_THEME,
  colors: { ...DEFAULT_THEME.colors, base: 'dark' },
};

export function SidebarApp({ pollIntervalMs }: { pollIntervalMs?: number }) {
  const host = useHost();
  return (
    <ThemeProvider theme={host.context.colorScheme === 'dark' ? DARK_THEME : DEFAULT_THEME}>
      <ThemeVariables />
      <I18nProvider locale={host.context.agentLocale} catalog={UI_MESSAGES}>
        <TicketSidebar {...(pollIntervalMs ? { pollIntervalMs } : {})} />
      </I18nProvider>
    </ThemeProvider>
  );
}
