/**
 * LibreTranslate stand-in, following its documented HTTP API: `GET /languages` answering
 * `[{code, name, targets[]}]`; `POST /translate` with `{q, source, target, format, api_key}`
 * where `q` may be an array (then `translatedText` is an array too); errors always `{error}`:
 * 400 (bad request, unsupported language, over the server's `--char-limit`), 403 (API key),
 * 429 (too many requests), 500 (cannot translate). The server's limits are its options.
 */
import { http, HttpResponse, delay } from 'msw';
import { pseudoTranslate } from './pseudo-translate.js';

export const LIBRE = 'http://127.0.0.1:18250';

const LANGUAGES = [
  { code: 'en', name: 'English', targets: ['es', 'de', 'pb', 'zt'] },
  { code: 'es', name: 'Spanish', targets: ['en'] },
  { code: 'de', name: 'German', targets: ['en'] },
];

export interface LibreBody {
  q: string | string[];
  source: string;
  target: string;
  format?: 'text' | 'html';
  api_key?: string;
}

export function libreTranslateApi(
  options: { apiKey?: string; charLimit?: number; batchLimit?: number } = {},
) {
  const requests: LibreBody[] = [];
  const handlers = [
    http.get(`${LIBRE}/languages`, () => HttpResponse.json(LANGUAGES)),
    http.get(`${LIBRE}/frontend/settings`, () =>
      HttpResponse.json({
        apiKeys: Boolean(options.apiKey),
        keyRequired: Boolean(options.apiKey),
        charLimit: options.charLimit ?? -1,
        frontendTimeout: 500,
        suggestions: false,
        supportedFilesFormat: ['.txt', '.html'],
      }),
    ),
    http.post(`${LIBRE}/translate`, async ({ request }) => {
      const body = (await request.json()) as LibreBody;
      requests.push(body);
      if (options.apiKey && body.api_key !== options.apiKey)
        return HttpResponse.json(
          {
            error: body.api_key
              ? 'Invalid API key'
              : 'Please contact the server operator to get an API key',
          },
          { status: 403 },
        );
      const texts = Array.isArray(body.q) ? body.q : [body.q];
      if (options.batchLimit && texts.length > options.batchLimit)
        return HttpResponse.json(
          {
            error: `Invalid request: request (${texts.length}) exceeds text limit (${options.batchLimit})`,
          },
          { status: 400 },
        );
      const chars = texts.join('').length;
      if (options.charLimit && chars > options.charLimit)
        return HttpResponse.json(
          {
            error: `Invalid request: request (${chars}) exceeds text limit (${options.charLimit})`,
          },
          { status: 400 },
        );
      const source = LANGUAGES.find((language) => language.code === body.source);
      if (!source)
        return HttpResponse.json({ error: `${body.source} is not supported` }, { status: 400 });
      if (!source.targets.includes(body.target))
        return HttpResponse.json({ error: `${body.target} is not supported` }, { status: 400 });
      const translated = texts.map((text) =>
        pseudoTranslate(text, body.target, body.format === 'html'),
      );
      return HttpResponse.json({
        translatedText: Array.isArray(body.q) ? translated : translated[0],
      });
    }),
  ];
  const failures = {
    slowDown: () =>
      http.post(`${LIBRE}/translate`, () =>
        HttpResponse.json({ error: 'Slowdown: 30 per 1 minute' }, { status: 429 }),
      ),
    serverError: () =>
      http.post(`${LIBRE}/translate`, () =>
        HttpResponse.json({ error: 'Cannot translate text: model crashed' }, { status: 500 }),
      ),
    slow: (ms: number) =>
      http.post(`${LIBRE}/translate`, async () => {
        await delay(ms);
        return HttpResponse.json({ translatedText: [] });
      }),
  };
  return { handlers, requests, failures };
}
