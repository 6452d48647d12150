/**
 * The managers' reports page (`/reports`): the workspace's sign-in, then the report. The page's
 * language follows the browser, `?lang=`, or the picker in its top bar (kept in the address).
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { useEffect, useState } from 'react';
import { createTranslate } from '../i18n/i18n.js';
import { I18nProvider, useI18n } from '../i18n/I18nProvider.js';
import { languageName } from '../model/languages.js';
import { errorMessage } from '../workspace/errorMessage.js';
import { LoginForm } from '../workspace/LoginForm.js';
import type { QueueApi, Translator } from '../workspace/queueApi.js';
import { REPORT_LOCALES, REPORTS_MESSAGES } from './messages.js';
import type { ReportsApi } from './reportsApi.js';
import { ReportView } from './ReportView.js';
import '../ui/base.css';
import '../workspace/workspace.css';
import './reports.css';

/**
 * Shows the page in `locale`: the document's language and title; with `remember`, also `?lang=`
 * in the address, so a reload keeps the language the manager picked.
 */
export function applyLocale(locale: string, remember: boolean): void {
  document.documentElement.lang = locale;
  document.title = createTranslate(locale, REPORTS_MESSAGES)('reports.title');
  const url = new URL(window.location.href);
  if (remember && url.searchParams.get('lang') !== locale) {
    url.searchParams.set('lang', locale);
    history.replaceState(null, '', url);
  }
}

function Reports({
  session,
  reports,
  onLocale,
}: {
  session: QueueApi;
  reports: ReportsApi;
  onLocale: (locale: string) => void;
}) {
  const { t, locale } = useI18n();
  const [manager, setManager] = useState<Translator | null>();
  const [startFailure, setStartFailure] = useState<unknown>();

  useEffect(() => {
    session.me().then(setManager, setStartFailure);
  }, [session]);

  const picked = REPORT_LOCALES.find((code) => locale.toLowerCase().startsWith(code)) ?? 'en';
  const languagePicker = (
    <label className="parley-language">
      {t('reports.language')}{' '}
      <select value={picked} onChange={(event) => onLocale(event.target.value)}>
        {REPORT_LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {languageName(code, code)}
          </option>
        ))}
      </select>
    </label>
  );

  if (startFailure !== undefined)
    return (
      <Alert type="error" role="alert">
        {errorMessage(t, startFailure)}
      </Alert>
    );
  if (manager === undefined)
    return (
      <p className="parley-muted" role="status">
        <Dots /> {t('workspace.loading')}
      </p>
    );
  if (manager === null)
    return (
      <>
        <header className="parley-topbar">
          <strong>Parley</strong>
          {languagePicker}
        </header>
        <LoginForm api={session} onSignedIn={setManager} />
      </>
    );
  return (
    <>
      <header className="parley-topbar">
        <strong>Parley</strong>
        <span className="parley-muted">{t('workspace.signedInAs', { name: manager.name })}</span>
        {languagePicker}
        <Button
          size="small"
          isBasic
          onClick={() => void session.logout().finally(() => setManager(null))}
        >
          {t('workspace.signOut')}
        </Button>
      </header>
      <main>
        <ReportView api={reports} />
      </main>
    </>
  );
}

export function ReportsApp({
  session,
  reports,
  locale: initialLocale,
}: {
  session: QueueApi;
  reports: ReportsApi;
  locale: string;
}) {
  const [locale, setLocale] = useState(initialLocale);
  return (
    <ThemeProvider>
      <I18nProvider locale={locale} catalog={REPORTS_MESSAGES}>
        <Reports
          session={session}
          reports={reports}
          onLocale={(next) => {
            applyLocale(next, true);
            setLocale(next);
          }}
        />
      </I18nProvider>
    </ThemeProvider>
  );
}
