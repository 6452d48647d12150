/**
 * The translators' workspace: sign-in, then the queue or the reply being edited. The open job's
 * id is kept in the address (`#/jobs/<id>`), so a reload returns to it (claiming a job one
 * already holds renews the lease and returns it again).
 */
import { Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { Messages } from '../i18n/i18n.js';
import { I18nProvider, useI18n } from '../i18n/I18nProvider.js';
import { errorMessage } from './errorMessage.js';
import type { EditorOutcome } from './JobEditor.js';
import { LoginForm } from './LoginForm.js';
import type { QueueApi, QueueJobDetail, Translator } from './queueApi.js';
import { QueueView } from './QueueView.js';
import { loadChunk } from './loadChunk.js';
import '../ui/base.css';
import './workspace.css';

// The queue is the first view: the editor, the heavier half, loads when a job is opened.
const JobEditor = lazy(() =>
  loadChunk(() => import('./JobEditor.js')).then((module) => ({ default: module.JobEditor })),
);

const JOB_HASH = /^#\/jobs\/([^/]+)$/;

const jobInAddress = (): string | undefined => JOB_HASH.exec(window.location.hash)?.[1];

function setAddress(jobId?: string) {
  const hash = jobId ? `#/jobs/${jobId}` : '';
  if (window.location.hash !== hash)
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
}

function Workspace({ api }: { api: QueueApi }) {
  const { t } = useI18n();
  const [translator, setTranslator] = useState<Translator | null>();
  const [startError, setStartError] = useState<string>();
  const [job, setJob] = useState<QueueJobDetail>();
  const [notice, setNotice] = useState<EditorOutcome>();

  const open = useCallback(
    async (id: string) => {
      setNotice(undefined);
      try {
        const claimed = await api.claim(id);
        setAddress(claimed.id);
        setJob(claimed);
      } catch (failure) {
        setAddress();
        setNotice({ type: 'error', text: errorMessage(t, failure) });
      }
    },
    [api, t],
  );

  useEffect(() => {
    api.me().then(
      (me) => {
        setTranslator(me);
        const id = jobInAddress();
        if (me && id) void open(id);
      },
      (failure: unknown) => setStartError(errorMessage(t, failure)),
    );
  }, [api, open, t]);

  const close = (outcome?: EditorOutcome) => {
    setAddress();
    setJob(undefined);
    setNotice(outcome);
  };

  async function signOut() {
    await api.logout().catch(() => undefined);
    close();
    setTranslator(null);
  }

  if (startError)
    return (
      <Alert type="error" role="alert">
        {startError}{' '}
        <Button size="small" onClick={() => window.location.reload()}>
          {t('workspace.queue.refresh')}
        </Button>
      </Alert>
    );
  const loading = (
    <p className="parley-muted" role="status">
      <Dots /> {t('workspace.loading')}
    </p>
  );
  if (translator === undefined) return loading;
  if (translator === null)
    return (
      <LoginForm
        api={api}
        onSignedIn={(signedIn) => {
          setTranslator(signedIn);
          const id = jobInAddress();
          if (id) void open(id);
        }}
      />
    );

  return (
    <>
      <header className="parley-topbar">
        <strong>Parley</strong>
        <span className="parley-muted">{t('workspace.signedInAs', { name: translator.name })}</span>
        <Button size="small" isBasic onClick={() => void signOut()}>
          {t('workspace.signOut')}
        </Button>
      </header>
      <main>
        {job ? (
          <Suspense fallback={loading}>
            <JobEditor key={job.id} api={api} job={job} onClose={close} />
          </Suspense>
        ) : (
          <QueueView
            api={api}
            translator={translator}
            notice={notice}
            onOpen={(id) => void open(id)}
          />
        )}
      </main>
    </>
  );
}

export function WorkspaceApp({
  api,
  locale,
  catalog,
}: {
  api: QueueApi;
  locale: string;
  /** The workspace's strings for `locale` (loadWorkspaceMessages). */
  catalog: Record<string, Messages>;
}) {
  return (
    <ThemeProvider>
      <I18nProvider locale={locale} catalog={catalog}>
        <Workspace api={api} />
      </I18nProvider>
    </ThemeProvider>
  );
}
