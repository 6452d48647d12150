// Bad input of every kind gets one JSON error shape with a stable code, and the server keeps serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proxy } from '../compose.js';
import { authorized, startTestProxy } from '../../../tests/support/proxy.js';

let proxy: Proxy;
beforeAll(async () => {
  proxy = await startTestProxy({ PARLEY_MAX_CHARACTERS: '200' });
});
afterAll(() => proxy.close());

const post = (url: string, payload: string | object, headers: Record<string, string> = {}) =>
  proxy.app.inject({
    method: 'POST',
    url,
    headers: { ...authorized, 'content-type': 'application/json', ...headers },
    payload,
  });

describe('error responses', () => {
  it('answers bad_json to a body that is not JSON', async () => {
    const response = await post('/v1/translate', '{"text": "Hola", "target": ');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('bad_json');
  });

  it('answers invalid_request to a body that breaks the schema, naming the field', async () => {
    const response = await post('/v1/translate', { text: 'Hola', target: 7 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'invalid_request' });
    expect(response.json().error.message).toContain('target');
  });

  it('answers invalid_request to an unknown property', async () => {
    const response = await post('/v1/translate', { text: 'Hola', target: 'en', sourcee: 'es' });
    expect(response.json().error.code).toBe('invalid_request');
  });

  it('answers invalid_request when both text and html are sent', async () => {
    const response = await post('/v1/translate', {
      text: 'Hola',
      html: '<p>Hola</p>',
      target: 'en',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_request');
  });

  it('answers text_too_long above the configured character limit', async () => {
    const response = await post('/v1/translate', {
      text: 'Hello there. '.repeat(20),
      source: 'en',
      target: 'es',
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('text_too_long');
    expect(response.json().error.message).toContain('200');
  });

  it('counts every segment of a batch against the limit', async () => {
    const segments = Array.from({ length: 5 }, (_, i) => ({
      id: `c${i}`,
      text: 'Thank you for waiting. '.repeat(2),
    }));
    const response = await post('/v1/translate', { segments, source: 'en', target: 'es' });
    expect(response.json().error.code).toBe('text_too_long');
  });

  it('answers unknown_language to a code that is no language', async () => {
    const response = await post('/v1/translate', {
      text: 'Hello',
      source: 'en',
      target: 'xx-Klingon',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('unknown_language');
  });

  it('answers unsupported_language_pair for a pair no engine serves', async () => {
    const response = await post('/v1/translate', { text: 'Guten Tag', source: 'de', target: 'ja' });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('unsupported_language_pair');
  });

  it('answers payload_too_large to a body over the byte limit', async () => {
    const response = await post('/v1/translate', { text: 'a'.repeat(1_100_000), target: 'es' });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
  });

  it('answers unsupported_media_type to a form post', async () => {
    const response = await post('/v1/translate', 'text=Hola&target=en', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('unsupported_media_type');
  });

  it('answers not_found in the same shape for an unknown route', async () => {
    const response = await proxy.app.inject({ method: 'GET', url: '/v2/nothing?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'not_found', message: 'No route for GET /v2/nothing' },
    });
  });

  it('keeps serving after a run of bad requests', async () => {
    await post('/v1/translate', '{{{');
    await post('/v1/translate', { target: 'es' });
    const response = await post('/v1/translate', {
      text: 'Thank you.',
      source: 'en',
      target: 'es',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().translation).toMatch(/gracias/i);
  });
});
