// @vitest-environment jsdom
/**
 * What the agent sees in the sidebar, with a fake host whose proxy answers follow the proxy's
 * HTTP contract (bodies and error codes as /v1/detect, /v1/translate and /v1/replies send them).
 * A bare `getBy…`/`findBy…` query is an assertion: it throws when nothing on screen matches.
 */
import '../testing/matchMedia.js';
import { act, cleanup, configure, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProxyError, type ProxyRequest, type TicketComment } from '../host/helpdeskHost.js';
import { HelpdeskHostProvider } from '../host/HostProvider.js';
import { createFakeHost, type FakeHostOptions } from '../testing/fakeHost.js';
import { SidebarApp } from './SidebarApp.js';

// The first render of Garden's styled components in jsdom takes seconds on a busy two-core machine.
configure({ asyncUtilTimeout: 15_000 });
afterEach(cleanup);
beforeEach(() => localStorage.clear());

const SPANISH_THREAD: TicketComment[] = [
  {
    id: '1',
    authorRole: 'customer',
    authorName: 'María García',
    html: '<p>Mi pedido no ha llegado.</p>',
  },
  {
    id: '2',
    authorRole: 'agent',
    authorName: 'Sam Rivera',
    html: '<p>Could you send me the order number?</p>',
  },
  {
    id: '3',
    authorRole: 'customer',
    authorName: 'María García',
    html: '<p>El número es 48213.</p>',
  },
];

/** English renderings of the Spanish fixtures, as an MT engine would return them. */
const ENGLISH: Record<string, string> = {
  '<p>Mi pedido no ha llegado.</p>': '<p>My order has not arrived.</p>',
  '<p>El número es 48213.</p>': '<p>The number is 48213.</p>',
  '<p>Gracias por su ayuda.</p>': '<p>Thanks for your help.</p>',
  '<p>El zumbido llegó.</p>': '<p>The zumbido arrived.</p>',
  'Thank you for waiting.': 'Gracias por esperar.',
  'Your order ships today.': 'Tu pedido se envía hoy.',
};

/** Words the fake engine leaves as they are and reports as unknown, as Apertium does. */
const UNKNOWN_TO_ENGINE = /zumbido/g;
const unknownIn = (html: string) =>
  Array.from(html.matchAll(UNKNOWN_TO_ENGINE), (m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));

const PAIRS = new Set(['es>en', 'en>es']);

const unsupported = (source: string, target: string) =>
  new ProxyError(
    'unsupported_language_pair',
    `No configured engine translates ${source} → ${target}, directly or through a bridge language.`,
    422,
  );

/** A proxy that detects `language` and translates with the table above. */
function contractProxy(language = 'es', confidence = 0.93): FakeHostOptions['proxy'] {
  return (request: ProxyRequest) => {
    const body = request.body as Record<string, unknown>;
    if (request.path === '/v1/detect') {
      return {
        language,
        confidence,
        reliable: confidence > 0.8,
        alternatives: [{ language: 'pt', confidence: 0.04 }],
      };
    }
    if (request.path === '/v1/translate') {
      const source = String(body.source);
      const target = String(body.target);
      if (!PAIRS.has(`${source}>${target}`)) return unsupported(source, target);
      const segments = body.segments as { id: string; html?: string; text?: string }[];
      return {
        source,
        target,
        engine: 'apertium',
        cached: false,
        qa: [],
        segments: segments.map((s) => {
          if (s.html === undefined) return { id: s.id, text: ENGLISH[s.text ?? ''] ?? s.text };
          const html = ENGLISH[s.html] ?? s.html;
          const unknown = unknownIn(html);
          return { id: s.id, html, ...(unknown.length ? { unknown } : {}) };
        }),
      };
    }
    if (request.path === '/v1/languages')
      return {
        pairs: [...PAIRS].map((pair) => {
          const [source, target] = pair.split('>');
          return { source, target, engines: ['apertium'] };
        }),
      };
    return new ProxyError('not_found', `No route for ${request.method} ${request.path}`, 404);
  };
}

function renderSidebar(options: Partial<FakeHostOptions> & { pollIntervalMs?: number } = {}) {
  const fake = createFakeHost({ comments: SPANISH_THREAD, proxy: contractProxy(), ...options });
  const view = render(
    <HelpdeskHostProvider connect={async () => fake.host}>
      <SidebarApp {...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {})} />
    </HelpdeskHostProvider>,
  );
  return { ...fake, view };
}

describe('reading the conversation', { timeout: 40_000 }, () => {
  it('shows the detected language and the customer comments in English, without a confidence the detector was sure of', async () => {
    renderSidebar();
    await screen.findByText('My order has not arrived.');
    screen.getByText('The number is 48213.');
    expect(screen.getByTestId('customer-language').textContent).toBe('Spanish');
    expect(screen.queryByText(/% sure/)).toBeNull();
  });

  it('shows how sure the detector was when it was unsure', async () => {
    renderSidebar({ proxy: contractProxy('es', 0.62) });
    await screen.findByText('My order has not arrived.');
    screen.getByText('62% sure');
  });

  it('translates all customer comments in one request and never sends agent comments', async () => {
    const { requests } = renderSidebar();
    await screen.findByText('My order has not arrived.');
    const translations = requests.filter((r) => r.path === '/v1/translate');
    expect(translations).toHaveLength(1);
    expect(
      (translations[0]!.body as { segments: { id: string }[] }).segments.map((s) => s.id),
    ).toEqual(['1', '3']);
    screen.getByText('Could you send me the order number?');
  });

  it('passes the requester profile locale to detection as a prior', async () => {
    const { requests } = renderSidebar();
    await screen.findByText('My order has not arrived.');
    const detect = requests.find((r) => r.path === '/v1/detect');
    expect(detect?.body).toMatchObject({ hints: { locale: 'es-ES' } });
  });

  it('shows the original comment one click away', async () => {
    renderSidebar();
    await screen.findByText('My order has not arrived.');
    const [first] = screen.getAllByRole('button', { name: 'Show original' });
    await userEvent.click(first!);
    screen.getByText('Mi pedido no ha llegado.');
    expect(screen.queryByText('My order has not arrived.')).toBeNull();
  });

  it('marks the words the engine did not know in the translation, not in the original', async () => {
    const thread: TicketComment[] = [
      { id: '1', authorRole: 'customer', authorName: 'Ana', html: '<p>El zumbido llegó.</p>' },
    ];
    renderSidebar({ comments: thread });
    const word = await screen.findByTitle(
      'Not in the engine’s dictionary: check this word in the original',
    );
    expect(word.textContent).toBe('zumbido');
    screen.getByText('Words with a dotted underline were not in the engine’s dictionary.');
    await userEvent.click(screen.getByRole('button', { name: 'Show original' }));
    expect(screen.queryByTitle(/engine’s dictionary/)).toBeNull();
    expect(screen.queryByText(/dotted underline/)).toBeNull();
  });

  it('translates a new customer comment when the ticket comments change', async () => {
    const { changeComments } = renderSidebar();
    await screen.findByText('My order has not arrived.');
    act(() =>
      changeComments([
        ...SPANISH_THREAD,
        {
          id: '4',
          authorRole: 'customer',
          authorName: 'María García',
          html: '<p>Gracias por su ayuda.</p>',
        },
      ]),
    );
    await screen.findByText('Thanks for your help.');
  });

  it('marks a customer comment the proxy returned no translation for', async () => {
    const proxy = contractProxy();
    renderSidebar({
      proxy: (request) => {
        const answer = proxy(request) as { segments?: { id: string }[] };
        if (request.path !== '/v1/translate') return answer;
        return { ...answer, segments: answer.segments?.filter((segment) => segment.id !== '3') };
      },
    });
    await screen.findByText('My order has not arrived.');
    screen.getByText('El número es 48213.');
    expect(screen.getAllByText('Not translated')).toHaveLength(1);
  });

  it('says so when the ticket has no customer message yet', async () => {
    renderSidebar({ comments: [SPANISH_THREAD[1]!] });
    await screen.findByText('No customer messages on this ticket yet.');
  });

  it('says once that a customer who writes in the agent language needs no translation, and steps aside', async () => {
    const { requests } = renderSidebar({ proxy: contractProxy('en') });
    await screen.findByText('The customer writes in your language: nothing to translate.');
    expect(requests.some((r) => r.path === '/v1/translate')).toBe(false);
    expect(screen.queryByText('Not translated')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Translate' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send for review' })).toBeNull();
  });

  it('says once that the pair is not available, without asking the engines, keeping the originals visible', async () => {
    const { requests } = renderSidebar({
      comments: [
        {
          id: '9',
          authorRole: 'customer',
          authorName: 'Jonas',
          html: '<p>Ich habe doppelt bezahlt.</p>',
        },
      ],
      proxy: contractProxy('de'),
    });
    const alert = await screen.findByRole('alert');
    within(alert).getByText("Translation from German to English isn't available.");
    expect(alert.textContent).toContain(
      'An administrator can add an engine for this language pair.',
    );
    within(alert).getByRole('button', { name: 'Choose another language' });
    screen.getByText('Ich habe doppelt bezahlt.');
    expect(screen.queryByText('Not translated')).toBeNull();
    expect(requests.some((r) => r.path === '/v1/translate')).toBe(false);
  });

  it('tells the agent the proxy is unreachable and retries on request', async () => {
    let down = true;
    const proxy = contractProxy();
    renderSidebar({
      proxy: (request) =>
        down ? new ProxyError('proxy_unreachable', 'no answer', 0) : proxy(request),
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Parley's translation service can't be reached.");
    down = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByText('My order has not arrived.');
  });
});

describe('overriding the customer language', { timeout: 40_000 }, () => {
  it('uses the chosen language for the ticket and remembers it across a reload', async () => {
    const { requests, view } = renderSidebar({ proxy: contractProxy('pt') });
    await screen.findByRole('alert');
    await userEvent.click(screen.getByRole('button', { name: 'Choose another language' }));
    await userEvent.selectOptions(screen.getByLabelText("Customer's language"), 'es');
    await screen.findByText('My order has not arrived.');
    screen.getByText('chosen by you');
    view.unmount();

    const reloaded = renderSidebar({ proxy: contractProxy('pt') });
    await screen.findByText('My order has not arrived.');
    expect(reloaded.requests.some((r) => r.path === '/v1/detect')).toBe(false);
    expect(requests.filter((r) => r.path === '/v1/detect')).toHaveLength(1);
  });
});

describe('the language picker', { timeout: 40_000 }, () => {
  it('lists each language once, those the engines translate apart from those only review serves', async () => {
    renderSidebar({ proxy: contractProxy('de') });
    await screen.findByRole('alert');
    await userEvent.click(screen.getByRole('button', { name: 'Change' }));
    const picker = screen.getByLabelText("Customer's language");
    const group = (label: string) =>
      [...picker.querySelectorAll(`optgroup[label="${label}"] option`)].map((o) => o.textContent);
    expect(group('Translated now')).toEqual(['English', 'Spanish']);
    expect(group('Through review only')).toContain('German');
    expect(group('Through review only')).not.toContain('American English');
    const names = [...picker.querySelectorAll('option')].map((o) => o.textContent);
    expect(names.filter((name) => name === 'Portuguese')).toHaveLength(1);
  });
});

describe('replying in the agent language', { timeout: 40_000 }, () => {
  it('translates the draft with Ctrl+Enter and inserts the edited translation as HTML', async () => {
    const { inserted, notices } = renderSidebar();
    await screen.findByText('My order has not arrived.');
    const draft = screen.getByLabelText('Your reply, in English');
    await userEvent.type(
      draft,
      'Thank you for waiting.{Shift>}{Enter}{/Shift}Your order ships today.',
    );
    fireEvent.keyDown(draft, { key: 'Enter', ctrlKey: true });
    const preview = (await screen.findByLabelText(
      'Reply in Spanish (you can edit it)',
    )) as HTMLTextAreaElement;
    expect(preview.value).toBe('Gracias por esperar.\nTu pedido se envía hoy.');
    await userEvent.type(preview, ' ¡Saludos!');
    await userEvent.click(screen.getByRole('button', { name: 'Insert into reply' }));
    expect(inserted).toEqual([
      {
        format: 'html',
        html: '<p>Gracias por esperar.<br>Tu pedido se envía hoy. ¡Saludos!</p>',
        text: 'Gracias por esperar.\nTu pedido se envía hoy. ¡Saludos!',
      },
    ]);
    screen.getByText('Inserted into the reply editor.');
    expect(notices).toEqual(['Inserted into the reply editor.']);
  });

  it('inserts a reply once: the composer is empty and focused afterwards, with no second insert', async () => {
    const { inserted } = renderSidebar();
    await screen.findByText('My order has not arrived.');
    const draft = screen.getByLabelText('Your reply, in English') as HTMLTextAreaElement;
    await userEvent.type(draft, 'Your order ships today.');
    await userEvent.click(screen.getByRole('button', { name: 'Translate' }));
    await screen.findByLabelText('Reply in Spanish (you can edit it)');
    await userEvent.click(screen.getByRole('button', { name: 'Insert into reply' }));
    expect((await screen.findByRole('status')).textContent).toBe('Inserted into the reply editor.');
    expect(draft.value).toBe('');
    expect(document.activeElement).toBe(draft);
    expect(screen.queryByLabelText('Reply in Spanish (you can edit it)')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Insert into reply' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Translate' }).hasAttribute('disabled')).toBe(true);
    expect(inserted).toHaveLength(1);
  });

  it('explains a draft that is too long for the proxy', async () => {
    const proxy = contractProxy();
    renderSidebar({
      proxy: (request) =>
        request.path === '/v1/translate' && (request.body as { source: string }).source === 'en'
          ? new ProxyError(
              'text_too_long',
              'The text has 25000 characters; the limit is 20000.',
              413,
            )
          : proxy(request),
    });
    await screen.findByText('My order has not arrived.');
    await userEvent.type(screen.getByLabelText('Your reply, in English'), 'Thank you for waiting.');
    await userEvent.click(screen.getByRole('button', { name: 'Translate' }));
    await screen.findByText(
      'This text is too long to translate in one go. Shorten it or split it into parts.',
    );
  });

  it('sends the draft for review once and follows the job until it is posted', async () => {
    const statuses = ['in_review', 'posted'];
    const proxy = contractProxy();
    const { requests } = renderSidebar({
      pollIntervalMs: 10,
      proxy: (request) => {
        if (request.path === '/v1/replies') return { id: 'job-7', status: 'queued' };
        if (request.path === '/v1/replies/job-7')
          return { id: 'job-7', status: statuses.shift() ?? 'posted' };
        return proxy(request);
      },
    });
    await screen.findByText('My order has not arrived.');
    const draft = screen.getByLabelText('Your reply, in English') as HTMLTextAreaElement;
    await userEvent.type(draft, 'Your order ships today.');
    await userEvent.click(screen.getByRole('button', { name: 'Send for review' }));
    await screen.findByText('Posted on the ticket');
    screen.getByText('Sent for review');
    expect(draft.value).toBe('');
    expect(screen.getByRole('button', { name: 'Send for review' }).hasAttribute('disabled')).toBe(
      true,
    );
    expect(requests.filter((r) => r.path === '/v1/replies')).toHaveLength(1);
    const created = requests.find((r) => r.path === '/v1/replies');
    expect(created?.idempotencyKey).toBeTruthy();
    expect(created?.body).toEqual({
      helpdesk: 'zendesk',
      ticketId: '1001',
      authorId: '9001',
      draft: '<p>Your order ships today.</p>',
      format: 'html',
      source: 'en',
      target: 'es',
      mode: 'review',
    });
  });

  it('shows when the job is due and which translator is reviewing it', async () => {
    const dueAt = new Date();
    dueAt.setHours(16, 45, 0, 0);
    const proxy = contractProxy();
    renderSidebar({
      pollIntervalMs: 10,
      proxy: (request) => {
        if (request.path === '/v1/replies')
          return { id: 'job-8', status: 'queued', dueAt: dueAt.toISOString() };
        if (request.path === '/v1/replies/job-8')
          return {
            id: 'job-8',
            status: 'in_review',
            dueAt: dueAt.toISOString(),
            editor: { id: 't-1', name: 'Lucía' },
          };
        return proxy(request);
      },
    });
    await screen.findByText('My order has not arrived.');
    await userEvent.type(screen.getByLabelText('Your reply, in English'), 'Thank you for waiting.');
    await userEvent.click(screen.getByRole('button', { name: 'Send for review' }));
    await screen.findByText('Lucía is reviewing it');
    screen.getByText('Due by 4:45 PM');
  });

  it('says when a job is past its due time with no translator yet', async () => {
    const proxy = contractProxy();
    renderSidebar({
      pollIntervalMs: 10,
      proxy: (request) => {
        if (request.path === '/v1/replies') return { id: 'job-9', status: 'queued' };
        if (request.path === '/v1/replies/job-9')
          return { id: 'job-9', status: 'queued', flagged: true };
        return proxy(request);
      },
    });
    await screen.findByText('My order has not arrived.');
    await userEvent.type(screen.getByLabelText('Your reply, in English'), 'Thank you for waiting.');
    await userEvent.click(screen.getByRole('button', { name: 'Send for review' }));
    await screen.findByText('Past its due time and still waiting for a translator.');
  });

  it('shows a failed job as a failure in the agent language, with the approved text to insert by hand, once', async () => {
    const proxy = contractProxy();
    const { inserted } = renderSidebar({
      pollIntervalMs: 10,
      proxy: (request) => {
        if (request.path === '/v1/replies') return { id: 'job-1', status: 'approved' };
        if (request.path === '/v1/replies/job-1')
          return {
            id: 'job-1',
            status: 'failed',
            error: {
              code: 'helpdesk_not_configured',
              message:
                'No zendesk credentials are set for this tenant (npm run helpdesk -- set dev …).',
            },
            machine: '<p>Gracias por esperar.</p>',
            approved: '<p>¡Gracias por esperar!</p>',
          };
        return proxy(request);
      },
    });
    await screen.findByText('My order has not arrived.');
    await userEvent.type(screen.getByLabelText('Your reply, in English'), 'Thank you for waiting.');
    await userEvent.click(screen.getByRole('button', { name: 'Send for review' }));
    const alert = await screen.findByRole('alert');
    within(alert).getByText('Your reply was not posted');
    expect(alert.textContent).toContain(
      'Parley is not connected to Zendesk yet, so it could not post the reply. An administrator can connect it.',
    );
    expect(alert.textContent).not.toContain('npm run');
    await userEvent.click(
      within(alert).getByRole('button', { name: 'Insert the approved translation' }),
    );
    expect(inserted).toEqual([
      { format: 'html', html: '<p>¡Gracias por esperar!</p>', text: '¡Gracias por esperar!' },
    ]);
    expect(alert.textContent).toContain('Inserted into the reply editor.');
    expect(within(alert).queryAllByRole('button')).toHaveLength(0);
  });

  it('sends the draft of a job the translator sent back for review again, as a new job', async () => {
    const created: (string | undefined)[] = [];
    const proxy = contractProxy();
    renderSidebar({
      pollIntervalMs: 10,
      proxy: (request) => {
        if (request.path === '/v1/replies') {
          created.push(request.idempotencyKey);
          return { id: `job-${created.length}`, status: 'queued' };
        }
        if (request.path === '/v1/replies/job-1')
          return {
            id: 'job-1',
            status: 'failed',
            error: { code: 'rejected', message: 'The order number is missing.' },
            machine: '<p>Gracias por esperar.</p>',
          };
        if (request.path === '/v1/replies/job-2') return { id: 'job-2', status: 'queued' };
        return proxy(request);
      },
    });
    await screen.findByText('My order has not arrived.');
    await userEvent.type(screen.getByLabelText('Your reply, in English'), 'Thank you for waiting.');
    await userEvent.click(screen.getByRole('button', { name: 'Send for review' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'The translator sent it back: The order number is missing.',
    );
    within(alert).getByRole('button', { name: 'Insert the machine translation' });
    await userEvent.click(within(alert).getByRole('button', { name: 'Send for review again' }));
    await screen.findByText('Waiting for a translator');
    expect(created).toHaveLength(2);
    expect(created[1]).not.toBe(created[0]);
  });

  it('says review is unavailable when the proxy has no post-edit queue', async () => {
    renderSidebar();
    await screen.findByText('My order has not arrived.');
    await userEvent.type(
      screen.getByLabelText('Your reply, in English'),
      'Your order ships today.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send for review' }));
    await screen.findByText('Review jobs are not available on this Parley proxy yet.');
  });

  it('offers only review when no engine translates the reply, without a second warning', async () => {
    renderSidebar({
      comments: [
        {
          id: '9',
          authorRole: 'customer',
          authorName: 'Jonas',
          html: '<p>Ich habe doppelt bezahlt.</p>',
        },
      ],
      proxy: contractProxy('de'),
    });
    await screen.findByRole('alert');
    await userEvent.type(screen.getByLabelText('Your reply, in English'), 'We refunded you.');
    expect(screen.getByRole('button', { name: 'Translate' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Send for review' }).hasAttribute('disabled')).toBe(
      false,
    );
    screen.getByText(
      'No engine translates into German yet: send your reply for review and a translator will write it.',
    );
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });
});

describe('sending from the helpdesk editor', { timeout: 40_000 }, () => {
  it('stops a reply the agent did not translate, and lets one in the customer’s language go', async () => {
    const spanishProxy = contractProxy();
    const proxy: FakeHostOptions['proxy'] = (request) =>
      request.path === '/v1/detect' &&
      (request.body as { text?: string }).text === 'Thank you for waiting.'
        ? { language: 'en', confidence: 0.96, reliable: true, alternatives: [] }
        : spanishProxy(request);
    const { sendFromEditor } = renderSidebar({ proxy });
    await screen.findByText('My order has not arrived.');
    expect(await sendFromEditor('<p>Thank you for waiting.</p>')).toEqual({
      send: false,
      message:
        'This reply is in English, but the customer reads Spanish. Translate it with Parley in the sidebar first, then send it.',
    });
    expect(await sendFromEditor('<p>Gracias por esperar.</p>')).toEqual({ send: true });
  });
});

describe('the UI language', { timeout: 40_000 }, () => {
  it('shows the sidebar in Japanese for a Japanese agent', async () => {
    renderSidebar({ context: { agentLocale: 'ja' }, proxy: contractProxy('en') });
    await screen.findByText('お客様の言語');
    expect(screen.getByTestId('customer-language').textContent).toBe('英語');
  });
});
