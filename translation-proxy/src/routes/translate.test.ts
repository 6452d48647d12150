// POST /v1/translate with the embedded Apertium engine: text, helpdesk HTML, batches, memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proxy } from '../compose.js';
import { authorized, startTestProxy } from '../../../tests/support/proxy.js';

let proxy: Proxy;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(() => proxy.close());

const translate = (payload: object) =>
  proxy.app.inject({ method: 'POST', url: '/v1/translate', headers: authorized, payload });

describe('POST /v1/translate', () => {
  it('translates English text into Spanish with the embedded engine', async () => {
    const response = await translate({
      text: 'Thank you for your patience.',
      source: 'en',
      target: 'es',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ source: 'en', target: 'es', engine: 'apertium', cached: false });
    expect(body.translation).toMatch(/gracias/i);
  });

  it('translates Spanish text into English', async () => {
    const body = (
      await translate({ text: 'Mi pedido no ha llegado todavía.', source: 'es', target: 'en' })
    ).json();
    expect(body.translation).toMatch(/has not arrived/i);
  });

  it('says where the words the engine did not know are in the translated text', async () => {
    const body = (
      await translate({
        text: 'Hola Zorblax, mi &pedido zumbifláutico llegó.',
        source: 'es',
        target: 'en',
      })
    ).json();
    const words = body.unknown.map(({ start, end }: { start: number; end: number }) =>
      body.translation.slice(start, end),
    );
    expect(words).toEqual(['Zorblax', 'zumbifláutico']);
  });

  it('gives the offsets of unknown words in the returned HTML, markup and entities counted', async () => {
    const body = (
      await translate({
        html: '<p>El <b>envío</b> &amp; el zumbifláutico</p>',
        source: 'es',
        target: 'en',
      })
    ).json();
    const [word] = body.unknown;
    expect(body.html.slice(word.start, word.end)).toBe('zumbifláutico');
  });

  it('gives each segment of a batch its own unknown words, and none where there are none', async () => {
    const body = (
      await translate({
        segments: [
          { id: 'a', text: 'El gato es negro.' },
          { id: 'b', text: 'El zumbifláutico es negro.' },
        ],
        source: 'es',
        target: 'en',
      })
    ).json();
    expect(body.segments[0].unknown).toBeUndefined();
    const [word] = body.segments[1].unknown;
    expect(body.segments[1].text.slice(word.start, word.end)).toBe('zumbifláutico');
  });

  it('marks the words that neither leg of a bridge knew', async () => {
    const body = (
      await translate({ text: 'Le zumbifláutico est noir.', source: 'fr', target: 'en' })
    ).json();
    expect(body.via).toBe('es');
    const words = body.unknown.map(({ start, end }: { start: number; end: number }) =>
      body.translation.slice(start, end),
    );
    expect(words).toEqual(['zumbifláutico']);
  });

  it('does not let mark characters in the text forge unknown words', async () => {
    const body = (
      await translate({ text: 'El \uFDD0gato\uFDD1 es negro.', source: 'es', target: 'en' })
    ).json();
    expect(body.translation).toBe('The cat is black.');
    expect(body.unknown).toBeUndefined();
  });

  it('keeps helpdesk placeholders, Liquid, URLs and order codes intact in HTML', async () => {
    const html =
      '<p>Hi {{ticket.requester.first_name}},</p><p>Your order <strong>ORD-77812-B</strong> has shipped. Track it at https://Shop.example.com/Track/ORD-77812-B today.</p><p>{% if ticket.priority == "urgent" %}We are on it.{% endif %}</p>';
    const body = (await translate({ html, source: 'en', target: 'es' })).json();
    expect(body.html).toContain('{{ticket.requester.first_name}}');
    expect(body.html).toContain('<strong>ORD-77812-B</strong>');
    expect(body.html).toContain('https://Shop.example.com/Track/ORD-77812-B');
    expect(body.html).toContain('{% if ticket.priority == "urgent" %}');
    expect(body.html).toContain('{% endif %}');
    expect(body.qa.filter((issue: { severity: string }) => issue.severity === 'error')).toEqual([]);
  });

  it('returns sanitized HTML without scripts or event handlers', async () => {
    const html =
      '<p onclick="steal()">Hello <a href="javascript:alert(1)">friend</a></p><script>alert(1)</script>';
    const body = (await translate({ html, source: 'en', target: 'es' })).json();
    expect(body.html).not.toMatch(/onclick|javascript:|<script/i);
  });

  it('translates a batch of segments in one call, keeping ids and formats', async () => {
    const body = (
      await translate({
        source: 'es',
        target: 'en',
        segments: [
          { id: 'c1', html: '<p>Hola, <b>necesito ayuda</b> con mi cuenta.</p>' },
          { id: 'c2', text: 'Gracias por su ayuda.' },
        ],
      })
    ).json();
    expect(body.segments.map((segment: { id: string }) => segment.id)).toEqual(['c1', 'c2']);
    expect(body.segments[0].html).toMatch(/^<p>.*<b>.*<\/b>.*<\/p>$/);
    expect(body.segments[1].text).toMatch(/thank/i);
  });

  it('serves a repeated request from the translation memory', async () => {
    const payload = { text: 'We have refunded your payment.', source: 'en', target: 'es' };
    const first = (await translate(payload)).json();
    await proxy.translation.drain();
    const second = (await translate(payload)).json();
    expect(second).toMatchObject({
      cached: true,
      engine: 'memory',
      translation: first.translation,
    });
  });

  it('reuses memory for the same sentence with a different order code', async () => {
    await translate({ text: 'Order ORD-10001-A has been cancelled.', source: 'en', target: 'es' });
    await proxy.translation.drain();
    const body = (
      await translate({ text: 'Order ORD-20002-B has been cancelled.', source: 'en', target: 'es' })
    ).json();
    expect(body.cached).toBe(true);
    expect(body.translation).toContain('ORD-20002-B');
    expect(body.translation).not.toContain('ORD-10001-A');
  });

  it('detects the source language when asked to', async () => {
    const body = (
      await translate({
        text: 'Buenos días, no puedo entrar en mi cuenta desde ayer.',
        source: 'auto',
        target: 'en',
      })
    ).json();
    expect(body.source).toBe('es');
    expect(body.detection).toMatchObject({ language: 'es', reliable: true });
  });

  it('returns text already in the target language unchanged', async () => {
    const body = (
      await translate({ text: 'Gracias por todo.', source: 'es', target: 'es' })
    ).json();
    expect(body).toMatchObject({ translation: 'Gracias por todo.', engine: 'none' });
  });

  it('applies a request glossary term as a forced translation', async () => {
    const body = (
      await translate({
        text: 'Please check your inbox.',
        source: 'en',
        target: 'es',
        glossary: [{ source: 'inbox', target: 'bandeja de entrada' }],
      })
    ).json();
    expect(body.translation).toContain('bandeja de entrada');
  });
});

describe('POST /v1/translate limits', () => {
  const refused = async (payload: object) => {
    const response = await translate(payload);
    return { status: response.statusCode, error: response.json().error };
  };

  it('refuses more than 500 segments, naming the field', async () => {
    const segments = Array.from({ length: 501 }, (_, index) => ({
      id: `c${index}`,
      text: `Pedido ${index}.`,
    }));
    const { status, error } = await refused({ segments, source: 'es', target: 'en' });
    expect(status).toBe(400);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain('segments');
  });

  it('refuses a request glossary of more than 100 terms', async () => {
    const glossary = Array.from({ length: 101 }, (_, index) => ({ source: `término${index}` }));
    const { status, error } = await refused({
      text: 'Hola.',
      source: 'es',
      target: 'en',
      glossary,
    });
    expect(status).toBe(400);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain('glossary');
  });

  it('refuses a request glossary term longer than 100 characters', async () => {
    const glossary = [{ source: 'Servicio de atención al cliente '.repeat(4) }];
    const { status, error } = await refused({
      text: 'Hola.',
      source: 'es',
      target: 'en',
      glossary,
    });
    expect(status).toBe(400);
    expect(error.code).toBe('invalid_request');
  });

  it('translates 500 segments with 100 request terms of 100 characters', async () => {
    const glossary = Array.from({ length: 100 }, (_, index) => ({
      source: `${'número de pedido '.repeat(5)}${index}`.slice(-100),
    }));
    const segments = Array.from({ length: 500 }, (_, index) => ({
      id: `s${index}`,
      text: `Su pedido ${index} está en camino.`,
    }));
    const response = await translate({ segments, source: 'es', target: 'en', glossary });
    expect(response.statusCode).toBe(200);
    expect(response.json().segments).toHaveLength(500);
  });
});
