/**
 * The Freshdesk app as an agent uses it: the BUILT app (apps/dist/freshdesk, served by the
 * playground with the stand-in Freshworks client in place of `{{{appclient}}}`) in an iframe
 * inside the stand-in Freshworks host page, which answers `data.get`, `iparams.get`,
 * `interface.trigger` and `events.on`, and renders the app's own request templates to a real
 * proxy translating with the embedded Apertium engine. Runs in Debian's Chromium.
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEV_KEY, startProxyWithPlayground, type RunningProxy } from './proxyWithPlayground.js';

const PORT = 18510;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const BUILD_LOCK = '/tmp/parley-apps-build.lock';
const APP_FRAME = 'iframe[title="Parley sidebar app"]';

/** Waits for what the agent would see; generous, as Apertium and Chromium share two cores. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

let proxy: RunningProxy;
let browser: Browser;
let context: BrowserContext;
let page: Page;

async function proxyGet(path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${proxy.url}${path}`, {
    headers: { Authorization: `Bearer ${DEV_KEY}` },
  });
  return { status: response.status, body: await response.json() };
}

/** Whether the proxy has a route at `path` (an unknown route answers "No route for …"). */
async function routeExists(path: string): Promise<boolean> {
  const { status, body } = await proxyGet(path);
  const message = (body as { error?: { message?: string } }).error?.message ?? '';
  return !(status === 404 && message.startsWith('No route'));
}

beforeAll(async () => {
  // The lock keeps two test files from building apps/dist at once.
  execFileSync(
    'flock',
    [BUILD_LOCK, process.execPath, '--import', 'tsx', 'apps/build/buildApps.ts'],
    { stdio: 'pipe' },
  );
  proxy = await startProxyWithPlayground(PORT);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
});

beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
});

afterEach(async () => {
  await context.close();
});

async function openTicket(query: string) {
  await page.goto(`${proxy.url}/playground/freshdesk.html?${query}`);
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
    expect(await app.getByText('% sure').textContent()).toMatch(/^\d+% sure$/);

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

  it("reads the ticket's replies through the proxy, or tells the agent in Freshdesk why it cannot", async () => {
    const conversations = await routeExists('/v1/freshdesk/tickets/2001/conversations');
    const app = await openTicket('ticket=2001');
    await app.getByText('Translated from Spanish').first().waitFor();
    if (conversations) {
      const customer = app.locator('li.parley-comment-customer');
      await poll(() => customer.count()).toBe(2);
      await poll(() => customer.last().textContent()).toContain('Translated from Spanish');
      expect(await customer.last().textContent()).not.toContain('El error dice');
    } else {
      // Without GET /v1/freshdesk/tickets/:id/conversations the first message is all there is.
      const toast = page.locator('#toast');
      await poll(() => toast.textContent()).toContain(
        "Parley could not load this ticket's replies",
      );
      expect(await toast.getAttribute('data-type')).toBe('warning');
      expect(await app.locator('li.parley-comment-customer').count()).toBe(1);
    }
  });

  it('shows the Portuguese ticket translated into English through Spanish', async (ctx) => {
    const { body } = await proxyGet('/v1/languages');
    const pairs = (body as { pairs: { source: string; target: string }[] }).pairs;
    if (!pairs.some((p) => p.source === 'pt' && p.target === 'en')) {
      ctx.skip(
        'this machine has no Portuguese→English route (apertium-spa-por + apertium-eng-spa)',
      );
    }
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

  it("shows the sidebar in the agent's Freshdesk language (French)", async () => {
    const app = await openTicket('ticket=2001&agent=fr');
    await poll(() => app.getByTestId('customer-language').textContent()).toBe('espagnol');
    expect(await app.getByLabel('Votre réponse, en français').isVisible()).toBe(true);
  });

  it('sends the draft for review through the request template, or says review is unavailable', async () => {
    const replies = await routeExists('/v1/replies/probe');
    const app = await openTicket('ticket=2001&mode=review');
    await app.getByTestId('customer-language').waitFor();
    await app.getByLabel('Your reply, in English').fill('We will send you a new link today.');
    await app.getByRole('button', { name: 'Send for review' }).click();
    if (replies) {
      const status = app.getByTestId('review-status');
      await status.waitFor();
      expect([
        'queued',
        'in_review',
        'approved',
        'posting',
        'posted',
        'failed',
        'fallback',
      ]).toContain(await status.getAttribute('data-status'));
    } else {
      await app.getByText('Review jobs are not available on this Parley proxy yet.').waitFor();
    }
  });
});
