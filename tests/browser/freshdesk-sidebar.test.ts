/**
 * The Freshdesk app as an agent uses it: the BUILT app (apps/dist/freshdesk, served by the
 * playground with the stand-in Freshworks client in place of `{{{appclient}}}`) in an iframe
 * inside the stand-in Freshworks host page, which answers `data.get`, `iparams.get`,
 * `interface.trigger` and `events.on` (an intercepted `ticket.sendReply` waits for the app's
 * done/fail), and renders the app's own request templates to a real proxy translating with the
 * embedded Apertium engine; the proxy reads the ticket's replies from the Freshdesk API stand-in
 * (msw) with the tenant's sealed key. Runs in Debian's Chromium.
 */
import { randomBytes } from 'node:crypto';
import { setupServer } from 'msw/node';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Proxy } from '@parley/translation-proxy/compose';
import { DEV_TENANT_ID } from '@parley/translation-proxy/plugins/auth';
import { createSecretBox } from '@parley/translation-proxy/secrets';
import { FRESHDESK_TICKETS } from '../../apps/playground/freshdeskFixtures.js';
import { freshdeskApi } from '../msw/freshdesk.js';
import { startTestProxy } from '../support/proxy.js';
import { buildApps } from './build.js';
import { launchChromium } from './chromium.js';
import { unexpectedProblems, watchProblems } from './consoleProblems.js';

const PORT = 18510;
const APP_FRAME = 'iframe[title="Parley sidebar app"]';
const SECRET_KEY = randomBytes(32);
const FRESHDESK = { helpdesk: 'freshdesk', domain: 'acme-support', apiKey: 'fd-key-8kL3mN6pQ9rS' };

/** Waits for what the agent would see; generous, as Apertium and Chromium share two cores. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

// Freshdesk's API, reached by the proxy (in this process) with the tenant's sealed key.
const freshdesk = freshdeskApi(FRESHDESK);
const server = setupServer(...freshdesk.handlers);
const proxyUrl = `http://127.0.0.1:${PORT}`;
let proxy: Proxy;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleProblems: string[];
/** A test whose scenario is an error the browser logs (Freshdesk down) says which. */
let expectedProblems: RegExp[];

beforeAll(async () => {
  buildApps();
  server.listen({ onUnhandledRequest: 'bypass' });
  proxy = await startTestProxy({ PARLEY_SECRET_KEY: SECRET_KEY.toString('hex') });
  await proxy.app.listen({ host: '127.0.0.1', port: PORT });
  await proxy.store.helpdeskConnections.setSealedCredentials(
    DEV_TENANT_ID,
    'freshdesk',
    createSecretBox(SECRET_KEY).seal(JSON.stringify(FRESHDESK)),
  );
  for (const { ticket, conversations } of FRESHDESK_TICKETS) {
    freshdesk.tickets.set(
      String(ticket.id),
      conversations.map((c) => ({
        id: Number(c.id),
        body: c.body,
        body_text: c.body.replace(/<[^>]*>/g, ''),
        ticket_id: ticket.id,
        user_id: Number(c.user_id),
        private: c.private === true,
        incoming: c.incoming === true,
        created_at: c.created_at ?? ticket.created_at,
        updated_at: c.created_at ?? ticket.created_at,
      })),
    );
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  server.close();
});

afterEach(() => {
  freshdesk.faults.clear();
});

beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
  consoleProblems = watchProblems(page);
  expectedProblems = [];
});

afterEach(async () => {
  await context.close();
  expect(unexpectedProblems(consoleProblems, expectedProblems)).toEqual([]);
});

async function openTicket(query: string) {
  await page.goto(`${proxyUrl}/playground/freshdesk.html?${query}`);
  return page.frameLocator(APP_FRAME);
}

describe('the Freshdesk sidebar in the stand-in Freshworks host', { timeout: 90_000 }, () => {
  it('shows the Spanish ticket translated into English, with the language badge', async () => {
    const app = await openTicket('ticket=2001');
    await poll(() => app.getByTestId('customer-language').textContent()).toBe('Spanish');
    await app.getByText('Translated from Spanish').first().waitFor();
    const thread = (await app.locator('.parley-comments').textContent()) ?? '';
    expect(thread).toContain('account');
    expect(thread).not.toContain('no puedo acceder');
    // The detector was sure: the badge says the language, not a percentage.
    expect(await app.getByText(/% sure/).count()).toBe(0);

    const translatedAfterMs = () =>
      page
        .frames()
        .find((f) => f.url().includes('/playground/freshdesk-app/'))!
        .evaluate(
          () => performance.getEntriesByName('parley:thread-translated')[0]?.startTime ?? -1,
        );
    const first = await translatedAfterMs();
    expect(first).toBeGreaterThan(0);
    // Again with the engine warm and the ticket in the translation memory.
    await page.reload();
    await page.frameLocator(APP_FRAME).getByText('Translated from Spanish').first().waitFor();
    const warm = await translatedAfterMs();
    expect(warm).toBeGreaterThan(0);
    console.info(
      `[figures] Freshdesk app iframe navigation start → translated thread: ${first.toFixed(0)} ms first load, ${warm.toFixed(0)} ms reloaded`,
    );
  });

  it('shows the whole sample thread without a Freshdesk account, and no warning', async () => {
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    const app = await openTicket('ticket=2001');
    const customer = app.locator('li.parley-comment-customer');
    await poll(() => customer.count()).toBe(2);
    await poll(() => customer.last().textContent()).toContain('Translated from Spanish');
    expect(await app.locator('li.parley-comment-agent').textContent()).toContain(
      'Which browser are you using?',
    );
    expect(asked.filter((path) => path.startsWith('/v1/freshdesk/'))).toEqual([]);
    expect(await page.locator('#toast').isHidden()).toBe(true);
  });

  it('asks Freshworks to size its frame to the content', async () => {
    const app = await openTicket('ticket=2001');
    await app.getByText('Translated from Spanish').first().waitFor();
    const contentHeight = () =>
      app
        .locator('.parley-sidebar')
        .evaluate((main) => Math.ceil(main.getBoundingClientRect().height));
    const frameHeight = () =>
      page.locator(APP_FRAME).evaluate((iframe) => (iframe as HTMLElement).style.height);
    await poll(frameHeight).toBe(`${await contentHeight()}px`);
  });

  it('says once that no engine translates German, and offers review instead of Translate', async () => {
    const app = await openTicket('ticket=2005');
    await poll(() => app.getByTestId('customer-language').textContent()).toBe('German');
    await poll(() => app.getByRole('alert').textContent()).toContain(
      "Translation from German to English isn't available.",
    );
    await app.getByLabel('Your reply, in English').fill('We changed your delivery address.');
    expect(await app.getByRole('button', { name: 'Translate' }).isDisabled()).toBe(true);
    expect(await app.getByRole('button', { name: 'Send for review' }).isEnabled()).toBe(true);
    expect(await app.getByRole('alert').count()).toBe(1);
  });

  it("reads the ticket's replies from Freshdesk through the proxy and translates the customer's", async () => {
    const app = await openTicket('ticket=2001&replies=proxy');
    const customer = app.locator('li.parley-comment-customer');
    await poll(() => customer.count()).toBe(2);
    await poll(() => customer.last().textContent()).toContain('Translated from Spanish');
    expect(await customer.last().textContent()).not.toContain('ordenador portátil');
    expect(await customer.last().textContent()).toContain('Firefox');
    const agent = app.locator('li.parley-comment-agent');
    expect(await agent.textContent()).toContain('Which browser are you using?');
  });

  it('keeps the first message and warns the agent in Freshdesk when Freshdesk cannot be reached', async () => {
    // Freshdesk stays down for every read this test makes; the proxy answers 502.
    freshdesk.faults.add(() => 'network_error', 20);
    expectedProblems = [
      /^console: Failed to load resource: .* 502/,
      /^502: .*\/v1\/freshdesk\/tickets\/2001\/conversations\?agentId=\d+$/,
    ];
    const app = await openTicket('ticket=2001&replies=proxy');
    await app.getByText('Translated from Spanish').first().waitFor();
    const toast = page.locator('#toast');
    await poll(() => toast.textContent()).toContain("Parley could not load this ticket's replies");
    expect(await toast.getAttribute('data-type')).toBe('warning');
    expect(await app.locator('li.parley-comment-customer').count()).toBe(1);
  });

  it('shows the Portuguese ticket translated into English through Spanish', async () => {
    const app = await openTicket('ticket=2002');
    await poll(() => app.getByTestId('customer-language').textContent()).toBe('Portuguese');
    await app.getByText('Translated from Portuguese').first().waitFor();
    const thread = (await app.locator('.parley-comments').textContent()) ?? '';
    expect(thread).not.toContain('a encomenda ainda não chegou');
  });

  it("translates the agent's English draft into Spanish and opens Freshdesk's reply editor with it", async () => {
    const app = await openTicket('ticket=2001');
    await app.getByTestId('customer-language').waitFor();
    await app
      .getByLabel('Your reply, in English')
      .fill('Thank you for your patience.\nWe have reset your password.');
    await app.getByRole('button', { name: 'Translate' }).click();
    const preview = app.getByLabel('Reply in Spanish (you can edit it)');
    await preview.waitFor();
    const translated = await preview.inputValue();
    const [thanks, reset] = translated.split('\n');
    expect(thanks).not.toContain('patience');
    expect(reset).not.toContain('password');
    await app.getByRole('button', { name: 'Insert into reply' }).click();
    await app.getByText('Inserted into the reply editor.').waitFor();

    const editor = page.locator('#editor');
    expect(await editor.getAttribute('data-how')).toBe('click:reply');
    expect(await editor.innerHTML()).toBe(`<p>${thanks}<br>${reset}</p>`);
    await poll(() => page.locator('#toast').getAttribute('data-type')).toBe('success');

    // Freshdesk sends the reply; the app lets it go and reads the thread again.
    await page.getByRole('button', { name: 'Send' }).click();
    await poll(() => page.locator('#send-status').textContent()).toBe('Reply sent.');
  });

  it("stops an English reply sent from Freshdesk's editor to the Spanish customer, saying to translate it first", async () => {
    const app = await openTicket('ticket=2001');
    await poll(() => app.getByTestId('customer-language').textContent()).toBe('Spanish');
    const editor = page.getByRole('textbox', { name: 'Reply editor' });
    await editor.fill(
      'Thank you for your patience. We have reset your password, so you can sign in again.',
    );
    await page.getByRole('button', { name: 'Send' }).click();
    await poll(() => page.locator('#send-status').textContent()).toBe(
      'Sending was stopped: This reply is in English, but the customer reads Spanish. Translate it with Parley in the sidebar first, then send it.',
    );
    // Freshdesk keeps the reply in the editor for the agent to translate.
    expect(await editor.textContent()).toContain('We have reset your password');
  });

  it("lets a reply written in Spanish go out from Freshdesk's editor", async () => {
    const app = await openTicket('ticket=2001');
    await poll(() => app.getByTestId('customer-language').textContent()).toBe('Spanish');
    await page
      .getByRole('textbox', { name: 'Reply editor' })
      .fill(
        'Gracias por su paciencia. Hemos restablecido su contraseña y ya puede volver a entrar.',
      );
    await page.getByRole('button', { name: 'Send' }).click();
    await poll(() => page.locator('#send-status').textContent()).toBe('Reply sent.');
  });

  it('never stops a reply because the Parley proxy cannot be reached', async () => {
    const app = await openTicket('ticket=2001');
    await poll(() => app.getByTestId('customer-language').textContent()).toBe('Spanish');
    // From here on, Freshworks gets no answer from the proxy's detection.
    await page.route('**/v1/detect', (route) => route.abort());
    expectedProblems = [
      /^failed: .*\/v1\/detect$/,
      /^console: Failed to load resource: net::ERR_FAILED$/,
    ];
    await page
      .getByRole('textbox', { name: 'Reply editor' })
      .fill('Thank you for your patience. We have reset your password, so you can sign in again.');
    await page.getByRole('button', { name: 'Send' }).click();
    await poll(() => page.locator('#send-status').textContent()).toBe('Reply sent.');
  });

  it("shows the sidebar in the agent's Freshdesk language (French)", async () => {
    const app = await openTicket('ticket=2001&agent=fr');
    await poll(() => app.getByTestId('customer-language').textContent()).toBe('espagnol');
    expect(await app.getByLabel('Votre réponse, en français').isVisible()).toBe(true);
  });

  it('sends the draft for review through the request template and shows the job status', async () => {
    const app = await openTicket('ticket=2001&mode=review');
    await app.getByTestId('customer-language').waitFor();
    await app.getByLabel('Your reply, in English').fill('We will send you a new link today.');
    await app.getByRole('button', { name: 'Send for review' }).click();
    const status = app.getByTestId('review-status');
    await status.waitFor();
    // No translator has claimed it: it waits in the post-edit queue for this Freshdesk ticket.
    expect(await status.getAttribute('data-status')).toBe('queued');
  });
});
