/**
 * The Freshdesk playground page: shows a sample Freshdesk ticket, loads the built Freshdesk app in
 * the sidebar iframe and lets the stand-in Freshworks host answer it, with the app's own
 * manifest, iparams and request templates. Query parameters pick the ticket (`ticket`), the
 * agent's language (`agent`) and the reply mode (`mode`); `replies=proxy` reads the ticket's
 * replies through the proxy's Freshdesk route (a tenant with Freshdesk credentials) instead of the
 * sample's.
 */
import { DISPLAY_POLICY, sanitizeHtmlInBrowser } from '@parley/shared/pipeline/sanitize-dom';
import manifest from '../freshdesk/manifest.json';
import iparamDefinitions from '../freshdesk/config/iparams.json';
import templates from '../freshdesk/config/requests.json';
import { FRESHDESK_AGENT, FRESHDESK_TICKETS } from './freshdeskFixtures.js';
import { FreshworksHostStandIn } from './freshworksHostStandIn.js';

const AGENT_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt-BR', 'ja'];
const APP_URL = '/playground/freshdesk-app/index.html';
const KEY_STORAGE = 'parley.playground.key';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`playground page has no #${id}`);
  return found as T;
}

async function tenantKey(): Promise<string | null> {
  const response = await fetch('/playground/config.json');
  const config = (await response.json()) as { apiKey: string | null };
  return config.apiKey ?? sessionStorage.getItem(KEY_STORAGE);
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const fixture =
    FRESHDESK_TICKETS.find((t) => String(t.ticket.id) === params.get('ticket')) ??
    FRESHDESK_TICKETS[0]!;
  const agentLanguage = params.get('agent') ?? 'en';
  const mode = params.get('mode') === 'review' ? 'review' : 'machine';
  const repliesFromProxy = params.get('replies') === 'proxy';

  const ticketSelect = element<HTMLSelectElement>('ticket');
  for (const { ticket, label } of FRESHDESK_TICKETS)
    ticketSelect.add(
      new Option(
        `#${ticket.id} ${ticket.subject} (${label})`,
        String(ticket.id),
        false,
        ticket === fixture.ticket,
      ),
    );
  const agentSelect = element<HTMLSelectElement>('agent');
  for (const l of AGENT_LANGUAGES) agentSelect.add(new Option(l, l, false, l === agentLanguage));
  element<HTMLSelectElement>('mode').value = mode;
  element<HTMLFormElement>('controls').addEventListener('formdata', (event) => {
    // The key stays in this tab's session storage, out of the URL and the history.
    const key = event.formData.get('key');
    if (typeof key === 'string' && key) sessionStorage.setItem(KEY_STORAGE, key);
    event.formData.delete('key');
  });

  const { ticket, requester, conversations } = fixture;
  element('subject').textContent = `#${ticket.id} ${ticket.subject}`;
  element('requester').textContent = `${requester.name} · contact language ${requester.language}`;
  const thread = element<HTMLOListElement>('thread');
  const show = (who: string, html: string) => {
    const item = document.createElement('li');
    const author = document.createElement('div');
    author.className = 'who';
    author.textContent = who;
    const body = document.createElement('div');
    body.innerHTML = sanitizeHtmlInBrowser(html, DISPLAY_POLICY);
    item.append(author, body);
    thread.append(item);
  };
  show(`${requester.name} (requester)`, ticket.description);
  for (const c of conversations)
    show(
      c.incoming ? `${requester.name} (requester)` : `${FRESHDESK_AGENT.contact.name} (agent)`,
      c.body,
    );

  const key = await tenantKey();
  if (!key) {
    element('key-field').hidden = false;
    element('app-slot').textContent =
      'Enter a tenant key (or start the proxy with PARLEY_DEV_API_KEY) and press Open.';
    return;
  }

  const editor = element('editor');
  const toast = element('toast');
  const iframe = document.createElement('iframe');
  iframe.title = 'Parley sidebar app';
  iframe.src = APP_URL;
  const host = new FreshworksHostStandIn({
    iframe,
    fixture,
    loggedInUser: {
      ...FRESHDESK_AGENT,
      contact: { ...FRESHDESK_AGENT.contact, language: agentLanguage },
    },
    iparamDefinitions,
    iparams: {
      proxy_host: location.host,
      proxy_api_key: key,
      default_mode: mode,
      agent_language: '',
    },
    templates,
    declaredTemplates: Object.keys(manifest.modules.common.requests),
    protocol: location.protocol === 'http:' ? 'http' : 'https',
    repliesFromProxy,
    onInsert(text, how) {
      editor.dataset.how = how;
      editor.innerHTML = sanitizeHtmlInBrowser(text, DISPLAY_POLICY);
    },
    onNotify(type, message) {
      toast.hidden = false;
      toast.dataset.type = type;
      toast.textContent = message;
    },
    onResize(height) {
      iframe.style.height = height;
    },
  });
  host.start();
  element('app-slot').append(iframe);

  element('send').addEventListener('click', () => {
    void host.fire('ticket.sendReply', { body: editor.innerHTML }).then(({ ok, message }) => {
      element('send-status').textContent = ok
        ? 'Reply sent.'
        : `Sending was stopped: ${message ?? ''}`;
      if (ok) editor.innerHTML = '';
    });
  });
}

void main();
