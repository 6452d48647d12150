// The proxy killed with SIGKILL after Zendesk stored the public reply but before the proxy
// recorded it, then restarted: it finds the comment on the ticket instead of posting it again.
// The proxy runs as a real child process (server.ts) against a stand-in Zendesk on 127.0.0.1.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from '@parley/translation-proxy/secrets';
import { openStore } from '@parley/translation-proxy/store/index';
import { DEV_TENANT_ID } from '@parley/translation-proxy/plugins/auth';
import { serveOnLocalhost, type Outcome } from '../msw/helpdesk-standin.js';
import { zendeskApi } from '../msw/zendesk.js';
import { DEV_KEY } from '../support/proxy.js';
import { tempDir } from '../support/stores.js';
import { exited, startProxyProcess, stopProxyProcess, untilReady } from './proxy-process.js';
import { TEST_SECRET_KEY, ZENDESK } from './replies-support.js';

const PROXY_PORT = 18410;
const HELPDESK_PORT = 18411;
const proxyUrl = `http://127.0.0.1:${PROXY_PORT}`;
const dataDir = tempDir('parley-sigkill-');
const zendesk = zendeskApi({ ...ZENDESK, origin: `http://127.0.0.1:${HELPDESK_PORT}` });
let helpdesk: Awaited<ReturnType<typeof serveOnLocalhost>>;
let child: ChildProcess | undefined;

const startProxy = () =>
  startProxyProcess(PROXY_PORT, {
    PARLEY_DATA_DIR: dataDir,
    PARLEY_DEV_API_KEY: DEV_KEY,
    PARLEY_SECRET_KEY: TEST_SECRET_KEY,
    PARLEY_ALLOW_HTTP_HELPDESK: '1',
    PARLEY_REPLY_WORKER_INTERVAL_MS: '100',
    PARLEY_OUTBOX_RETRY_BASE_MS: '50',
    // A dead proxy's lock on the outbox entry lasts four of these.
    PARLEY_HELPDESK_TIMEOUT_MS: '1000',
  });

beforeAll(async () => {
  const store = await openStore({ dataDir });
  await store.tenants.ensure(DEV_TENANT_ID, 'Development');
  await store.helpdeskConnections.setSealedCredentials(
    DEV_TENANT_ID,
    'zendesk',
    createSecretBox(Buffer.from(TEST_SECRET_KEY, 'hex')).seal(
      JSON.stringify({ ...ZENDESK, baseUrl: zendesk.origin }),
    ),
  );
  await store.close();
  helpdesk = await serveOnLocalhost(zendesk.handle, HELPDESK_PORT);
}, 60_000);

afterAll(async () => {
  await stopProxyProcess(child);
  await helpdesk.close();
});

describe('SIGKILL between the helpdesk call and the commit', () => {
  it('posts the public reply and the note exactly once after a restart', async () => {
    zendesk.addTicket('8001');
    let stored!: () => void;
    const commentStored = new Promise<void>((resolve) => (stored = resolve));
    // Zendesk stores the comment, then never answers: the proxy dies waiting for the answer.
    zendesk.faults.add(
      async (_request, commit) => {
        await commit();
        stored();
        return new Promise<Outcome>(() => undefined);
      },
      1,
      (request) => request.method === 'PUT',
    );

    child = startProxy();
    await untilReady(proxyUrl);
    const created = await fetch(`${proxyUrl}/v1/replies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEV_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        helpdesk: 'zendesk',
        ticketId: '8001',
        authorId: '3721',
        draft: '<p>Your replacement ships tomorrow.</p>',
        format: 'html',
        source: 'en',
        target: 'es',
        mode: 'machine',
      }),
    });
    const { id } = (await created.json()) as { id: string };
    await commentStored;
    child.kill('SIGKILL');
    await exited(child);

    const store = await openStore({ dataDir });
    const entry = await store.outbox.forJob(id);
    await store.close();
    // Killed inside the window: the attempt is on record, its result is not.
    expect(entry?.publicAttemptedAt).not.toBeNull();
    expect(entry?.publicCommentId).toBeNull();

    child = startProxy();
    await untilReady(proxyUrl);
    const deadline = Date.now() + 20_000;
    let status = '';
    while (Date.now() < deadline && status !== 'posted') {
      const response = await fetch(`${proxyUrl}/v1/replies/${id}`, {
        headers: { authorization: `Bearer ${DEV_KEY}` },
      });
      status = ((await response.json()) as { status: string }).status;
      if (status !== 'posted') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe('posted');
    const comments = zendesk.tickets.get('8001') ?? [];
    expect(comments.map((comment) => comment.public)).toEqual([true, false]);
    expect(zendesk.requests.filter((request) => request.method === 'PUT')).toHaveLength(2);
  }, 120_000);
});
