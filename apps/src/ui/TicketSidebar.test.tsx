// @vitest-environment jsdom
/**
 * What the agent sees in the sidebar, with a fake host whose proxy answers follow the proxy's
 * HTTP contract (bodies and error codes as /v1/detect, /v1/translate and /v1/replies send them).
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

/** A proxy that detects by the requester's locale hint and translates with the table above. */
function contractProxy(language = 'es'): FakeHostOptions['proxy'] {
  return (request: ProxyRequest) => {
    const body = request.body as Record<string, unknown>;
    if (request.path === '/v1/detect') {
      return {
        language,
        confidence: 0.93,
        reliable: true,
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
      return { pairs: [{ source: 'es', target: 'en', engines: ['apertium'] }] };
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
  it('shows the detected language with its confidence and the customer comments in English', async () => {
    renderSidebar();
    expect(await screen.findByText('My order has not arrived.')).toBeTruthy();
    expect(screen.getByText('The number is 48213.')).toBeTruthy();
    expect(screen.getByTestId('customer-language').textContent).toBe('Spanish');
    expect(screen.getByText('93% sure')).toBeTruthy();
  });

  it('translates all customer comments in one request and never sends agent comments', async () => {
    const { requests } = renderSidebar();
    await screen.findByText('My order has not arrived.');
    const translations = requests.filter((r) => r.path === '/v1/translate');
    expect(translations).toHaveLength(1);
    expect(
      (translations[0]!.body as { segments: { id: string }[] }).segments.map((s) => s.id),
    ).toEqual(['1', '3']);
    expect(screen.getByText('Could you send me the order number?')).toBeTruthy();
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
    expect(screen.getByText('Mi pedido no ha llegado.')).toBeTruthy();
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
    expect(
      screen.getByText('Words with a dotted underline were not in the engine’s dictionary.'),
    ).toBeTruthy();
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
    expect(await screen.findByText('Thanks for your help.')).toBeTruthy();
  });

  it('says so when the ticket has no customer message yet', async () => {
    renderSidebar({ comments: [SPANISH_THREAD[1]!] });
    expect(await screen.findByText('No customer messages on this ticket yet.')).toBeTruthy();
  });

  it('does not translate a customer who writes in the agent language', async () => {
    const { requests } = renderSidebar({ proxy: contractProxy('en') });
    expect(
      await screen.findByText('The customer writes in your language: nothing to translate.'),
    ).toBeTruthy();
    expect(requests.some((r) => r.path === '/v1/translate')).toBe(false);
  });

  it('offers another language or review when the pair is not available, keeping the originals visible', async () => {
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
    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByText("Translation from German to English isn't available."),
    ).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Choose another language' })).toBeTruthy();
    expect(screen.getByText('Ich habe doppelt bezahlt.')).toBeTruthy();
    expect(screen.getByText('Not translated')).toBeTruthy();
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
    expect(await screen.findByText('My order has not arrived.')).toBeTruthy();
  });
});

describe('overriding the customer language', { timeout: 40_000 }, () => {
  it('uses the chosen language for the ticket and remembers it across a reload', async () => {
    const { requests, view } = renderSidebar({ proxy: contractProxy('pt') });
    await screen.findByRole('alert');
    await userEvent.click(screen.getByRole('button', { name: 'Choose another language' }));
    await userEvent.selectOptions(screen.getByLabelText("Customer's language"), 'es');
    expect(await screen.findByText('My order has not arrived.')).toBeTruthy();
    expect(screen.getByText('chosen by you')).toBeTruthy();
    view.unmount();

    const reloaded = renderSidebar({ proxy: contractProxy('pt') });
    expect(await screen.findByText('My order has not arrived.')).toBeTruthy();
    expect(reloaded.requests.some((r) => r.path === '/v1/detect')).toBe(false);
    expect(requests.filter((r) => r.path === '/v1/detect')).toHaveLength(1);
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
    expect(screen.getByText('Inserted into the reply editor.')).toBeTruthy();
    expect(notices).toEqual(['Inserted into the reply editor.']);
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
    expect(
      await screen.findByText(
        'This text is too long to translate in one go. Shorten it or split it into parts.',
      ),
    ).toBeTruthy();
  });

  it('sends the draft for review and follows the job until it is posted', async () => {
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
    await userEvent.type(
      screen.getByLabelText('Your reply, in English'),
      'Your order ships today.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send for review' }));
    expect(await screen.findByText('Posted on the ticket')).toBeTruthy();
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

  it('says review is unavailable when the proxy has no post-edit queue', async () => {
    renderSidebar();
    await screen.findByText('My order has not arrived.');
    await userEvent.type(
      screen.getByLabelText('Your reply, in English'),
      'Your order ships today.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send for review' }));
    expect(
      await screen.findByText('Review jobs are not available on this Parley proxy yet.'),
    ).toBeTruthy();
  });

  it('offers review when the reply pair is not available', async () => {
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
    await userEvent.click(screen.getByRole('button', { name: 'Translate' }));
    const alerts = await screen.findAllByRole('alert');
    const composerAlert = alerts.find((a) => a.textContent?.includes('English to German'));
    expect(composerAlert).toBeTruthy();
    expect(within(composerAlert!).getByRole('button', { name: 'Send for review' })).toBeTruthy();
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
    expect(await screen.findByText('お客様の言語')).toBeTruthy();
    expect(screen.getByTestId('customer-language').textContent).toBe('英語');
  });
});
