// @vitest-environment jsdom
/**
 * The check on replies sent from the helpdesk's own editor, over a stand-in for the proxy's
 * /v1/detect: it stops only a reply reliably detected in the agent's language when the customer
 * reads another, and lets everything else go — above all when Parley cannot answer.
 */
import type { Detection, DetectRequest } from '@parley/shared/api/schemas';
import { describe, expect, it, vi } from 'vitest';
import { ProxyError } from '../host/helpdeskHost.js';
import { createTranslate } from '../i18n/i18n.js';
import { UI_MESSAGES } from '../i18n/uiMessages.js';
import { checkReplyLanguage } from './replyLanguageCheck.js';

const detection = (language: string, reliable = true): Detection => ({
  language,
  confidence: reliable ? 0.97 : 0.41,
  reliable,
  alternatives: [],
});

function detector(answer: (request: DetectRequest) => Promise<Detection>) {
  const detect = vi.fn(answer);
  return { api: { detect }, detect };
}

const english = '<p>Thank you for your patience.<br>We have reset your password.</p>';
const spanish = '<p>Gracias por su paciencia.<br>Hemos restablecido su contraseña.</p>';

describe('checkReplyLanguage', () => {
  it('stops a reply in the agent’s language to a customer who reads another, saying what to do', async () => {
    const { api, detect } = detector(async () => detection('en'));
    const decision = await checkReplyLanguage(
      { html: english },
      {
        api,
        customerLanguage: 'es',
        agentLocale: 'en-US',
        t: createTranslate('en-US', UI_MESSAGES),
      },
    );
    expect(decision).toEqual({
      send: false,
      message:
        'This reply is in English, but the customer reads Spanish. Translate it with Parley in the sidebar first, then send it.',
    });
    expect(detect).toHaveBeenCalledWith({
      text: 'Thank you for your patience.\nWe have reset your password.',
    });
  });

  it('says it in the agent’s own language', async () => {
    const { api } = detector(async () => detection('fr'));
    const decision = await checkReplyLanguage(
      { html: '<p>Merci de votre patience.</p>' },
      { api, customerLanguage: 'es', agentLocale: 'fr', t: createTranslate('fr', UI_MESSAGES) },
    );
    expect(decision).toEqual({
      send: false,
      message:
        "Cette réponse est en français, alors que le client attend une réponse en espagnol. Traduisez-la d'abord avec Parley dans la barre latérale, puis envoyez-la.",
    });
  });

  it('lets a reply in the customer’s language go', async () => {
    const { api } = detector(async () => detection('es'));
    const decision = await checkReplyLanguage(
      { html: spanish },
      { api, customerLanguage: 'es', agentLocale: 'en', t: createTranslate('en', UI_MESSAGES) },
    );
    expect(decision).toEqual({ send: true });
  });

  it('lets a reply go when the detection is not reliable', async () => {
    const { api } = detector(async () => detection('en', false));
    const decision = await checkReplyLanguage(
      { html: '<p>OK</p>' },
      { api, customerLanguage: 'es', agentLocale: 'en', t: createTranslate('en', UI_MESSAGES) },
    );
    expect(decision).toEqual({ send: true });
  });

  it('does not ask the proxy when the customer reads the agent’s language or is not known', async () => {
    const { api, detect } = detector(async () => detection('en'));
    const options = { api, agentLocale: 'en-GB', t: createTranslate('en', UI_MESSAGES) };
    expect(
      await checkReplyLanguage({ html: english }, { ...options, customerLanguage: 'en-US' }),
    ).toEqual({ send: true });
    expect(
      await checkReplyLanguage({ html: english }, { ...options, customerLanguage: undefined }),
    ).toEqual({ send: true });
    expect(detect).not.toHaveBeenCalled();
  });

  it('lets the reply go when the proxy cannot be reached', async () => {
    const { api } = detector(() =>
      Promise.reject(new ProxyError('proxy_unreachable', 'no answer', 502)),
    );
    const decision = await checkReplyLanguage(
      { html: english },
      { api, customerLanguage: 'es', agentLocale: 'en', t: createTranslate('en', UI_MESSAGES) },
    );
    expect(decision).toEqual({ send: true });
  });

  it('lets the reply go when the proxy does not answer in time', async () => {
    vi.useFakeTimers();
    try {
      const { api } = detector(() => new Promise<Detection>(() => undefined));
      const pending = checkReplyLanguage(
        { html: english },
        {
          api,
          customerLanguage: 'es',
          agentLocale: 'en',
          t: createTranslate('en', UI_MESSAGES),
          budgetMs: 4_000,
        },
      );
      await vi.advanceTimersByTimeAsync(4_000);
      expect(await pending).toEqual({ send: true });
    } finally {
      vi.useRealTimers();
    }
  });

  it('detects only what the agent wrote, not the customer’s message quoted below it', async () => {
    const { api, detect } = detector(async () => detection('es'));
    await checkReplyLanguage(
      { html: `${spanish}<blockquote><p>Hola, no puedo acceder a mi cuenta.</p></blockquote>` },
      { api, customerLanguage: 'es', agentLocale: 'en', t: createTranslate('en', UI_MESSAGES) },
    );
    expect(detect).toHaveBeenCalledWith({
      text: 'Gracias por su paciencia.\nHemos restablecido su contraseña.',
    });
  });
});
