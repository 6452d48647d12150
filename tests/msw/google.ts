/**
 * Google Cloud Translation v2 (Basic) stand-in, following the documented REST shapes: the API key
 * as `key` query parameter or `X-Goog-Api-Key` header; `GET /language/translate/v2/languages`
 * answering `{data:{languages:[{language}]}}` with Google's own codes (`zh-CN`, `iw`, `jw`);
 * `POST /language/translate/v2` with `{q[], source, target, format}` answering
 * `{data:{translations:[{translatedText}]}}`, HTML-escaping apostrophes and quotes in `html`
 * format as Google does; errors as `{error:{code, message, status, errors:[{reason}]}}`.
 */
import { http, HttpResponse, delay } from 'msw';
import { pseudoTranslate } from './pseudo-translate.js';

export const GOOGLE = 'https://translation.googleapis.com';
const LANGUAGES = ['de', 'en', 'es', 'fr', 'iw', 'jw', 'pt', 'zh-CN', 'zh-TW'];

export interface GoogleTranslateBody {
  q: string[] | string;
  source?: string;
  target: string;
  format?: 'html' | 'text';
}

export function googleError(code: number, status: string, message: string, reason: string) {
  return HttpResponse.json(
    { error: { code, message, status, errors: [{ message, domain: 'global', reason }] } },
    { status: code },
  );
}

export function googleApi(apiKey: string) {
  const requests: GoogleTranslateBody[] = [];
  const keyOf = (request: Request) =>
    request.headers.get('x-goog-api-key') ?? new URL(request.url).searchParams.get('key');
  const invalidKey = () =>
    googleError(
      400,
      'INVALID_ARGUMENT',
      'API key not valid. Please pass a valid API key.',
      'badRequest',
    );

  const handlers = [
    http.get(`${GOOGLE}/language/translate/v2/languages`, ({ request }) => {
      if (keyOf(request) !== apiKey) return invalidKey();
      return HttpResponse.json({
        data: { languages: LANGUAGES.map((language) => ({ language })) },
      });
    }),
    http.post(`${GOOGLE}/language/translate/v2`, async ({ request }) => {
      if (keyOf(request) !== apiKey) return invalidKey();
      const body = (await request.json()) as GoogleTranslateBody;
      requests.push(body);
      const texts = Array.isArray(body.q) ? body.q : [body.q];
      if (texts.length > 128)
        return googleError(400, 'INVALID_ARGUMENT', 'Too many text segments', 'invalid');
      if (!LANGUAGES.includes(body.target) || (body.source && !LANGUAGES.includes(body.source)))
        return googleError(400, 'INVALID_ARGUMENT', 'Bad language pair: {0}', 'invalid');
      const html = (body.format ?? 'html') === 'html';
      return HttpResponse.json({
        data: {
          translations: texts.map((text) => ({
            translatedText: html
              ? pseudoTranslate(text, body.target, true)
                  .replace(/'/g, '&#39;')
                  .replace(/"(?![^<]*>)/g, '&quot;')
              : pseudoTranslate(text, body.target, false),
          })),
        },
      });
    }),
  ];

  const translateUrl = `${GOOGLE}/language/translate/v2`;
  const failures = {
    dailyLimit: () =>
      http.post(translateUrl, () =>
        googleError(403, 'PERMISSION_DENIED', 'Daily Limit Exceeded', 'dailyLimitExceeded'),
      ),
    rateLimited: () =>
      http.post(translateUrl, () =>
        googleError(
          429,
          'RESOURCE_EXHAUSTED',
          "Quota exceeded for quota metric 'Number of requests' and limit 'per minute'",
          'rateLimitExceeded',
        ),
      ),
    tooLong: () =>
      http.post(translateUrl, () =>
        googleError(400, 'INVALID_ARGUMENT', 'Text too long', 'invalid'),
      ),
    serverError: () =>
      http.post(translateUrl, () =>
        googleError(503, 'UNAVAILABLE', 'The service is currently unavailable.', 'backendError'),
      ),
    slow: (ms: number) =>
      http.post(translateUrl, async () => {
        await delay(ms);
        return HttpResponse.json({ data: { translations: [] } });
      }),
  };
  return { handlers, requests, failures };
}
