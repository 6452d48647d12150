/**
 * The translators' workspace as a translator uses it: the BUILT page at /queue of a real proxy
 * (embedded Apertium, SQLite), in Debian's Chromium, posting approved replies to a stand-in
 * Zendesk on 127.0.0.1 that follows Zendesk's documented ticket API.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Proxy } from '@parley/translation-proxy/compose';
import { DEV_TENANT_ID } from '@parley/translation-proxy/plugins/auth';
import { createSecretBox } from '@parley/translation-proxy/secrets';
import { serveOnLocalhost } from '../msw/helpdesk-standin.js';
import { zendeskApi } from '../msw/zendesk.js';
import {
  createReply,
  createTranslator,
  reviewRequest,
  startReplyProxy,
  TEST_SECRET_KEY,
  waitForStatus,
  ZENDESK,
} from '../fault/replies-support.js';
import { buildApps } from './build.js';
import { launchChromium } from './chromium.js';
import { unexpectedProblems, watchProblems } from './consoleProblems.js';

const PASSWORD = 'correct horse battery staple';
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

const zendesk = zendeskApi(ZENDESK);
let helpdesk: Awaited<ReturnType<typeof serveOnLocalhost>>;
let proxy: Proxy;
let url: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Console errors and failed or refused requests of the page. */
let consoleProblems: string[];
let ticket = 7100;

beforeAll(async () => {
  buildApps();
  helpdesk = await serveOnLocalhost(zendesk.handle, 0);
  proxy = await startReplyProxy({ PARLEY_ALLOW_HTTP_HELPDESK: '1' });
  // The stand-in runs on a local port: the tenant's Zendesk credentials point there.
  await proxy.store.helpdeskConnections.setSealedCredentials(
    DEV_TENANT_ID,
    'zendesk',
    createSecretBox(Buffer.from(TEST_SECRET_KEY, 'hex')).seal(
      JSON.stringify({ ...ZENDESK, baseUrl: helpdesk.origin }),
    ),
  );
  await createTranslator(proxy, 'lucia@translators.example', PASSWORD);
  url = await proxy.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await helpdesk?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ locale: 'en-US' });
  page = await context.newPage();
  consoleProblems = watchProblems(page);
});

afterEach(async () => {
  await context.close();
  // Expected states (nobody signed in yet, a refused approval) are no errors to the browser.
  expect(unexpectedProblems(consoleProblems, [])).toEqual([]);
});

/** A review job for a new ticket: the agent's English HTML reply to a Spanish-speaking customer. */
async function queueReply(
  draft: string,
  extra: object = {},
): Promise<{ id: string; ticketId: string }> {
  const ticketId = String(++ticket);
  zendesk.addTicket(ticketId);
  const response = await createReply(proxy, reviewRequest(ticketId, draft, extra));
  expect(response.statusCode).toBe(201);
  return { id: (response.json() as { id: string }).id, ticketId };
}

async function signIn() {
  await page.goto(`${url}/queue`);
  await page.getByLabel('Email').fill('lucia@translators.example');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Replies waiting for review' }).waitFor();
}

const segmentEditor = (number: number) =>
  page.getByRole('textbox', { name: `Translation of segment ${number}` });

describe('the translators’ workspace', { timeout: 90_000 }, () => {
  it('signs in, claims, catches a dropped placeholder, approves, and the ticket gets one reply and one note', async () => {
    const { id, ticketId } = await queueReply(
      '<p>Hello {{ticket.requester.first_name}},</p><p>Your order <b>48213</b> ships on Friday.</p>',
    );
    await signIn();
    const row = page.locator(`tr[data-job="${id}"]`);
    await poll(() => row.textContent()).toContain('Hello {{ticket.requester.first_name}}');
    await row.getByRole('button', { name: 'Claim' }).click();

    await page.getByRole('heading', { name: `Ticket #${ticketId}` }).waitFor();
    const greeting = segmentEditor(1);
    const token = greeting.locator('[data-placeholder]');
    await expect.poll(() => token.textContent()).toBe('{{ticket.requester.first_name}}');
    // The translator selects the token and deletes it, then rewrites the greeting.
    await token.evaluate((element) => {
      const range = document.createRange();
      range.selectNode(element);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
    });
    await page.keyboard.press('Delete');
    await expect.poll(() => token.count()).toBe(0);
    await greeting.evaluate((element) => {
      element.textContent = '';
    });
    await greeting.pressSequentially('Hola ');

    await page.getByRole('button', { name: 'Approve and send' }).click();
    const qa = page.getByRole('alert').filter({ hasText: 'Check before sending' });
    await poll(() => qa.textContent()).toContain('{{ticket.requester.first_name}} is missing.');
    expect(zendesk.tickets.get(ticketId)).toEqual([]);

    // Put the token back where the caret is, finish the sentence, confirm it with Ctrl+Enter.
    await greeting.press('End');
    await page.getByRole('button', { name: 'Insert {{ticket.requester.first_name}}' }).click();
    await greeting.press('End');
    await greeting.pressSequentially(', ¡gracias por escribirnos!');
    await greeting.press('Control+Enter');
    await expect
      .poll(() => segmentEditor(2).evaluate((element) => element === document.activeElement))
      .toBe(true);
    await segmentEditor(2).press('Control+Enter');
    await expect
      .poll(() =>
        page
          .getByRole('button', { name: 'Approve and send' })
          .evaluate((b) => b === document.activeElement),
      )
      .toBe(true);
    await page.keyboard.press('Enter');

    await page.getByText(`Posted to ticket #${ticketId}.`).waitFor();
    const job = await waitForStatus(proxy, id, ['posted']);
    expect(job.editor).toEqual({ id: expect.any(String), name: 'lucia' });
    const comments = zendesk.tickets.get(ticketId) ?? [];
    expect(comments.map((comment) => comment.public)).toEqual([true, false]);
    const [reply, note] = comments;
    expect(reply?.html_body).toContain(
      'Hola {{ticket.requester.first_name}}, ¡gracias por escribirnos!',
    );
    expect(reply?.html_body).toContain('<b>48213</b>');
    expect(note?.body).toContain('Your order 48213 ships on Friday.');
    expect(note?.body).toContain('lucia');
  });

  it('shows personal values as tokens the translator cannot alter, and posts the values on approval', async () => {
    const ticketId = String(++ticket);
    zendesk.addTicket(ticketId);
    const response = await createReply(proxy, {
      ...reviewRequest(
        ticketId,
        '<p>Hello Rosa Verde,</p><p>We refunded card 4111 1111 1111 1111; call +49 30 901820.</p>',
      ),
      hints: { pii: [{ kind: 'name', value: 'Rosa Verde' }] },
    });
    const { id } = response.json() as { id: string };
    await signIn();
    const row = page.locator(`tr[data-job="${id}"]`);
    await poll(() => row.textContent()).toContain('[card ••••1111]');
    await row.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('heading', { name: `Ticket #${ticketId}` }).waitFor();

    const tokens = page.locator('.parley-token');
    await poll(() => tokens.allTextContents()).toEqual(
      expect.arrayContaining(['name', 'card ••••1111', 'phone']),
    );
    const seen = await page.locator('body').innerText();
    for (const value of ['Rosa', 'Verde', '4111', '901820']) expect(seen).not.toContain(value);
    const cardToken = segmentEditor(2).locator('[data-placeholder]').first();
    expect(await cardToken.getAttribute('contenteditable')).toBe('false');

    await page.getByRole('button', { name: 'Approve and send' }).click();
    await page.getByText(`Posted to ticket #${ticketId}.`).waitFor();
    await waitForStatus(proxy, id, ['posted']);
    const [reply] = zendesk.tickets.get(ticketId) ?? [];
    for (const value of ['Rosa Verde', '4111 1111 1111 1111', '+49 30 901820'])
      expect(reply?.html_body).toContain(value);
  });

  it('speaks the translator’s language: the sign-in form in German', async () => {
    await page.goto(`${url}/queue?lang=de`);
    await page
      .getByRole('heading', { name: 'Melden Sie sich an, um Antworten zu prüfen' })
      .waitFor();
    await page.getByLabel('E-Mail').waitFor();
    await page.getByLabel('Passwort').waitFor();
    await page.getByRole('button', { name: 'Anmelden' }).waitFor();
    expect(await page.title()).toBe('Parley — Arbeitsbereich für Übersetzer');
  });
});

/** Claims the job from the queue and waits for its editor. */
async function claim(id: string, heading: string) {
  await signIn();
  const row = page.locator(`tr[data-job="${id}"]`);
  await row.getByRole('button', { name: 'Claim' }).click();
  await page.getByRole('heading', { name: heading }).waitFor();
}

/** Replaces what a segment editor holds by what the translator types. */
async function retype(number: number, text: string) {
  await segmentEditor(number).evaluate((element) => {
    element.textContent = '';
  });
  await segmentEditor(number).pressSequentially(text);
}

describe('the editor at CAT-tool grade', { timeout: 90_000 }, () => {
  it('shows a glossary term’s target on hover and on keyboard focus, and accepts it inflected', async () => {
    await proxy.store.glossary.upsert(DEV_TENANT_ID, {
      sourceLang: 'en',
      targetLang: 'es',
      source: 'refund',
      target: 'reembolso',
    });
    const { id, ticketId } = await queueReply('<p>Your refund is on its way.</p>');
    await claim(id, `Ticket #${ticketId}`);

    const term = page.locator('.parley-segment-source').getByText('refund', { exact: true });
    const hint = page.getByRole('tooltip').filter({ hasText: 'Glossary: refund → reembolso' });
    await term.hover();
    await hint.waitFor();
    await page.mouse.move(0, 0);
    await expect.poll(() => hint.isVisible()).toBe(false);
    await term.focus();
    await hint.waitFor();

    // In the translation the term is text: the translator makes it a verb.
    await expect.poll(() => segmentEditor(1).textContent()).toContain('reembolso');
    expect(await segmentEditor(1).locator('[data-placeholder]').count()).toBe(0);
    await retype(1, 'Ya le hemos reembolsado el importe.');
    await page.getByRole('button', { name: 'Approve and send' }).click();
    await page.getByText(`Posted to ticket #${ticketId}.`).waitFor();
    const [reply] = zendesk.tickets.get(ticketId) ?? [];
    expect(reply?.html_body).toContain('Ya le hemos reembolsado el importe.');
  });

  it('shows the URL of a link token on hover', async () => {
    const link = 'https://track.example.com/parcels/48213?lang=es';
    const { id, ticketId } = await queueReply(
      `<p>You can follow it <a href="${link}">on the carrier’s page</a>.</p>`,
    );
    await claim(id, `Ticket #${ticketId}`);
    await page.locator('.parley-segment-source .parley-token-open').hover();
    await page
      .getByRole('tooltip')
      .filter({ hasText: `<a> links to ${link}` })
      .waitFor();
    expect(await segmentEditor(1).locator('[data-placeholder]').first().getAttribute('title')).toBe(
      `<a> links to ${link}`,
    );
  });

  it('shows a long placeholder cut short in the text, and all of it on hover', async () => {
    const placeholder = '{{ticket.organization.custom_fields.preferred_delivery_window}}';
    const { id, ticketId } = await queueReply(`<p>We will deliver ${placeholder}.</p>`);
    await claim(id, `Ticket #${ticketId}`);
    const token = page.locator('.parley-segment-source .parley-token', { hasText: placeholder });
    expect(await token.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await token.hover();
    await page
      .getByRole('tooltip')
      .filter({ hasText: `Kept as it is: ${placeholder}` })
      .waitFor();
  });

  it('lists blocking errors apart from warnings, and highlights each segment in its colour', async () => {
    const { id, ticketId } = await queueReply(
      '<p>Hello {{ticket.requester.first_name}},</p><p>Your order 48213 ships on Friday.</p><p>Kind regards.</p>',
    );
    await claim(id, `Ticket #${ticketId}`);
    // The greeting loses its placeholder (an error); the order number gets two digits swapped (a warning).
    await retype(1, 'Hola,');
    await retype(2, 'Su pedido 48231 sale el viernes.');
    await page.getByRole('button', { name: 'Approve and send' }).click();

    const qa = page.getByRole('alert').filter({ hasText: 'Check before sending' });
    const errors = qa.locator('.parley-qa-errors');
    const warnings = qa.locator('.parley-qa-warnings');
    await poll(() => errors.textContent()).toContain('{{ticket.requester.first_name}} is missing.');
    expect(await warnings.textContent()).toContain('The numbers differ from the source');
    expect(await errors.textContent()).not.toContain('numbers');
    const colour = (element: Element) => getComputedStyle(element).color;
    expect(await errors.evaluate(colour)).not.toBe(await warnings.evaluate(colour));

    const background = (element: Element) => getComputedStyle(element).backgroundColor;
    const rows = [0, 1, 2].map((index) => page.locator(`li[data-segment="${index}"]`));
    const [greeting, order, closing] = await Promise.all(
      rows.map((row) => row.evaluate(background)),
    );
    expect(new Set([greeting, order, closing]).size).toBe(3);
    expect(await rows[0]?.getAttribute('class')).toContain('parley-segment-qa-error');
    expect(await rows[1]?.getAttribute('class')).toContain('parley-segment-qa-warning');
    expect(zendesk.tickets.get(ticketId)).toEqual([]);
  });

  it('names the ticket, shows the customer’s last message with personal data masked, and counts confirmed segments', async () => {
    const { id, ticketId } = await queueReply(
      '<p>Thank you for writing. Your parcel left the warehouse today. We are sorry for the wait.</p>',
      {
        context: {
          subject: 'Pedido 48213 retrasado',
          lastMessage: '¿Dónde está mi paquete? Escríbanme a lucia.fernandez@correo.example',
        },
      },
    );
    await claim(id, `#${ticketId} · Pedido 48213 retrasado`);
    const lastMessage = page.locator('.parley-last-message');
    await expect.poll(() => lastMessage.textContent()).toContain('¿Dónde está mi paquete?');
    expect(await lastMessage.textContent()).toContain('[e-mail]');
    expect(await page.locator('body').innerText()).not.toContain('lucia.fernandez');

    await page.getByText('0 of 3 confirmed').waitFor();
    await segmentEditor(1).press('Control+Enter');
    await segmentEditor(2).press('Control+Enter');
    await page.getByText('2 of 3 confirmed').waitFor();
    await page.getByText('Words: 16').waitFor();
  });

  it('comes back to the translator’s edit after a reload', async () => {
    const { id, ticketId } = await queueReply('<p>Your invoice is attached.</p>');
    await claim(id, `Ticket #${ticketId}`);
    await retype(1, 'Le adjuntamos la factura corregida.');
    await page.getByText('Draft saved').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: `Ticket #${ticketId}` }).waitFor();
    await expect
      .poll(() => segmentEditor(1).textContent())
      .toBe('Le adjuntamos la factura corregida.');
  });

  it('shows a reply that could not be posted as a failure, with the reason', async () => {
    const { id, ticketId } = await queueReply('<p>Thanks for your patience.</p>');
    const [credentials] = await proxy.store.db.query<{ helpdesk: string; sealed: string }>(
      'SELECT helpdesk, sealed FROM tenant_helpdesks WHERE tenant_id = ?',
      [DEV_TENANT_ID],
    );
    // The team has not connected Parley to its helpdesk.
    await proxy.store.db.execute('DELETE FROM tenant_helpdesks WHERE tenant_id = ?', [
      DEV_TENANT_ID,
    ]);
    try {
      await claim(id, `Ticket #${ticketId}`);
      await page.getByRole('button', { name: 'Approve and send' }).click();
      const failure = page.getByRole('alert').filter({
        hasText: 'Posting failed: the team has not connected Parley to its helpdesk yet.',
      });
      await failure.waitFor();
      expect(await page.getByText(/Posted to ticket/).count()).toBe(0);
      expect((await waitForStatus(proxy, id, ['failed'])).error).toMatchObject({
        code: 'helpdesk_not_configured',
      });
    } finally {
      if (credentials)
        await proxy.store.helpdeskConnections.setSealedCredentials(
          DEV_TENANT_ID,
          credentials.helpdesk,
          credentials.sealed,
        );
    }
  });
});
