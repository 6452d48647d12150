/**
 * Memory matches, repetitions and concordance search in the translators' workspace, as a
 * translator uses them, and the editor they live in (a lazily loaded chunk) across builds: the
 * BUILT page at /queue of a real proxy (embedded Apertium, SQLite) in Debian's Chromium. What the
 * team approved earlier is in the tenant's translation memory.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Proxy } from '@parley/translation-proxy/compose';
import { DEV_TENANT_ID } from '@parley/translation-proxy/plugins/auth';
import {
  createReply,
  createTranslator,
  reviewRequest,
  startReplyProxy,
} from '../fault/replies-support.js';
import { buildApps } from './build.js';
import { launchChromium } from './chromium.js';
import { unexpectedProblems, watchProblems } from './consoleProblems.js';

const PASSWORD = 'correct horse battery staple';

let proxy: Proxy;
let url: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleProblems: string[];
/** The problems a test expects (a request it refuses on purpose). */
let expectedProblems: RegExp[];
let ticket = 8100;

beforeAll(async () => {
  buildApps();
  proxy = await startReplyProxy();
  await createTranslator(proxy, 'lucia@translators.example', PASSWORD);
  // Approved by a translator earlier in the day.
  await proxy.store.memory.save(DEV_TENANT_ID, 'en', 'es', [
    {
      source: 'You can track your order online.',
      target: 'Puede seguir su pedido en línea.',
      origin: 'human',
      engine: null,
    },
  ]);
  url = await proxy.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ locale: 'en-US' });
  page = await context.newPage();
  consoleProblems = watchProblems(page);
  expectedProblems = [];
});

afterEach(async () => {
  await context.close();
  expect(unexpectedProblems(consoleProblems, expectedProblems)).toEqual([]);
});

/**
 * Signs in and claims a new review job for the agent's English HTML draft; `beforeClaim` runs
 * with the queue on screen.
 */
async function claimReply(draft: string, beforeClaim?: () => Promise<void>) {
  const ticketId = String(++ticket);
  const response = await createReply(proxy, reviewRequest(ticketId, draft));
  expect(response.statusCode).toBe(201);
  const id = (response.json() as { id: string }).id;
  await page.goto(`${url}/queue`);
  await page.getByLabel('Email').fill('lucia@translators.example');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const claim = page.locator(`tr[data-job="${id}"]`).getByRole('button', { name: 'Claim' });
  await claim.waitFor();
  await beforeClaim?.();
  await claim.click();
  await page.getByRole('heading', { name: `Ticket #${ticketId}` }).waitFor();
  return { id };
}

const segmentEditor = (number: number) =>
  page.getByRole('textbox', { name: `Translation of segment ${number}` });
const isFocused = (number: number) =>
  segmentEditor(number).evaluate((element) => element === document.activeElement);

describe('memory matches, repetitions and concordance', { timeout: 90_000 }, () => {
  it('shows an approved “track your order” for “track your parcel” with its match % and the difference, and Ctrl+1 puts it in', async () => {
    await claimReply('<p>You can track your parcel online.</p>');
    const panel = page.getByRole('complementary', { name: 'Memory matches for segment 1' });
    const match = panel.locator('[data-match="1"]');
    await expect.poll(() => match.textContent()).toContain('87% match');
    expect(await match.textContent()).toContain('Translator-approved');
    expect(await match.locator('del').allTextContents()).toEqual(['order']);
    expect(await match.locator('ins').allTextContents()).toEqual(['parcel']);
    expect(await match.locator('.parley-match-target').textContent()).toBe(
      'Puede seguir su pedido en línea.',
    );

    await segmentEditor(1).click();
    await page.keyboard.press('Control+1');
    await expect
      .poll(() => segmentEditor(1).textContent())
      .toBe('Puede seguir su pedido en línea.');
  });

  it('offers the matches best first, and Ctrl+2 puts the second one in', async () => {
    await proxy.store.memory.save(DEV_TENANT_ID, 'en', 'es', [
      {
        source: 'Your refund will arrive within three working days.',
        target: 'Su reembolso llegará en un plazo de tres días hábiles.',
        origin: 'human',
        engine: null,
      },
      {
        source: 'Your refund will arrive within five business days.',
        target: 'Su reembolso llegará en cinco días laborables.',
        origin: 'machine',
        engine: 'apertium',
      },
    ]);
    await claimReply('<p>Your refund will arrive within five working days.</p>');
    const panel = page.getByRole('complementary', { name: 'Memory matches for segment 1' });
    const second = panel.locator('[data-match="2"]');
    await expect.poll(() => second.count()).toBe(1);
    const scores = await panel
      .locator('.parley-match-score')
      .evaluateAll((elements) => elements.map((element) => parseInt(element.textContent ?? '')));
    expect(scores).toHaveLength(2);
    expect(scores[0]).toBeGreaterThan(scores[1] ?? 100);
    const secondTarget = await second.locator('.parley-match-target').textContent();

    await segmentEditor(1).click();
    await page.keyboard.press('Control+2');
    await expect.poll(() => segmentEditor(1).textContent()).toBe(secondTarget);
  });

  it('fills the repetitions of a sentence with its translation once it is confirmed', async () => {
    await claimReply(
      '<p>Thanks for waiting.</p><p>Your parcel left our warehouse.</p><p>Thanks for waiting.</p>',
    );
    const first = segmentEditor(1);
    await first.click();
    await first.evaluate((element) => {
      element.textContent = '';
    });
    await first.pressSequentially('Gracias por esperar.');
    await first.press('Control+Enter');
    await expect.poll(() => segmentEditor(3).textContent()).toBe('Gracias por esperar.');
    expect(await segmentEditor(2).textContent()).not.toBe('Gracias por esperar.');
  });

  it('finds a word in the memory with Ctrl+K, and Escape returns to the segment', async () => {
    await claimReply('<p>Your parcel left our warehouse.</p>');
    await segmentEditor(1).click();
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Search the memory and glossary' });
    await dialog.waitFor();
    const field = dialog.getByLabel('Word or phrase');
    await expect
      .poll(() => field.evaluate((element) => element === document.activeElement))
      .toBe(true);
    await page.keyboard.type('pedido');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => dialog.locator('.parley-concordance-hits').first().textContent())
      .toContain('Puede seguir su pedido en línea.');

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => isFocused(1)).toBe(true);
  });
});

const withoutHash = (address: string) => address.replace(/#.*$/, '');

/**
 * From now until the page reloads, the proxy serves a newer build: the chunk `chunk` this tab
 * knows is gone (its preload and its import alike). Tells whether the page has reloaded.
 */
async function replaceChunkUntilReload(chunk: string): Promise<{ reloaded: () => boolean }> {
  let reloaded = false;
  page.on('request', (request) => {
    if (
      request.isNavigationRequest() &&
      request.frame() === page.mainFrame() &&
      withoutHash(request.url()) === withoutHash(page.url())
    )
      reloaded = true;
  });
  await page.route(`**/queue/assets/${chunk}-*.js`, (route) =>
    reloaded ? route.continue() : route.fulfill({ status: 404 }),
  );
  expectedProblems = [
    /^console: Failed to load resource: .* 404/,
    new RegExp(`^(404|failed): .*/queue/assets/${chunk}-[\\w-]+\\.js$`),
  ];
  return { reloaded: () => reloaded };
}

describe('a workspace tab across builds', { timeout: 90_000 }, () => {
  it('opens a job in a tab opened before a new build: it reloads once and comes back to the job', async () => {
    let newBuild: { reloaded: () => boolean } | undefined;
    const { id } = await claimReply('<p>Your parcel is on its way.</p>', async () => {
      newBuild = await replaceChunkUntilReload('JobEditor');
    });
    expect(newBuild?.reloaded()).toBe(true);
    expect(page.url()).toContain(`#/jobs/${id}`);
  });

  it('shows the first match’s difference in a tab opened before a new build: it reloads once and comes back to the job', async () => {
    let newBuild: { reloaded: () => boolean } | undefined;
    let reload: Promise<unknown> | undefined;
    const { id } = await claimReply('<p>You can track your parcel online.</p>', async () => {
      newBuild = await replaceChunkUntilReload('MatchDifference');
      reload = page.waitForEvent('load');
    });
    await reload;
    const match = page
      .getByRole('complementary', { name: 'Memory matches for segment 1' })
      .locator('[data-match="1"]');
    await expect.poll(() => match.locator('ins').allTextContents()).toEqual(['parcel']);
    expect(await match.locator('del').allTextContents()).toEqual(['order']);
    expect(newBuild?.reloaded()).toBe(true);
    expect(page.url()).toContain(`#/jobs/${id}`);
  });

  it('opens concordance search in a tab opened before a new build: it reloads once, back at the job, where Ctrl+K opens it', async () => {
    let newBuild: { reloaded: () => boolean } | undefined;
    const { id } = await claimReply('<p>Your parcel left our warehouse.</p>', async () => {
      newBuild = await replaceChunkUntilReload('ConcordanceDialog');
    });
    const reload = page.waitForEvent('load');
    await segmentEditor(1).click();
    await page.keyboard.press('Control+k');
    await reload;
    expect(newBuild?.reloaded()).toBe(true);
    expect(page.url()).toContain(`#/jobs/${id}`);

    await segmentEditor(1).click();
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Search the memory and glossary' }).waitFor();
  });

  it('starts in the translator’s language in a tab opened before a new build: it reloads once', async () => {
    const newBuild = await replaceChunkUntilReload('de');
    await page.goto(`${url}/queue?lang=de`);
    await page
      .getByRole('heading', { name: 'Melden Sie sich an, um Antworten zu prüfen' })
      .waitFor();
    expect(newBuild.reloaded()).toBe(true);
  });
});
