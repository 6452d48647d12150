/**
 * The playground page: shows a sample ticket as a helpdesk would, loads the built Zendesk app in
 * the sidebar iframe and lets the stand-in host answer it. Query parameters pick the ticket
 * (`ticket`), the agent's locale (`agent`), the editor kind (`richtext`), the reply mode (`mode`) and
 * Zendesk's colour scheme (`scheme`: light or dark).
 */
import { AGENT, FOLLOW_UPS, TICKETS } from './fixtures.js';
import { ZafHostStandIn } from './zafHostStandIn.js';

const AGENT_LOCALES = ['en-US', 'es', 'fr', 'de', 'pt-BR', 'ja'];
const APP_URL = '/playground/app/assets/iframe.html';
const KEY_STORAGE = 'parley.playground.key';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`playground page has no #${id}`);
  return found as T;
}

/** Removes scripts and event-handler attributes: the editor shows HTML the app inserted. */
function inert(html: string): string {
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  body.querySelectorAll('script, iframe, object, embed, style').forEach((node) => node.remove());
  body.querySelectorAll('*').forEach((node) => {
    for (const attribute of Array.from(node.attributes)) {
      if (attribute.name.startsWith('on') || /^\s*javascript:/i.test(attribute.value))
        node.removeAttribute(attribute.name);
    }
  });
  return body.innerHTML;
}

async function tenantKey(): Promise<string | null> {
  const response = await fetch('/playground/config.json');
  const config = (await response.json()) as { apiKey: string | null };
  return config.apiKey ?? sessionStorage.getItem(KEY_STORAGE);
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const ticket = TICKETS.find((t) => String(t.id) === params.get('ticket')) ?? TICKETS[0]!;
  const agentLocale = params.get('agent') ?? 'en-US';
  const useRichText = params.get('richtext') !== 'off';
  const mode = params.get('mode') === 'review' ? 'review' : 'machine';
  const scheme = params.get('scheme') === 'dark' ? 'dark' : 'light';

  const ticketSelect = element<HTMLSelectElement>('ticket');
  for (const t of TICKETS)
    ticketSelect.add(
      new Option(`#${t.id} ${t.subject} (${t.label})`, String(t.id), false, t === ticket),
    );
  const agentSelect = element<HTMLSelectElement>('agent');
  for (const l of AGENT_LOCALES) agentSelect.add(new Option(l, l, false, l === agentLocale));
  element<HTMLInputElement>('richtext').checked = useRichText;
  element<HTMLSelectElement>('mode').value = mode;
  element<HTMLSelectElement>('scheme').value = scheme;
  // An unchecked box sends nothing; say "off" explicitly so the default stays rich text.
  element<HTMLFormElement>('controls').addEventListener('formdata', (event) => {
    if (!element<HTMLInputElement>('richtext').checked) event.formData.set('richtext', 'off');
    // The key stays in this tab's session storage, out of the URL and the history.
    const key = event.formData.get('key');
    if (typeof key === 'string' && key) sessionStorage.setItem(KEY_STORAGE, key);
    event.formData.delete('key');
  });

  element('subject').textContent = `#${ticket.id} ${ticket.subject}`;
  element('requester').textContent =
    `${ticket.requester.name} · profile locale ${ticket.requester.locale}`;
  const thread = element<HTMLOListElement>('thread');
  const showComment = (comment: (typeof ticket.comments)[number]) => {
    const item = document.createElement('li');
    const who = document.createElement('div');
    who.className = 'who';
    who.textContent = `${comment.author.name} (${comment.author.role})`;
    const body = document.createElement('div');
    body.innerHTML = inert(comment.value);
    item.append(who, body);
    thread.append(item);
  };
  ticket.comments.forEach(showComment);

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
  iframe.src = ZafHostStandIn.appUrl(APP_URL, scheme);
  const host = new ZafHostStandIn({
    iframe,
    ticket,
    currentUser: { id: AGENT.id, name: AGENT.name, locale: agentLocale },
    settings: { proxyUrl: location.origin, defaultMode: mode, agentLanguage: '' },
    secureSettings: { proxyApiKey: key },
    useRichText,
    commentText: () => (useRichText ? editor.innerHTML : (editor.textContent ?? '')),
    onInsert(format, content) {
      editor.dataset.format = format;
      if (format === 'html') editor.innerHTML += inert(content);
      else editor.textContent += content;
    },
    onNotify(message) {
      toast.hidden = false;
      toast.textContent = message;
    },
    onResize(height) {
      iframe.style.height = height;
    },
  });
  host.start();
  element('app-slot').append(iframe);

  let commentId = 80000;
  // Zendesk submits the ticket only when every app's `ticket.save` hook lets it.
  element('submit').addEventListener('click', () => {
    void host.save().then((answer) => {
      element('submit-status').textContent = answer.ok
        ? 'Ticket submitted.'
        : `Zendesk did not submit the ticket: ${answer.message}`;
      if (!answer.ok || !editor.innerHTML) return;
      const comment = {
        id: commentId++,
        value: useRichText ? inert(editor.innerHTML) : `<p>${editor.innerHTML}</p>`,
        createdAt: new Date().toISOString(),
        author: { id: AGENT.id, name: AGENT.name, role: 'agent' as const },
      };
      editor.innerHTML = '';
      showComment(comment);
      host.addComment(comment);
    });
  });

  element('follow-up').addEventListener('click', () => {
    const comment = {
      id: commentId++,
      value: FOLLOW_UPS[ticket.id] ?? '<p>…</p>',
      createdAt: new Date().toISOString(),
      author: { id: ticket.requester.id, name: ticket.requester.name, role: 'end-user' as const },
    };
    showComment(comment);
    host.addComment(comment);
  });
}

void main();
