// @vitest-environment jsdom
/**
 * The editor a translator works in, against a fake queue API whose answers follow the proxy's
 * /v1/queue contract (its schemas, published at /openapi.json).
 * A bare `getBy…`/`findBy…` query is an assertion: it throws when nothing on screen matches.
 */
import '../testing/matchMedia.js';
import { act, cleanup, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider.js';
import { JobEditor, type EditorOutcome } from './JobEditor.js';
import { loadWorkspaceMessages } from './messages.js';
import { QueueApiError, type QueueApi, type QueueJobDetail } from './queueApi.js';

configure({ asyncUtilTimeout: 15_000 });
// jsdom lays nothing out, so it has no scrolling.
Element.prototype.scrollIntoView = () => undefined;
afterEach(cleanup);

const ENGLISH = await loadWorkspaceMessages('en');

const JOB: QueueJobDetail = {
  id: 'job-1',
  tenant: { id: 'acme', name: 'Acme Support' },
  source: 'en',
  target: 'es',
  dueAt: new Date(Date.now() + 3_600_000).toISOString(),
  leaseExpiresAt: new Date(Date.now() + 600_000).toISOString(),
  format: 'html',
  engine: 'apertium',
  ticket: {
    id: '4821',
    subject: 'Where is my order?',
    lastMessage: 'I ordered a week ago and nothing has arrived. Write to [e-mail].',
  },
  personalValuesShown: false,
  segments: [
    {
      index: 0,
      source: 'Hello <x id="1"/>,',
      target: 'Hola <x id="1"/>,',
      origin: 'memory',
      match: 100,
      translatable: true,
      placeholders: [{ id: 1, kind: 'span', display: '{{ticket.requester.first_name}}' }],
      terms: [],
    },
    {
      index: 1,
      source: 'Your <x id="1"/>order<x id="2"/> 48213 ships on Friday.',
      target: 'Su <x id="1"/>pedido<x id="2"/> 48213 sale el viernes.',
      origin: 'machine',
      translatable: true,
      placeholders: [
        { id: 1, kind: 'open', display: '<b>' },
        { id: 2, kind: 'close', display: '</b>' },
      ],
      terms: [{ source: 'order', target: 'pedido' }],
    },
  ],
};

function fakeApi(overrides: Partial<QueueApi> = {}): QueueApi {
  return {
    me: vi.fn(),
    login: vi.fn(),
    logout: vi.fn(),
    jobs: vi.fn(),
    claim: vi.fn(),
    renew: vi.fn(async () => ({ leaseExpiresAt: new Date(Date.now() + 600_000).toISOString() })),
    release: vi.fn(async () => undefined),
    reject: vi.fn(async () => undefined),
    check: vi.fn(async () => []),
    submit: vi.fn(async () => ({ status: 'approved' as const })),
    saveDraft: vi.fn(async () => ({ savedAt: new Date().toISOString() })),
    status: vi.fn(async (id: string) => ({ id, status: 'posted' as const })),
    matches: vi.fn(async () => ({ segments: [] })),
    concordance: vi.fn(async () => ({ memory: [], glossary: [] })),
    ...overrides,
  };
}

function renderEditor(
  api: QueueApi,
  {
    job = JOB,
    ...props
  }: {
    renewEveryMs?: number;
    saveDraftAfterMs?: number;
    pollPostingEveryMs?: number;
    job?: QueueJobDetail;
  } = {},
) {
  const onClose = vi.fn<(outcome?: EditorOutcome) => void>();
  render(
    <ThemeProvider>
      <I18nProvider locale="en" catalog={ENGLISH}>
        <JobEditor api={api} job={job} onClose={onClose} {...props} />
      </I18nProvider>
    </ThemeProvider>,
  );
  return {
    onClose,
    editor: (n: number) => screen.getByRole('textbox', { name: `Translation of segment ${n}` }),
  };
}

/** What a translator's typing leaves in a segment editor. */
function type(editor: HTMLElement, html: string) {
  editor.innerHTML = html;
  fireEvent.input(editor);
}

describe('the job editor', () => {
  it('shows each segment with its origin and the machine target with tokens', async () => {
    const { editor } = renderEditor(fakeApi());
    await screen.findByRole('heading', { name: '#4821 · Where is my order?' });
    screen.getByText('Translator-approved memory, 100%');
    screen.getByText('Machine translation (apertium)');
    expect(editor(2).textContent).toBe('Su <b>pedido</b> 48213 sale el viernes.');
    expect(
      within(editor(1))
        .getByText('{{ticket.requester.first_name}}')
        .getAttribute('contenteditable'),
    ).toBe('false');
    const term = screen.getByText('order');
    expect(document.getElementById(term.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Glossary: order → pedido',
    );
  });

  it('marks the words of a machine translation the engine did not know', async () => {
    const target = 'El zorblax y el quux llegan.';
    const at = (word: string) => ({
      start: target.indexOf(word),
      end: target.indexOf(word) + word.length,
    });
    const job: QueueJobDetail = {
      ...JOB,
      segments: [
        {
          ...JOB.segments[1]!,
          index: 0,
          placeholders: [],
          terms: [],
          target,
          unknown: [at('zorblax'), at('quux')],
        },
      ],
    };
    renderEditor(fakeApi(), { job });
    const note = await screen.findByText(/Not in the engine’s dictionary/);
    expect(
      Array.from(note.querySelectorAll('.parley-unknown'), (word) => word.textContent),
    ).toEqual(['zorblax', 'quux']);
  });

  it('shows no unknown words where the engine knew them all', async () => {
    renderEditor(fakeApi());
    await screen.findByRole('heading', { name: '#4821 · Where is my order?' });
    expect(screen.queryByText(/Not in the engine’s dictionary/)).toBeNull();
  });

  it('confirms a segment with Ctrl+Enter and moves to the next one, then to Approve', async () => {
    const { editor } = renderEditor(fakeApi());
    await screen.findByRole('heading', { name: '#4821 · Where is my order?' });
    fireEvent.keyDown(editor(1), { key: 'Enter', ctrlKey: true });
    expect(document.activeElement).toBe(editor(2));
    screen.getByText('Confirmed');
    fireEvent.keyDown(editor(2), { key: 'Enter', ctrlKey: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Approve and send' }));
  });

  it('offers to put back a placeholder the translator deleted', async () => {
    const { editor } = renderEditor(fakeApi());
    await screen.findByRole('heading', { name: '#4821 · Where is my order?' });
    type(editor(1), 'Hola,');
    const insert = screen.getByRole('button', { name: 'Insert {{ticket.requester.first_name}}' });
    fireEvent.click(insert);
    expect(editor(1).querySelectorAll('[data-placeholder="1"]')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /^Insert/ })).toBeNull();
  });

  it('sends only the changed segments, in masked form, and says when the reply is posted', async () => {
    const api = fakeApi();
    const { editor } = renderEditor(api);
    await screen.findByRole('heading', { name: '#4821 · Where is my order?' });
    type(editor(2), editor(2).innerHTML.replace('sale el viernes', 'llega el viernes &amp; más'));
    fireEvent.click(screen.getByRole('button', { name: 'Approve and send' }));
    await screen.findByText('Posted to ticket #4821.');
    const submission = {
      segments: [
        { index: 1, target: 'Su <x id="1"/>pedido<x id="2"/> 48213 llega el viernes &amp; más.' },
      ],
      dismissed: [],
    };
    expect(api.check).toHaveBeenCalledWith('job-1', submission);
    expect(api.submit).toHaveBeenCalledWith('job-1', submission);
  });

  it('shows what the QA check refuses, without submitting', async () => {
    const missing = {
      code: 'placeholder_missing',
      severity: 'error' as const,
      message: '{{ticket.requester.first_name}} is missing.',
      segment: 0,
      detail: '{{ticket.requester.first_name}}',
    };
    const api = fakeApi({ check: vi.fn(async () => [missing]) });
    const { editor, onClose } = renderEditor(api);
    await screen.findByRole('heading', { name: '#4821 · Where is my order?' });
    type(editor(1), 'Hola,');
    fireEvent.click(screen.getByRole('button', { name: 'Approve and send' }));
    const panel = await screen.findByRole('alert');
    expect(panel.textContent).toContain('{{ticket.requester.first_name}} is missing.');
    expect(api.submit).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('sends a warning the translator dismissed with the next check and submission', async () => {
    const warning = {
      code: 'number_mismatch',
      severity: 'warning' as const,
      message: 'Numbers differ.',
      segment: 1,
      detail: 'missing 48213',
    };
    const check = vi.fn<QueueApi['check']>().mockResolvedValueOnce([warning]).mockResolvedValue([]);
    const api = fakeApi({ check });
    renderEditor(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Approve and send' }));
    const panel = await screen.findByRole('alert');
    expect(panel.textContent).toContain('The numbers differ from the source: missing 48213.');
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Send anyway — numbers differ' }));
    fireEvent.click(screen.getByRole('button', { name: 'Approve and send' }));
    await screen.findByText('Posted to ticket #4821.');
    const submission = { segments: [], dismissed: ['number_mismatch'] };
    expect(check).toHaveBeenLastCalledWith('job-1', submission);
    expect(api.submit).toHaveBeenCalledTimes(1);
    expect(api.submit).toHaveBeenCalledWith('job-1', submission);
  });

  it('shows QA the proxy refuses the submission for after a passing check', async () => {
    const warning = {
      code: 'number_mismatch',
      severity: 'warning' as const,
      message: 'Numbers differ.',
      segment: 1,
      detail: 'missing 48213',
    };
    const submit = vi
      .fn<QueueApi['submit']>()
      .mockRejectedValue(new QueueApiError('qa_failed', 'QA failed', 422, [warning]));
    const { onClose } = renderEditor(fakeApi({ submit }));
    fireEvent.click(await screen.findByRole('button', { name: 'Approve and send' }));
    const panel = await screen.findByRole('alert');
    expect(panel.textContent).toContain('The numbers differ from the source: missing 48213.');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('renews the lease while the translator types, and stops editing when it is lost', async () => {
    const renew = vi
      .fn<QueueApi['renew']>()
      .mockRejectedValue(new QueueApiError('lease_expired', 'Expired', 409));
    const { editor } = renderEditor(fakeApi({ renew }), { renewEveryMs: 20 });
    await screen.findByRole('heading', { name: '#4821 · Where is my order?' });
    await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
    expect(renew).not.toHaveBeenCalled();
    type(editor(1), 'Hola <b>x</b>');
    await vi.waitFor(() => expect(renew).toHaveBeenCalledWith('job-1'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your claim on this reply expired');
    expect(editor(1).getAttribute('contenteditable')).toBe('false');
    expect(screen.getByRole('button', { name: 'Approve and send' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('rejects with the reason the translator gives', async () => {
    const api = fakeApi();
    const { onClose } = renderEditor(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Reject…' }));
    const reject = screen.getByRole('button', { name: 'Reject reply' });
    expect(reject).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText(/Why can't this reply be sent/), {
      target: { value: 'The draft quotes the wrong order.' },
    });
    fireEvent.click(reject);
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.reject).toHaveBeenCalledWith('job-1', 'The draft quotes the wrong order.');
  });

  it('names the ticket and shows the customer’s last message, progress and word count', async () => {
    const { editor } = renderEditor(fakeApi());
    await screen.findByRole('heading', { name: '#4821 · Where is my order?' });
    expect(screen.getByText(/I ordered a week ago/).textContent).toContain('[e-mail]');
    screen.getByText('0 of 2 confirmed');
    screen.getByText('Words: 7');
    fireEvent.keyDown(editor(1), { key: 'Enter', ctrlKey: true });
    screen.getByText('1 of 2 confirmed');
  });

  it('writes a glossary term in the target as text the translator can inflect', async () => {
    const job: QueueJobDetail = {
      ...JOB,
      segments: [
        {
          ...JOB.segments[1]!,
          index: 0,
          source: 'Your <x id="1"/> shipped.',
          target: 'Su <x id="1"/> salió.',
          placeholders: [{ id: 1, kind: 'term', display: 'order' }],
        },
      ],
    };
    const { editor } = renderEditor(fakeApi(), { job });
    await screen.findByRole('heading', { name: '#4821 · Where is my order?' });
    expect(editor(1).textContent).toBe('Su pedido salió.');
    expect(editor(1).querySelector('[data-placeholder]')).toBeNull();
    type(editor(1), 'Sus pedidos salieron.');
    expect(screen.queryByRole('button', { name: /^Insert/ })).toBeNull();
  });

  it('saves the edit as a draft once the translator pauses, and opens a job on its draft', async () => {
    const api = fakeApi();
    const { editor } = renderEditor(api, { saveDraftAfterMs: 10 });
    type(editor(1), 'Buenas tardes <span data-placeholder="1">x</span>,');
    await vi.waitFor(() =>
      expect(api.saveDraft).toHaveBeenCalledWith('job-1', {
        segments: [{ index: 0, target: 'Buenas tardes <x id="1"/>,' }],
      }),
    );
    await screen.findByText(/Draft saved/);
    cleanup();
    const reopened = renderEditor(api, {
      job: {
        ...JOB,
        draft: {
          segments: [{ index: 0, target: 'Buenas tardes <x id="1"/>,' }],
          savedAt: new Date().toISOString(),
        },
      },
    });
    expect(reopened.editor(1).textContent).toBe('Buenas tardes {{ticket.requester.first_name}},');
  });

  it('highlights the segment of a warning apart from one with an error', async () => {
    const check = vi.fn<QueueApi['check']>().mockResolvedValue([
      { code: 'placeholder_missing', severity: 'error', message: 'x', segment: 0, detail: 'x' },
      { code: 'number_mismatch', severity: 'warning', message: 'y', segment: 1, detail: 'y' },
    ]);
    const { editor } = renderEditor(fakeApi({ check }));
    fireEvent.click(await screen.findByRole('button', { name: 'Approve and send' }));
    await screen.findByRole('alert');
    expect(editor(1).closest('li')?.className).toContain('parley-segment-qa-error');
    expect(editor(2).closest('li')?.className).toContain('parley-segment-qa-warning');
  });

  it('shows a reply that failed to post as a failure, with the reason', async () => {
    const status = vi.fn<QueueApi['status']>().mockResolvedValue({
      id: 'job-1',
      status: 'failed',
      error: { code: 'helpdesk_not_configured', message: 'No Zendesk credentials.' },
    });
    renderEditor(fakeApi({ status }), { pollPostingEveryMs: 10 });
    fireEvent.click(await screen.findByRole('button', { name: 'Approve and send' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Posting failed: the team has not connected Parley');
    expect(screen.queryByText(/Posted to ticket/)).toBeNull();
  });
});
