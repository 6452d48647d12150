/** Entry point of the translators' workspace, served by the proxy at /queue. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createTranslate } from '../i18n/i18n.js';
import { loadWorkspaceMessages } from './messages.js';
import { createQueueApi } from './queueApi.js';
import { WorkspaceApp } from './WorkspaceApp.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The browser's language; `?lang=` overrides it (a translator reviewing into a language other
// than their browser's may prefer the UI in their own).
const locale = new URLSearchParams(window.location.search).get('lang') ?? navigator.language;
document.documentElement.lang = locale;
// Not a top-level await: with one, the bundler keeps the modules the entry shares with the editor
// in chunks of their own (its chunk merging is off then), and the first load is 0.7 KiB heavier.
void loadWorkspaceMessages(locale).then((catalog) => {
  document.title = createTranslate(locale, catalog)('workspace.title');
  createRoot(root).render(
    <StrictMode>
      <WorkspaceApp api={createQueueApi()} locale={locale} catalog={catalog} />
    </StrictMode>,
  );
});
