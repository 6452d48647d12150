/**
 * The managers' reports as a team manager uses them: the BUILT page at /reports of a real proxy
 * (SQLite), in Debian's Chromium, over a history of replies of the last days whose figures are
 * worked out here by hand.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Proxy } from '@parley/translation-proxy/compose';
import { DEV_TENANT_ID } from '@parley/translation-proxy/plugins/auth';
import { createTranslator } from '../fault/replies-support.js';
import { startTestProxy } from '../support/proxy.js';
import { replyDraft, replyHistory } from '../support/reply-history.js';
import { buildApps } from './build.js';
import { launchChromium } from './chromium.js';
import { unexpectedProblems, watchProblems } from './consoleProblems.js';

const PASSWORD = 'correct horse battery staple';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const today = Math.floor(Date.now() / DAY) * DAY;
const yesterday = today - DAY;
const twoDaysAgo = today - 2 * DAY;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** How the page names a day in English (`Nov 28`). */
const shortDay = (ms: number) =>
  new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(ms);

let proxy: Proxy;
let url: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleProblems: string[];

beforeAll(async () => {
  buildApps();
  proxy = await startTestProxy();
  const marta = await createTranslator(proxy, 'marta@translators.example', PASSWORD);
  await proxy.store.managers.grant(marta.id, [DEV_TENANT_ID]);
  const lucia = await createTranslator(proxy, 'lucia@translators.example', PASSWORD);
  await proxy.store.db.execute('UPDATE translators SET name = ? WHERE id = ?', [
    'Lucía Ortega',
    lucia.id,
  ]);

  // Yesterday: two machine replies en→es, posted 2 s and 4 s after the agent asked.
  const { create, posted, reviewed } = replyHistory(proxy.store);
  for (const [at, took] of [
    [yesterday + 9 * HOUR, 2_000],
    [yesterday + 10 * HOUR, 4_000],
  ] as const)
    await posted(
      await create(replyDraft(DEV_TENANT_ID, 'machine', 'es', 'apertium', null), at),
      at + took,
    );
  // Two days ago: one reviewed by Lucía within its deadline, 30 % of it changed.
  const reviewedJob = await create(
    replyDraft(DEV_TENANT_ID, 'review', 'es', 'apertium', twoDaysAgo + 4 * HOUR),
    twoDaysAgo,
  );
  await reviewed(reviewedJob, lucia.id, twoDaysAgo + HOUR, twoDaysAgo + 2 * HOUR, 0.3);
  await posted(reviewedJob, twoDaysAgo + 2 * HOUR + 60_000);

  url = await proxy.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
  page = await context.newPage();
  consoleProblems = watchProblems(page);
});

afterEach(async () => {
  await context.close();
  // Not being a manager, or an empty range, are states the page explains: no browser errors.
  expect(unexpectedProblems(consoleProblems, [])).toEqual([]);
});

async function signIn(email: string) {
  await page.goto(`${url}/reports`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const figure = (name: string) => page.getByRole('figure', { name });
const table = (name: string) => page.getByRole('table', { name });
const rowOf = (tableName: string, header: string) =>
  table(tableName)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: header }) });

describe('the managers’ reports', { timeout: 90_000 }, () => {
  it('shows a manager the replies of the last 30 days as a chart and the translators as a table', async () => {
    await signIn('marta@translators.example');
    await page.getByRole('heading', { name: 'Team reports' }).waitFor();
    await expect
      .poll(() => page.getByLabel('From', { exact: true }).inputValue())
      .toBe(iso(today - 29 * DAY));
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe(iso(today));

    const replies = figure('Replies posted per day');
    await replies.waitFor();
    // One column per day of the range; yesterday's holds two machine replies, the day before one.
    expect(await replies.locator('svg g[data-day]').count()).toBe(30);
    expect(await replies.locator(`g[data-day="${iso(yesterday)}"] > title`).textContent()).toBe(
      `${shortDay(yesterday)}: 2 replies`,
    );
    expect(await replies.locator(`g[data-day="${iso(twoDaysAgo)}"] rect`).count()).toBe(1);
    expect(await replies.getByRole('listitem').allTextContents()).toEqual([
      'English → Spanish, machine',
      'English → Spanish, reviewed',
    ]);

    // The chart's figures, for the keyboard: "Show the numbers" opens them as a table.
    await replies.getByText('Show the numbers').focus();
    await page.keyboard.press('Enter');
    const yesterdayRow = replies.getByRole('row').filter({ hasText: shortDay(yesterday) });
    expect(await yesterdayRow.getByRole('cell').allTextContents()).toEqual(['2', '0', '2']);

    expect(await rowOf('Time to post', 'English → Spanish').first().textContent()).toBe(
      'English → Spanishmachine23 sec',
    );
    expect(
      await rowOf('Review deadline', 'English → Spanish').getByRole('cell').allTextContents(),
    ).toEqual(['1', '0', '0', '0', '100%']);
    expect(await figure('Characters translators changed').getByRole('listitem').textContent()).toBe(
      'English → Spanish · apertium30%',
    );
    expect(await rowOf('Translators', 'Lucía Ortega').getByRole('cell').allTextContents()).toEqual([
      '1',
      '0',
      '30%',
    ]);
  });

  it('switches the page to Spanish and keeps the figures', async () => {
    await signIn('marta@translators.example');
    await figure('Replies posted per day').waitFor();
    await page.getByLabel('Language').selectOption('es');

    await page.getByRole('heading', { name: 'Informes del equipo' }).waitFor();
    expect(
      await figure('Respuestas publicadas por día').getByRole('listitem').allTextContents(),
    ).toEqual(['inglés → español, automática', 'inglés → español, revisada']);
    expect(await rowOf('Traductores', 'Lucía Ortega').getByRole('cell').allTextContents()).toEqual([
      '1',
      '0',
      // Spanish writes a (no-break) space before the sign.
      new Intl.NumberFormat('es', { style: 'percent' }).format(0.3),
    ]);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('es');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
  });

  it('downloads the figures of the range shown as CSV', async () => {
    await signIn('marta@translators.example');
    await figure('Replies posted per day').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      `parley-report-dev-${iso(today - 29 * DAY)}-${iso(today)}.csv`,
    );
    const lines = (await readFile(await download.path(), 'utf8')).split('\r\n');
    expect(lines[0]).toBe('figure,day,source,target,mode,engine,translator,value');
    expect(lines).toContain(`replies,${iso(yesterday)},en,es,machine,,,2`);
    expect(lines).toContain('median_seconds_to_post,,en,es,machine,,,3');
    expect(lines).toContain('approved,,,,,,Lucía Ortega,1');
  });

  it('says so when nothing happened in the days asked for', async () => {
    await signIn('marta@translators.example');
    await figure('Replies posted per day').waitFor();
    await page.getByLabel('From', { exact: true }).fill('2020-03-01');
    await page.getByLabel('To', { exact: true }).fill('2020-03-31');
    await page.getByRole('button', { name: 'Show' }).click();
    await page
      .getByText(
        'Nothing was posted, reviewed or rejected between March 1, 2020 and March 31, 2020.',
      )
      .waitFor();
    expect(await figure('Replies posted per day').count()).toBe(0);
  });

  it('tells a translator without the manager role that the reports are for managers', async () => {
    await signIn('lucia@translators.example');
    const refusal = page.getByRole('alert');
    await expect
      .poll(() => refusal.textContent())
      .toContain('These reports are for team managers.');
    expect(await page.getByRole('figure').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Download CSV' }).count()).toBe(0);
  });
});
