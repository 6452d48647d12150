/**
 * DeepL API v2 stand-in, following DeepL's documented shapes: `Authorization: DeepL-Auth-Key`,
 * free keys (`:fx`) only on api-free.deepl.com, `GET /v2/languages?type=source|target`
 * (`[{language, name, supports_formality}]`), `POST /v2/translate` with a JSON body
 * (`text[]` ≤ 50, `target_lang`, `source_lang`, `tag_handling`, `formality`, `glossary_id`) answering
 * `{translations:[{detected_source_language, text, billed_characters}]}`, and errors as
 * `{message}` with 400, 403 (auth), 413 (request too large), 429, 456 (quota exceeded), 5xx.
 */
import { http, HttpResponse, delay } from 'msw';
import { pseudoTranslate } from './pseudo-translate.js';

export const DEEPL_FREE = 'https://api-free.deepl.com';
export const DEEPL_PRO = 'https://api.deepl.com';

const SOURCES = ['DE', 'EN', 'ES', 'FR', 'IT', 'JA', 'PT', 'ZH'];
const TARGETS: [string, boolean][] = [
  ['DE', true],
  ['EN-GB', false],
  ['EN-US', false],
  ['ES', true],
  ['FR', true],
  ['IT', true],
  ['JA', true],
  ['PT-BR', true],
  ['PT-PT', true],
  ['ZH-HANS', false],
  ['ZH-HANT', false],
];

export interface DeeplTranslateBody {
  text: string[];
  target_lang: string;
  source_lang?: string;
  tag_handling?: string;
  formality?: string;
  glossary_id?: string;
  show_billed_characters?: boolean;
}

export function deeplApi(authKey: string) {
  const requests: DeeplTranslateBody[] = [];
  const host = authKey.endsWith(':fx') ? DEEPL_FREE : DEEPL_PRO;
  const authorised = (request: Request) =>
    request.headers.get('authorization') === `DeepL-Auth-Key ${authKey}`;
  const forbidden = () =>
    HttpResponse.json({ message: 'Authorization failure, check auth_key' }, { status: 403 });

  const handlers = [
    http.get(`${host}/v2/languages`, ({ request }) => {
      if (!authorised(request)) return forbidden();
      const type = new URL(request.url).searchParams.get('type') ?? 'source';
      if (type === 'target')
        return HttpResponse.json(
          TARGETS.map(([language, formality]) => ({
            language,
            name: language,
            supports_formality: formality,
          })),
        );
      return HttpResponse.json(SOURCES.map((language) => ({ language, name: language })));
    }),
    http.post(`${host}/v2/translate`, async ({ request }) => {
      if (!authorised(request)) return forbidden();
      const body = (await request.json()) as DeeplTranslateBody;
      requests.push(body);
      if (!Array.isArray(body.text) || body.text.length === 0)
        return HttpResponse.json({ message: "Parameter 'text' not specified." }, { status: 400 });
      if (body.text.length > 50)
        return HttpResponse.json(
          { message: 'Too many texts, at most 50 per request.' },
          { status: 413 },
        );
      if (Buffer.byteLength(JSON.stringify(body)) > 128 * 1024)
        return HttpResponse.json({ message: 'Request Entity Too Large' }, { status: 413 });
      if (!TARGETS.some(([language]) => language === body.target_lang))
        return HttpResponse.json(
          { message: "Value for 'target_lang' not supported." },
          { status: 400 },
        );
      if (body.source_lang && !SOURCES.includes(body.source_lang))
        return HttpResponse.json(
          { message: "Value for 'source_lang' not supported." },
          { status: 400 },
        );
      if (body.glossary_id && !body.source_lang)
        return HttpResponse.json(
          { message: "Use of a glossary requires the 'source_lang' parameter." },
          { status: 400 },
        );
      const keepTags = body.tag_handling === 'xml' || body.tag_handling === 'html';
      return HttpResponse.json({
        translations: body.text.map((text) => ({
          detected_source_language: body.source_lang ?? 'EN',
          text: pseudoTranslate(text, body.target_lang, keepTags),
          ...(body.show_billed_characters ? { billed_characters: text.length } : {}),
        })),
      });
    }),
  ];

  /** Error answers as DeepL documents them, for `server.use(...)` in one test. */
  const failures = {
    quotaExceeded: () =>
      http.post(`${host}/v2/translate`, () =>
        HttpResponse.json({ message: 'Quota Exceeded' }, { status: 456 }),
      ),
    /** 429 with an optional `Retry-After`; `once` lets the next call through to the normal handler. */
    tooManyRequests: (retryAfter?: string, once = false) =>
      http.post(
        `${host}/v2/translate`,
        () =>
          HttpResponse.json(
            { message: 'Too many requests' },
            { status: 429, headers: retryAfter ? { 'Retry-After': retryAfter } : {} },
          ),
        { once },
      ),
    serverError: () =>
      http.post(`${host}/v2/translate`, () =>
        HttpResponse.json({ message: 'Internal error' }, { status: 500 }),
      ),
    slow: (ms: number) =>
      http.post(`${host}/v2/translate`, async () => {
        await delay(ms);
        return HttpResponse.json({ translations: [] });
      }),
  };

  return { host, handlers, requests, failures };
}
