/**
 * The Zendesk sidebar app as an agent uses it: the BUILT app (apps/dist) in an iframe inside the
 * playground's stand-in Zendesk host, which speaks the real ZAF SDK protocol and routes
 * `client.request` to a real proxy translating with the embedded Apertium engine. Runs in Debian's
 * Chromium through playwright-core.
 */
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApps } from './build.js';
import { launchChromium } from './chromium.js';
import { unexpectedProblems, watchProblems } from './consoleProblems.js';
import { DEV_KEY, startProxyWithPlayground, type RunningProxy } from './proxyWithPlayground.js';

/** Waits for what the agent would see; generous, as Apertium and Chromium share two cores with other tests. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

let proxy: RunningProxy;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Console errors and failed or refused requests, from the page and the app's frame alike. */
let consoleProblems: string[];
/** A test whose scenario is an error the browser logs (a proxy without a route) says which. */
let expectedProblems: RegExp[];

beforeAll(async () => {
  buildApps();
  proxy = await startProxyWithPlayground();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
});

beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
  consoleProblems = watchProblems(page);
  expectedProblems = [];
});

afterEach(async () => {
  await context.close();
  // Expected states (a pair no engine serves, a review job, a reload) are no errors to the browser.
  expect(unexpectedProblems(consoleProblems, expectedProblems)).toEqual([]);
});

async function openTicket(query: string) {
  await page.goto(`${proxy.url}/playground/?${query}`);
  return page.frameLocator('iframe[title="Parley sidebar app"]');
}

function appFrame(): Frame {
  const frame = page.frames().find((f) => f.url().includes('/playground/app/assets/iframe.html'));
  if (!frame) throw new Error('the app iframe is not loaded');
  return frame;
}

describe('the Zendesk sidebar in the stand-in host', { timeout: 60_000 }, () => {
  it('shows the Spanish customer comments translated into English and leaves the agent comment alone', async () => {
    const app = await openTicket('ticket=1001');
    await poll(() => app.getByTestId('customer-language').textContent()).toBe('Spanish');
    await app.getByText('Translated from Spanish').first().waitFor();
    const thread = (await app.locator('.parley-comments').textContent()) ?? '';
    expect(thread).toContain('Hi, I made an order');
    expect(thread).toContain('48213');
    expect(thread).not.toContain('todavía no ha llegado');
    expect(thread).toContain('Could you send me your order number?');
    // The detector was sure: the badge says the language, not a percentage.
    expect(await app.getByText(/% sure/).count()).toBe(0);

    const translatedAfterMs = () =>
      appFrame().evaluate(
        () => performance.getEntriesByName('parley:thread-translated')[0]?.startTime ?? -1,
      );
    const first = await translatedAfterMs();
    expect(first).toBeGreaterThan(0);
    // Again with the engine warm and the comments in the translation memory.
    await page.reload();
    await page
      .frameLocator('iframe[title="Parley sidebar app"]')
      .getByText('Translated from Spanish')
      .first()
      .waitFor();
    const warm = await translatedAfterMs();
    expect(warm).toBeGreaterThan(0);
    console.info(
      `[figures] app iframe navigation start → translated thread: ${first.toFixed(0)} ms first load, ${warm.toFixed(0)} ms reloaded`,
    );
  });

  it('shows the original of a translated comment one click away', async () => {
    const app = await openTicket('ticket=1001');
    const first = app.locator('li.parley-comment-customer').first();
    await first.getByRole('button', { name: 'Show original' }).click();
    await poll(() => first.textContent()).toContain('todavía no ha llegado');
    await first.getByRole('button', { name: 'Show translation' }).click();
    await poll(() => first.textContent()).not.toContain('todavía no ha llegado');
  });

  it('translates a draft with Ctrl+Enter keeping its placeholder and paragraphs, keeps the agent edit, and inserts HTML', async () => {
    const app = await openTicket('ticket=1001');
    await app.getByTestId('customer-language').waitFor();
    const draft = app.getByLabel('Your reply, in English');
    await draft.fill(
      'Hello {{ticket.requester.first_name}},\n\nThank you for your patience.\nYour order 48213 will arrive on Friday.',
    );
    await draft.press('Control+Enter');
    const preview = app.getByLabel('Reply in Spanish (you can edit it)');
    await preview.waitFor();
    const translated = await preview.inputValue();
    const [greeting, blank, thanks, order] = translated.split('\n');
    expect(greeting).toContain('{{ticket.requester.first_name}}');
    expect(blank).toBe('');
    expect(thanks).not.toContain('patience');
    expect(order).toContain('48213');
    await preview.fill(`${translated}\nSaludos, Sam`);
    await app.getByRole('button', { name: 'Insert into reply' }).click();
    await app.getByText('Inserted into the reply editor.').waitFor();

    const editor = page.locator('#editor');
    expect(await editor.getAttribute('data-format')).toBe('html');
    expect(await editor.innerHTML()).toBe(
      `<p>${greeting}</p><p>${thanks}<br>${order}<br>Saludos, Sam</p>`,
    );
  });

  it('inserts a reply once: afterwards the composer is empty and has nothing to insert again', async () => {
    const app = await openTicket('ticket=1001');
    await app.getByTestId('customer-language').waitFor();
    const draft = app.getByLabel('Your reply, in English');
    await draft.fill('Your order will arrive on Friday.');
    await app.getByRole('button', { name: 'Translate' }).click();
    const preview = app.getByLabel('Reply in Spanish (you can edit it)');
    await preview.waitFor();
    const translated = await preview.inputValue();
    await app.getByRole('button', { name: 'Insert into reply' }).click();
    await app.getByText('Inserted into the reply editor.').waitFor();
    expect(await draft.inputValue()).toBe('');
    expect(await preview.count()).toBe(0);
    expect(await app.getByRole('button', { name: 'Insert into reply' }).count()).toBe(0);
    expect(await app.getByRole('button', { name: 'Translate' }).isDisabled()).toBe(true);
    expect(await page.locator('#editor').innerHTML()).toBe(`<p>${translated}</p>`);
  });

  it('asks Zendesk to size its frame to the content, and again when the content grows', async () => {
    const app = await openTicket('ticket=1001');
    await app.getByText('Translated from Spanish').first().waitFor();
    const frame = page.locator('iframe[title="Parley sidebar app"]');
    const contentHeight = () =>
      app
        .locator('.parley-sidebar')
        .evaluate((main) => Math.ceil(main.getBoundingClientRect().height));
    const frameHeight = () => frame.evaluate((iframe) => (iframe as HTMLElement).style.height);
    await poll(frameHeight).toBe(`${await contentHeight()}px`);
    const before = await contentHeight();
    await app.getByLabel('Your reply, in English').fill('Your order will arrive on Friday.');
    await app.getByRole('button', { name: 'Translate' }).click();
    await app.getByLabel('Reply in Spanish (you can edit it)').waitFor();
    await poll(frameHeight).toBe(`${await contentHeight()}px`);
    expect(await contentHeight()).toBeGreaterThan(before);
  });

  it('inserts plain text when the ticket editor is not rich text', async () => {
    const app = await openTicket('ticket=1001&richtext=off');
    await app.getByTestId('customer-language').waitFor();
    await app.getByLabel('Your reply, in English').fill('Your order will arrive on Friday.');
    await app.getByRole('button', { name: 'Translate' }).click();
    const preview = app.getByLabel('Reply in Spanish (you can edit it)');
    await preview.waitFor();
    const translated = await preview.inputValue();
    await app.getByRole('button', { name: 'Insert into reply' }).click();
    await app.getByText('Inserted into the reply editor.').waitFor();
    const editor = page.locator('#editor');
    expect(await editor.getAttribute('data-format')).toBe('text');
    expect(await editor.textContent()).toBe(translated);
  });

  it('translates a new customer comment when the ticket says its comments changed', async () => {
    const app = await openTicket('ticket=1001');
    await app.getByText('Translated from Spanish').first().waitFor();
    await page.getByRole('button', { name: 'Add a customer follow-up' }).click();
    await poll(() => app.locator('li.parley-comment-customer').count()).toBe(3);
    const last = app.locator('li.parley-comment-customer').last();
    await poll(() => last.textContent()).toContain('Translated from Spanish');
    expect(await last.textContent()).not.toContain('Gracias por su ayuda');
  });

  for (const { ticket, language, sample } of [
    { ticket: 1002, language: 'German', sample: 'Rechnung versehentlich zweimal bezahlt' },
    { ticket: 1003, language: 'Japanese', sample: 'ログインできません' },
  ]) {
    it(`says once that no engine translates ${language}, and offers review instead of a Translate that cannot work`, async () => {
      const app = await openTicket(`ticket=${ticket}`);
      await poll(() => app.getByTestId('customer-language').textContent()).toBe(language);
      const alert = app.getByRole('alert');
      await poll(() => alert.textContent()).toContain(
        `Translation from ${language} to English isn't available.`,
      );
      expect(await alert.textContent()).toContain(
        'An administrator can add an engine for this language pair.',
      );
      expect(await alert.getByRole('button', { name: 'Choose another language' }).isVisible()).toBe(
        true,
      );
      expect(await app.locator('.parley-comments').textContent()).toContain(sample);
      expect(await app.getByText('Not translated').count()).toBe(0);
      await app.getByLabel('Your reply, in English').fill('We refunded the second payment.');
      expect(await app.getByRole('button', { name: 'Translate' }).isDisabled()).toBe(true);
      expect(await app.getByRole('button', { name: 'Send for review' }).isEnabled()).toBe(true);
      await app.getByText(`No engine translates into ${language} yet`).waitFor();
      expect(await app.getByRole('alert').count()).toBe(1);
    });
  }

  for (const { ticket, language } of [
    { ticket: 1004, language: 'Portuguese' },
    { ticket: 1005, language: 'French' },
    { ticket: 1006, language: 'Italian' },
  ]) {
    it(`translates the ${language} sample ticket with the default engine`, async () => {
      const app = await openTicket(`ticket=${ticket}`);
      await poll(() => app.getByTestId('customer-language').textContent()).toBe(language);
      await app.getByText(`Translated from ${language}`).first().waitFor();
      expect(await app.getByRole('alert').count()).toBe(0);
    });
  }

  it('says once that a Japanese customer needs no translation for a Japanese agent, and steps aside', async () => {
    const app = await openTicket('ticket=1003&agent=ja');
    await app.getByText('お客様はあなたと同じ言語で書いています。翻訳は不要です。').waitFor();
    expect(await app.getByTestId('customer-language').textContent()).toBe('日本語');
    expect(await app.locator('.parley-comments').count()).toBe(0);
    expect(await app.getByRole('button', { name: '翻訳' }).count()).toBe(0);
    expect(await app.getByRole('button', { name: 'レビューに送信' }).count()).toBe(0);
  });

  it('lists each language once in the picker, marking those the engines translate now', async () => {
    const app = await openTicket('ticket=1002');
    await app.getByRole('alert').getByRole('button', { name: 'Choose another language' }).click();
    const picker = app.getByLabel("Customer's language");
    const group = (label: string) =>
      picker.locator(`optgroup[label="${label}"] option`).allTextContents();
    expect(await group('Translated now')).toEqual(
      expect.arrayContaining(['English', 'French', 'Italian', 'Portuguese', 'Spanish']),
    );
    expect(await group('Through review only')).toEqual(
      expect.arrayContaining(['German', 'Japanese']),
    );
    const names = await picker.locator('option').allTextContents();
    expect(names).not.toContain('American English');
    expect(names).not.toContain('Brazilian Portuguese');
    expect(names.filter((name) => name === 'Portuguese')).toHaveLength(1);
  });

  it('keeps the language the agent chose for the ticket after a reload', async () => {
    const app = await openTicket('ticket=1002');
    await app.getByRole('alert').getByRole('button', { name: 'Choose another language' }).click();
    await app.getByLabel("Customer's language").selectOption('es');
    await poll(() => app.getByTestId('customer-language').textContent()).toBe('Spanish');
    await page.reload();
    const reloaded = page.frameLocator('iframe[title="Parley sidebar app"]');
    await expect
      .poll(() => reloaded.getByTestId('customer-language').textContent())
      .toBe('Spanish');
    expect(await reloaded.getByText('chosen by you').isVisible()).toBe(true);
  });

  it("follows Zendesk's dark colour scheme with Garden's dark theme", async () => {
    const app = await openTicket('ticket=1001&scheme=dark');
    await app.getByTestId('customer-language').waitFor();
    const [red, green, blue] = await app
      .locator('body')
      .evaluate((body) => (getComputedStyle(body).backgroundColor.match(/\d+/g) ?? []).map(Number));
    // Dark: every channel of the page background well below the middle.
    expect(Math.max(red ?? 255, green ?? 255, blue ?? 255)).toBeLessThan(64);
  });

  it('shows the sidebar in the agent language (French) with the customer language named in French', async () => {
    const app = await openTicket('ticket=1001&agent=fr');
    await poll(() => app.getByTestId('customer-language').textContent()).toBe('espagnol');
    expect(await app.getByRole('heading', { name: 'Conversation' }).isVisible()).toBe(true);
    expect(await app.getByLabel('Votre réponse, en français').isVisible()).toBe(true);
  });
});

describe("replies submitted from Zendesk's own editor", { timeout: 60_000 }, () => {
  it('stops an English reply to the Spanish customer, saying to translate it first', async () => {
    const app = await openTicket('ticket=1001');
    await poll(() => app.getByTestId('customer-language').textContent()).toBe('Spanish');
    const editor = page.getByRole('textbox', { name: 'Reply editor' });
    await editor.fill(
      'Thank you for your patience. We have reset your password, so you can sign in again.',
    );
    await page.getByRole('button', { name: 'Submit as Open' }).click();
    await poll(() => page.locator('#submit-status').textContent()).toBe(
      'Zendesk did not submit the ticket: This reply is in English, but the customer reads Spanish. Translate it with Parley in the sidebar first, then send it.',
    );
    expect(await editor.textContent()).toContain('We have reset your password');
    expect(await page.locator('#thread').textContent()).not.toContain('reset your password');
  });

  it('lets a reply written in Spanish be submitted', async () => {
    const app = await openTicket('ticket=1001');
    await poll(() => app.getByTestId('customer-language').textContent()).toBe('Spanish');
    await page
      .getByRole('textbox', { name: 'Reply editor' })
      .fill(
        'Gracias por su paciencia. Hemos restablecido su contraseña y ya puede volver a entrar.',
      );
    await page.getByRole('button', { name: 'Submit as Open' }).click();
    await poll(() => page.locator('#submit-status').textContent()).toBe('Ticket submitted.');
    expect(await page.locator('#thread').textContent()).toContain(
      'Hemos restablecido su contraseña',
    );
  });
});

describe('review jobs', { timeout: 60_000 }, () => {
  it('sends the draft for review once and follows the job status with its due time', async () => {
    const app = await openTicket('ticket=1001&mode=review');
    await app.getByTestId('customer-language').waitFor();
    const draft = app.getByLabel('Your reply, in English');
    await draft.fill('We will ship a replacement today.');
    await app.getByRole('button', { name: 'Send for review' }).click();
    const status = app.getByTestId('review-status');
    await status.waitFor();
    // No translator has claimed it: the job waits in the queue, and the proxy says the same.
    await poll(() => status.textContent()).toContain('Waiting for a translator');
    await app.getByText(/^Due by /).waitFor();
    expect(await draft.inputValue()).toBe('');
    expect(await app.getByRole('button', { name: 'Send for review' }).isDisabled()).toBe(true);
    const jobId = (await app.locator('[data-job-id]').getAttribute('data-job-id')) ?? '';
    const job = await fetch(`${proxy.url}/v1/replies/${jobId}`, {
      headers: { Authorization: `Bearer ${DEV_KEY}` },
    });
    expect(await job.json()).toMatchObject({
      id: jobId,
      status: 'queued',
      mode: 'review',
      ticketId: '1001',
      source: 'en',
      target: 'es',
    });
  });

  it("names the translator who claims the job, then shows the translator's rejection as a failure with the machine text to insert by hand", async () => {
    const app = await openTicket('ticket=1001&mode=review');
    await app.getByTestId('customer-language').waitFor();
    await app.getByLabel('Your reply, in English').fill('We will ship a replacement today.');
    await app.getByRole('button', { name: 'Send for review' }).click();
    const jobId = (await app.locator('[data-job-id]').getAttribute('data-job-id')) ?? '';
    const lucia = await proxy.store.translators.create({
      email: `lucia-${jobId}@translators.example`,
      name: 'Lucía',
      passwordHash: 'not-used-here',
    });
    expect(await proxy.store.replyJobs.claim(jobId, lucia.id, Date.now(), 600_000)).toBe(true);
    await poll(() => app.getByTestId('review-status').textContent()).toContain(
      'Lucía is reviewing it',
    );
    await proxy.store.replyJobs.reject(
      jobId,
      lucia.id,
      'Please add the tracking number.',
      Date.now(),
    );
    const alert = app.getByRole('alert');
    await poll(() => alert.textContent()).toContain(
      'The translator sent it back: Please add the tracking number.',
    );
    await alert.getByRole('button', { name: 'Insert the machine translation' }).click();
    await app.getByText('Inserted into the reply editor.').waitFor();
    const editor = (await page.locator('#editor').textContent()) ?? '';
    expect(editor).not.toBe('');
    expect(editor).not.toContain('replacement today');
  });

  it('tells the agent review is unavailable when the proxy has no post-edit queue', async () => {
    expectedProblems = [/^console: Failed to load resource: .* 404/, /^404: .*\/v1\/replies$/];
    // An older proxy, without /v1/replies, answers as Fastify does for a route it does not have.
    await page.route('**/v1/replies', (route) =>
      route.fulfill({
        status: 404,
        json: { error: { code: 'not_found', message: 'Route POST:/v1/replies not found' } },
      }),
    );
    const app = await openTicket('ticket=1001');
    await app.getByTestId('customer-language').waitFor();
    await app.getByLabel('Your reply, in English').fill('We will ship a replacement today.');
    await app.getByRole('button', { name: 'Send for review' }).click();
    await app.getByText('Review jobs are not available on this Parley proxy yet.').waitFor();
  });
});
