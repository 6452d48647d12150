import { describe, expect, it } from 'vitest';
import { createQueueApi, QueueApiError } from './queueApi.js';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** A fetch that records requests and answers each from the queue of responses. */
function fakeFetch(...answers: (Response | Error)[]) {
  const sent: Sent[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    sent.push({
      url,
      method: init.method ?? 'GET',
      headers: init.headers as Record<string, string>,
      ...(init.body ? { body: JSON.parse(String(init.body)) as unknown } : {}),
    });
    const answer = answers.shift();
    if (!answer || answer instanceof Error) throw answer ?? new Error('no answer queued');
    return answer;
  }) as typeof fetch;
  return { fetchImpl, sent };
}

const translator = {
  id: 't1',
  name: 'Lucía',
  email: 'lucia@translators.example',
  pairs: [{ source: 'en', target: 'es' }],
  tenants: [{ id: 'acme', name: 'Acme' }],
};

describe('the queue API client', () => {
  it('signs in and echoes the session CSRF token on later POSTs', async () => {
    const { fetchImpl, sent } = fakeFetch(
      Response.json({ translator, csrfToken: 'csrf-123' }),
      new Response(null, { status: 204 }),
    );
    const api = createQueueApi(fetchImpl);
    expect(await api.login('lucia@translators.example', 'secret')).toEqual(translator);
    await api.release('job/1');
    expect(sent[0]?.headers['x-csrf-token']).toBeUndefined();
    expect(sent[1]).toMatchObject({
      url: '/v1/queue/jobs/job%2F1/release',
      method: 'POST',
      headers: { 'x-csrf-token': 'csrf-123' },
    });
  });

  it('answers null from me() when the session names no translator', async () => {
    const { fetchImpl, sent } = fakeFetch(Response.json({ translator: null }));
    expect(await createQueueApi(fetchImpl).me()).toBeNull();
    expect(sent[0]).toMatchObject({ url: '/v1/queue/session', method: 'GET' });
  });

  it('answers the session’s translator from me() and echoes its CSRF token', async () => {
    const { fetchImpl, sent } = fakeFetch(
      Response.json({ translator, csrfToken: 'csrf-456' }),
      new Response(null, { status: 204 }),
    );
    const api = createQueueApi(fetchImpl);
    expect(await api.me()).toEqual(translator);
    await api.logout();
    expect(sent[1]?.headers['x-csrf-token']).toBe('csrf-456');
  });

  it('checks a submission and answers its QA findings', async () => {
    const qa = [{ code: 'number_mismatch', severity: 'warning', message: 'Numbers differ.' }];
    const { fetchImpl, sent } = fakeFetch(Response.json({ qa }));
    const submission = { segments: [{ index: 0, target: 'Hola' }], dismissed: [] };
    expect(await createQueueApi(fetchImpl).check('j1', submission)).toEqual(qa);
    expect(sent[0]).toMatchObject({
      url: '/v1/queue/jobs/j1/check',
      method: 'POST',
      body: submission,
    });
  });

  it('filters the queue by pair', async () => {
    const { fetchImpl, sent } = fakeFetch(Response.json({ jobs: [] }));
    expect(await createQueueApi(fetchImpl).jobs({ source: 'en', target: 'pt-BR' })).toEqual([]);
    expect(sent[0]?.url).toBe('/v1/queue/jobs?source=en&target=pt-BR');
  });

  it('carries the QA findings of a refused submission', async () => {
    const qa = [
      {
        code: 'placeholder_missing',
        severity: 'error',
        message: '{{ticket.id}} is missing from segment 1.',
        segment: 0,
        detail: '{{ticket.id}}',
      },
    ];
    const { fetchImpl } = fakeFetch(
      Response.json(
        { error: { code: 'qa_failed', message: 'The translation did not pass QA.' }, qa },
        { status: 422 },
      ),
    );
    const refused = await createQueueApi(fetchImpl)
      .submit('j1', { segments: [{ index: 0, target: 'Hola' }] })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(QueueApiError);
    expect(refused).toMatchObject({ code: 'qa_failed', status: 422, qa });
  });

  it('reads Retry-After of a rate-limited sign-in', async () => {
    const { fetchImpl } = fakeFetch(
      Response.json(
        { error: { code: 'rate_limited', message: 'Too many sign-in attempts.' } },
        { status: 429, headers: { 'retry-after': '42' } },
      ),
    );
    await expect(createQueueApi(fetchImpl).login('a@b.example', 'x')).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 42,
    });
  });

  it('says the proxy cannot be reached when the request fails', async () => {
    const { fetchImpl } = fakeFetch(new TypeError('Failed to fetch'));
    await expect(createQueueApi(fetchImpl).jobs()).rejects.toMatchObject({ code: 'network' });
  });
});
