/** Entry point of the managers' reports page, served by the proxy at /reports. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueueApi } from '../workspace/queueApi.js';
import { applyLocale, ReportsApp } from './ReportsApp.js';
import { createReportsApi } from './reportsApi.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The browser's language; `?lang=` (or the page's own picker) overrides it.
const locale = new URLSearchParams(window.location.search).get('lang') ?? navigator.language;
applyLocale(locale, false);

createRoot(root).render(
  <StrictMode>
    <ReportsApp session={createQueueApi()} reports={createReportsApi()} locale={locale} />
  </StrictMode>,
);
