// The outbox against a misbehaving Zendesk (msw): down then up, rate limited, and failing after
// it already stored the comment. In every case the customer gets one public reply and one note.
import { setupServer } from 'msw/node';
import { HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proxy } from '@parley/translation-proxy/compose';
import { zendeskApi } from '../msw/zendesk.js';
import { createReply, startReplyProxy, waitForStatus, ZENDESK } from './replies-support.js';

const zendesk = zendeskApi(ZENDESK);
const server = setupServer(...zendesk.handlers);
let proxy: Proxy;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'bypass' });
  proxy = await startReplyProxy({ PARLEY_OUTBOX_RETRY_BASE_MS: '40' });
});
afterAll(async () => {
  await proxy.close();
  server.close();
});

const isUpdate = (request: Request) => request.method === 'PUT';

async function postMachineReply(ticketId: string): Promise<string> {
  zendesk.addTicket(ticketId);
  const created = await createReply(proxy, {
    helpdesk: 'zendesk',
    ticketId,
    authorId: '3721',
    draft: '<p>Your replacement ships tomorrow.</p>',
    format: 'html',
    source: 'en',
    target: 'es',
    mode: 'machine',
  });
  return created.json().id as string;
}

/** A counter's value in the proxy's Prometheus output (0 when the series does not exist yet). */
async function counter(name: string, labels: string): Promise<number> {
  const text = (await proxy.app.inject({ url: '/metrics' })).body;
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{${labels}}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

const publicAndNotes = (ticketId: string) =>
  (zendesk.tickets.get(ticketId) ?? []).map((comment) => comment.public);

describe('outbox faults', () => {
  it('posts once when Zendesk is unreachable for a while and then comes back', async () => {
    zendesk.faults.add(() => 'network_error', 3, isUpdate);
    const id = await postMachineReply('7001');
    expect((await waitForStatus(proxy, id, ['posted', 'failed'])).status).toBe('posted');
    expect(publicAndNotes('7001')).toEqual([true, false]);
  });

  it('waits for Retry-After on a 429 and then posts once', async () => {
    zendesk.faults.add(zendesk.rateLimited(1), 1, isUpdate);
    const id = await postMachineReply('7002');
    await waitForStatus(proxy, id, ['posted']);
    const updates = zendesk.requests.filter(
      (request) => request.method === 'PUT' && request.path === '/api/v2/tickets/7002.json',
    );
    expect((updates[1]?.at ?? 0) - (updates[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(publicAndNotes('7002')).toEqual([true, false]);
  });

  it('does not post twice when the connection drops after Zendesk stored the comment', async () => {
    zendesk.faults.add(
      async (_request, commit) => {
        await commit();
        return 'network_error' as const;
      },
      1,
      isUpdate,
    );
    const id = await postMachineReply('7003');
    await waitForStatus(proxy, id, ['posted']);
    expect(publicAndNotes('7003')).toEqual([true, false]);
  });

  it('does not post twice when Zendesk stored the comment but answered 503', async () => {
    zendesk.faults.add(
      async (_request, commit) => {
        await commit();
        return HttpResponse.json({ error: 'ServiceUnavailable' }, { status: 503 });
      },
      1,
      isUpdate,
    );
    const id = await postMachineReply('7004');
    const job = await waitForStatus(proxy, id, ['posted']);
    expect(job.postedCommentId).toBe(String(zendesk.tickets.get('7004')?.[0]?.id));
    expect(publicAndNotes('7004')).toEqual([true, false]);
  });

  it('never leaves a job posting when recording its outcome fails after both comments went out', async () => {
    // The job's final update fails (as if the proxy died right there): the outbox entry must stay
    // pending with it, so the next pass finishes the job without posting again.
    await proxy.store.db.execute(
      `CREATE TRIGGER crash_before_posted BEFORE UPDATE OF status ON reply_jobs
       WHEN NEW.status = 'posted' BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`,
    );
    const id = await postMachineReply('7006');
    try {
      await expect.poll(() => publicAndNotes('7006'), { timeout: 10_000 }).toEqual([true, false]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await proxy.store.outbox.forJob(id))?.status).toBe('pending');
    } finally {
      await proxy.store.db.execute('DROP TRIGGER crash_before_posted');
    }
    const job = await waitForStatus(proxy, id, ['posted']);
    expect(job.postedCommentId).toBe(String(zendesk.tickets.get('7006')?.[0]?.id));
    expect(publicAndNotes('7006')).toEqual([true, false]);
    expect((await proxy.store.outbox.forJob(id))?.status).toBe('done');
  });

  it('counts in /metrics what the outbox posted, retried and found already posted', async () => {
    const series = {
      found: ['parley_helpdesk_posts_total', 'helpdesk="zendesk",step="public",outcome="found"'],
      retry: ['parley_helpdesk_posts_total', 'helpdesk="zendesk",step="public",outcome="retry"'],
      note: ['parley_helpdesk_posts_total', 'helpdesk="zendesk",step="note",outcome="posted"'],
      finished: ['parley_replies_finished_total', 'helpdesk="zendesk",outcome="posted"'],
    } as const;
    const read = async () => {
      const values: Record<string, number> = {};
      for (const [key, [name, labels]] of Object.entries(series))
        values[key] = await counter(name, labels);
      return values;
    };
    const before = await read();
    zendesk.faults.add(
      async (_request, commit) => {
        await commit();
        return HttpResponse.json({ error: 'ServiceUnavailable' }, { status: 503 });
      },
      1,
      isUpdate,
    );
    await waitForStatus(proxy, await postMachineReply('7005'), ['posted']);
    const after = await read();
    expect(
      Object.fromEntries(
        Object.keys(series).map((key) => [key, (after[key] ?? 0) - (before[key] ?? 0)]),
      ),
    ).toEqual({ found: 1, retry: 1, note: 1, finished: 1 });
  });
});
