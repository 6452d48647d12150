/**
 * Helpers for reply-job tests: a proxy whose dev tenant posts to a helpdesk stand-in, a signed-in
 * translator, and waiting for a job to reach a status.
 */
import { randomBytes } from 'node:crypto';
import type { Proxy } from '@parley/translation-proxy/compose';
import { hashPassword } from '@parley/translation-proxy/queue/passwords';
import { createSecretBox } from '@parley/translation-proxy/secrets';
import { DEV_TENANT_ID } from '@parley/translation-proxy/plugins/auth';
import { authorized, startTestProxy, TEST_PASSWORD_COST } from '../support/proxy.js';

export const TEST_SECRET_KEY = randomBytes(32).toString('hex');

export const ZENDESK = {
  helpdesk: 'zendesk' as const,
  subdomain: 'acme',
  email: 'agent@acme.example',
  apiToken: 'wb7Qx2ZUoH3s9mEarnEVgh1jZ',
};

export async function startReplyProxy(env: Record<string, string> = {}): Promise<Proxy> {
  const proxy = await startTestProxy({
    PARLEY_SECRET_KEY: TEST_SECRET_KEY,
    PARLEY_REPLY_WORKER_INTERVAL_MS: '50',
    ...env,
  });
  await proxy.store.helpdeskConnections.setSealedCredentials(
    DEV_TENANT_ID,
    'zendesk',
    createSecretBox(Buffer.from(TEST_SECRET_KEY, 'hex')).seal(JSON.stringify(ZENDESK)),
  );
  return proxy;
}

export interface SignedIn {
  id: string;
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/** A translator account assigned to `tenants` and `pairs`, as `npm run translator -- create` makes one. */
export async function createTranslator(
  proxy: Proxy,
  email: string,
  password: string,
  pairs: { source: string; target: string }[] = [{ source: 'en', target: 'es' }],
  tenants: string[] = [DEV_TENANT_ID],
) {
  const translator = await proxy.store.translators.create({
    email,
    name: email.split('@')[0] ?? email,
    passwordHash: await hashPassword(password, TEST_PASSWORD_COST),
  });
  await proxy.store.translators.assign(translator.id, tenants, pairs);
  return translator;
}

export async function signIn(
  proxy: Proxy,
  email: string,
  pairs: { source: string; target: string }[] = [{ source: 'en', target: 'es' }],
  tenants: string[] = [DEV_TENANT_ID],
): Promise<SignedIn> {
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const translator = await createTranslator(proxy, email, password, pairs, tenants);
  const response = await proxy.app.inject({
    method: 'POST',
    url: '/v1/queue/login',
    payload: { email, password },
    // Each translator from their own address: sign-in is rate limited per address.
    remoteAddress: `10.${randomBytes(3).join('.')}`,
  });
  const cookie = String(response.headers['set-cookie']).split(';')[0] ?? '';
  const csrf = (response.json() as { csrfToken: string }).csrfToken;
  return { id: translator.id, cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

/** An agent's English HTML reply to a Spanish-speaking customer, sent for review. */
export const reviewRequest = (ticketId: string, draft: string, extra: object = {}) => ({
  helpdesk: 'zendesk',
  ticketId,
  authorId: '3721',
  draft,
  format: 'html',
  source: 'en',
  target: 'es',
  mode: 'review',
  ...extra,
});

export async function createReply(proxy: Proxy, payload: object, headers: object = {}) {
  return proxy.app.inject({
    method: 'POST',
    url: '/v1/replies',
    headers: { ...authorized, ...headers },
    payload,
  });
}

export async function replyStatus(proxy: Proxy, id: string) {
  const response = await proxy.app.inject({
    method: 'GET',
    url: `/v1/replies/${id}`,
    headers: authorized,
  });
  return response.json() as Record<string, unknown> & { status: string };
}

/** Polls the job until its status is one of `statuses`. */
export async function waitForStatus(
  proxy: Proxy,
  id: string,
  statuses: string[],
  timeoutMs = 15_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await replyStatus(proxy, id);
    if (statuses.includes(job.status)) return job;
    if (Date.now() > deadline)
      throw new Error(`job ${id} stayed ${job.status}, expected ${statuses.join('|')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
