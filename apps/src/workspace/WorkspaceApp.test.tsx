// @vitest-environment jsdom
/**
 * Signing in, the queue and opening a job, against a fake queue API whose answers follow the
 * proxy's /v1/queue contract (its schemas, published at /openapi.json).
 * A bare `getBy…`/`findBy…` query is an assertion: it throws when nothing on screen matches.
 */
import '../testing/matchMedia.js';
import { cleanup, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  QueueApiError,
  type QueueApi,
  type QueueJobDetail,
  type QueueJobSummary,
  type Translator,
} from './queueApi.js';
import { loadWorkspaceMessages } from './messages.js';
import { WorkspaceApp } from './WorkspaceApp.js';

configure({ asyncUtilTimeout: 15_000 });
afterEach(cleanup);
beforeEach(() => history.replaceState(null, '', '/queue'));

const LUCIA: Translator = {
  id: 't1',
  name: 'Lucía',
  email: 'lucia@translators.example',
  pairs: [
    { source: 'en', target: 'es' },
    { source: 'en', target: 'pt' },
  ],
  tenants: [{ id: 'acme', name: 'Acme Support' }],
};

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

const summary = (id: string, extra: Partial<QueueJobSummary> = {}): QueueJobSummary => ({
  id,
  tenant: { id: 'acme', name: 'Acme Support' },
  source: 'en',
  target: 'es',
  dueAt: inHours(2),
  priority: 'normal',
  status: 'queued',
  claimedByMe: false,
  preview: 'Your replacement ships tomorrow.',
  flagged: false,
  ...extra,
});

const detail = (id: string): QueueJobDetail => ({
  id,
  tenant: { id: 'acme', name: 'Acme Support' },
  source: 'en',
  target: 'es',
  dueAt: inHours(2),
  leaseExpiresAt: inHours(0.25),
  format: 'text',
  engine: 'apertium',
  ticket: { id: '4821', subject: 'Replacement order' },
  personalValuesShown: false,
  segments: [
    {
      index: 0,
      source: 'Your replacement ships tomorrow.',
      target: 'Su reemplazo sale mañana.',
      origin: 'machine',
      translatable: true,
      placeholders: [],
      terms: [],
    },
  ],
});

function fakeApi(overrides: Partial<QueueApi> = {}): QueueApi {
  return {
    me: vi.fn(async () => LUCIA),
    login: vi.fn(async () => LUCIA),
    logout: vi.fn(async () => undefined),
    jobs: vi.fn(async () => [summary('j1')]),
    claim: vi.fn(async (id: string) => detail(id)),
    renew: vi.fn(async () => ({ leaseExpiresAt: inHours(0.25) })),
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

const renderApp = async (api: QueueApi, locale = 'en') =>
  render(<WorkspaceApp api={api} locale={locale} catalog={await loadWorkspaceMessages(locale)} />);

describe('signing in', () => {
  it('asks for credentials when there is no session, and says when they are wrong', async () => {
    const api = fakeApi({
      me: vi.fn(async () => null),
      login: vi.fn(async () => {
        throw new QueueApiError('invalid_credentials', 'Wrong email or password.', 401);
      }),
    });
    await renderApp(api);
    fireEvent.change(await screen.findByLabelText('Email'), {
      target: { value: 'lucia@translators.example' },
    });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password.');
    expect(api.login).toHaveBeenCalledWith('lucia@translators.example', 'nope');
  });

  it('says how long to wait when sign-in is rate limited, in the translator’s language', async () => {
    const api = fakeApi({
      me: vi.fn(async () => null),
      login: vi.fn(async () => {
        throw new QueueApiError('rate_limited', 'Too many.', 429, [], 42);
      }),
    });
    await renderApp(api, 'es-ES');
    fireEvent.change(await screen.findByLabelText('Correo electrónico'), {
      target: { value: 'lucia@translators.example' },
    });
    fireEvent.change(screen.getByLabelText('Contraseña'), { target: { value: 'x' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Iniciar sesión' }));
    expect((await screen.findByRole('alert')).textContent).toContain('42');
  });

  it('says when the proxy cannot be reached, with a way to try again', async () => {
    await renderApp(
      fakeApi({
        me: vi.fn(async () => {
          throw new QueueApiError('network', 'The Parley proxy cannot be reached.');
        }),
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The Parley proxy cannot be reached.');
    within(alert).getByRole('button', { name: 'Refresh' });
  });

  it('signs out back to the sign-in form', async () => {
    const api = fakeApi();
    await renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    await screen.findByLabelText('Email');
    expect(api.logout).toHaveBeenCalled();
  });
});

describe('the queue', () => {
  it('lists jobs with their pair, team and priority, and who holds them', async () => {
    const api = fakeApi({
      jobs: vi.fn(async () => [
        summary('j1', { priority: 'urgent', flagged: true, dueAt: inHours(-1) }),
        summary('j2', { status: 'in_review', claimedByMe: true }),
        summary('j3', { status: 'in_review' }),
      ]),
    });
    await renderApp(api);
    const rows = await screen.findAllByRole('row');
    const [first, mine, others] = rows.slice(1).map((row) => within(row));
    first?.getByText('English → Spanish');
    first?.getByText('Urgent');
    first?.getByText('Past due, agent alerted');
    first?.getByText('1 hour ago');
    mine?.getByRole('button', { name: 'Continue' });
    expect(others?.queryByRole('button')).toBeNull();
    others?.getByText('Being edited');
  });

  it('says so when nothing waits for review', async () => {
    await renderApp(fakeApi({ jobs: vi.fn(async () => []) }));
    await screen.findByText(/No replies are waiting for review in your language pairs/);
  });

  it('filters by one of the translator’s pairs', async () => {
    const api = fakeApi();
    await renderApp(api);
    fireEvent.change(await screen.findByLabelText('Language pair'), {
      target: { value: 'en>pt' },
    });
    await vi.waitFor(() =>
      expect(api.jobs).toHaveBeenLastCalledWith({ source: 'en', target: 'pt' }),
    );
  });

  it('tells the translator when another one claimed the job first', async () => {
    const api = fakeApi({
      claim: vi.fn(async () => {
        throw new QueueApiError('already_claimed', 'Taken.', 409);
      }),
    });
    await renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Claim' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Another translator is editing this reply, or it no longer waits for review.',
    );
  });

  it('opens a claimed job, keeps it in the address, and comes back with a notice on release', async () => {
    const api = fakeApi();
    await renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Claim' }));
    await screen.findByRole('heading', { name: '#4821 · Replacement order' });
    expect(window.location.hash).toBe('#/jobs/j1');
    fireEvent.click(screen.getByRole('button', { name: 'Release' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Released: the reply is back in the queue.',
    );
    expect(window.location.hash).toBe('');
    expect(api.release).toHaveBeenCalledWith('j1');
  });

  it('returns to the job in the address after a reload', async () => {
    history.replaceState(null, '', '/queue#/jobs/j7');
    const api = fakeApi();
    await renderApp(api);
    await screen.findByRole('heading', { name: '#4821 · Replacement order' });
    expect(api.claim).toHaveBeenCalledWith('j7');
  });
});
