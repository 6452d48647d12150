/**
 * Azure AI Translator v3 stand-in, following the documented shapes: `GET /languages?api-version=3.0
 * &scope=translation` (no key needed) answering `{translation:{code:{name,nativeName,dir}}}` with
 * Azure's codes (`zh-Hans`, `pt-pt`, `fr-ca`); `POST /translate?api-version=3.0&from&to&textType`
 * with `Ocp-Apim-Subscription-Key` (+ `Ocp-Apim-Subscription-Region`) and a body `[{Text}]`
 * (≤ 1 000 elements, ≤ 50 000 characters) answering `[{translations:[{text,to}]}]`; errors as
 * `{error:{code,message}}` with six-digit codes (400036, 400050, 400077, 401000, 403001, 429001,
 * 500000, 503000) and `Retry-After` on 429.
 */
import { http, HttpResponse, delay } from 'msw';
import { pseudoTranslate } from './pseudo-translate.js';

export const AZURE = 'https://api.cognitive.microsofttranslator.com';
const LANGUAGES = ['de', 'en', 'es', 'fr', 'fr-ca', 'pt', 'pt-pt', 'zh-Hans', 'zh-Hant'];

export function azureError(
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
) {
  return HttpResponse.json({ error: { code, message } }, { status, headers });
}

export interface AzureCall {
  from: string | null;
  to: string | null;
  textType: string | null;
  region: string | null;
  texts: string[];
}

export function azureApi(key: string, region: string) {
  const requests: AzureCall[] = [];
  const handlers = [
    http.get(`${AZURE}/languages`, () =>
      HttpResponse.json({
        translation: Object.fromEntries(
          LANGUAGES.map((code) => [code, { name: code, nativeName: code, dir: 'ltr' }]),
        ),
      }),
    ),
    http.post(`${AZURE}/translate`, async ({ request }) => {
      const url = new URL(request.url);
      if (url.searchParams.get('api-version') !== '3.0')
        return azureError(400, 400021, 'The API version parameter is missing or invalid.');
      // A regional resource's key is only valid together with its region.
      if (
        request.headers.get('ocp-apim-subscription-key') !== key ||
        request.headers.get('ocp-apim-subscription-region') !== region
      )
        return azureError(
          401,
          401000,
          'The request is not authorized because credentials are missing or invalid.',
        );
      const body = (await request.json()) as { Text: string }[];
      const call: AzureCall = {
        from: url.searchParams.get('from'),
        to: url.searchParams.get('to'),
        textType: url.searchParams.get('textType'),
        region: request.headers.get('ocp-apim-subscription-region'),
        texts: body.map((item) => item.Text),
      };
      requests.push(call);
      if (!call.to || !LANGUAGES.includes(call.to))
        return azureError(400, 400036, 'The target language is not valid.');
      if (call.from && !LANGUAGES.includes(call.from))
        return azureError(400, 400035, 'The source language is not valid.');
      if (body.length > 1000)
        return azureError(400, 400072, 'The array of input text has too many elements.');
      if (call.texts.join('').length > 50_000)
        return azureError(400, 400077, 'The maximum request size has been exceeded.');
      const html = call.textType === 'html';
      return HttpResponse.json(
        call.texts.map((text) => ({
          translations: [{ text: pseudoTranslate(text, call.to!, html), to: call.to }],
        })),
      );
    }),
  ];

  const translateUrl = `${AZURE}/translate`;
  const failures = {
    freeQuota: () =>
      http.post(translateUrl, () =>
        azureError(
          403,
          403001,
          'The operation is not allowed because the subscription has exceeded its free quota.',
        ),
      ),
    rateLimited: (retryAfter: string) =>
      http.post(translateUrl, () =>
        azureError(
          429,
          429001,
          'The server rejected the request because the client has exceeded request limits.',
          {
            'Retry-After': retryAfter,
          },
        ),
      ),
    serverError: () =>
      http.post(translateUrl, () =>
        azureError(503, 503000, 'Service is temporarily unavailable. Please retry.'),
      ),
    slow: (ms: number) =>
      http.post(translateUrl, async () => {
        await delay(ms);
        return HttpResponse.json([]);
      }),
  };
  return { handlers, requests, failures };
}
