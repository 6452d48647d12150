/**
 * Amazon Translate stand-in, following the AWS JSON 1.1 protocol the SDK speaks: `POST /` on
 * `translate.<region>.amazonaws.com` with `X-Amz-Target: AWSShineFrontendService_20170701.<Action>`,
 * a SigV4 `Authorization` header naming the access key id, and a JSON body. `TranslateText`
 * takes `{Text, SourceLanguageCode, TargetLanguageCode, Settings?, TerminologyNames?}` (Text ≤ 10 000
 * UTF-8 bytes; HTML elements are left as they are) and answers `{TranslatedText, ...}`;
 * `ListLanguages` answers `{Languages:[{LanguageName, LanguageCode}], NextToken?}`. Errors are 4xx/5xx
 * with `{__type, message}` and `x-amzn-ErrorType`.
 */
import { http, HttpResponse, delay } from 'msw';
import { pseudoTranslate } from './pseudo-translate.js';

export const AMAZON_REGION = 'eu-west-1';
export const AMAZON = `https://translate.${AMAZON_REGION}.amazonaws.com`;
const TARGET_PREFIX = 'AWSShineFrontendService_20170701.';
const LANGUAGE_PAGES = [
  ['auto', 'de', 'en', 'es'],
  ['es-MX', 'fr', 'fr-CA', 'ja', 'pt', 'pt-PT', 'zh', 'zh-TW'],
];

export interface AmazonTranslateBody {
  Text: string;
  SourceLanguageCode: string;
  TargetLanguageCode: string;
  Settings?: { Formality?: string; Profanity?: string };
  TerminologyNames?: string[];
}

export function awsError(status: number, type: string, message: string) {
  return HttpResponse.json(
    { __type: type, message },
    { status, headers: { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-ErrorType': type } },
  );
}

export function amazonApi(accessKeyId: string) {
  const requests: AmazonTranslateBody[] = [];
  const handlers = [
    http.post(`${AMAZON}/`, async ({ request }) => {
      const action = request.headers.get('x-amz-target')?.replace(TARGET_PREFIX, '');
      const authorization = request.headers.get('authorization') ?? '';
      if (!authorization.startsWith(`AWS4-HMAC-SHA256 Credential=${accessKeyId}/`))
        return awsError(
          400,
          'UnrecognizedClientException',
          'The security token included in the request is invalid.',
        );
      const body = (await request.json()) as Record<string, unknown>;
      if (action === 'ListLanguages') {
        const page = body.NextToken === 'page-2' ? 1 : 0;
        return HttpResponse.json({
          Languages: LANGUAGE_PAGES[page]!.map((code) => ({
            LanguageCode: code,
            LanguageName: code,
          })),
          ...(page === 0 ? { NextToken: 'page-2' } : {}),
        });
      }
      if (action !== 'TranslateText')
        return awsError(400, 'UnknownOperationException', 'Unknown operation');
      const translate = body as unknown as AmazonTranslateBody;
      requests.push(translate);
      const known = LANGUAGE_PAGES.flat();
      if (
        !known.includes(translate.SourceLanguageCode) ||
        !known.includes(translate.TargetLanguageCode)
      )
        return awsError(
          400,
          'UnsupportedLanguagePairException',
          'Unsupported language pair: ' +
            translate.SourceLanguageCode +
            ' to ' +
            translate.TargetLanguageCode,
        );
      if (Buffer.byteLength(translate.Text) > 10_000)
        return awsError(
          400,
          'TextSizeLimitExceededException',
          'Input text size exceeds limit. Max length of request text allowed is 10000 bytes.',
        );
      return HttpResponse.json(
        {
          TranslatedText: pseudoTranslate(translate.Text, translate.TargetLanguageCode, true),
          SourceLanguageCode: translate.SourceLanguageCode,
          TargetLanguageCode: translate.TargetLanguageCode,
          ...(translate.Settings ? { AppliedSettings: translate.Settings } : {}),
        },
        { headers: { 'Content-Type': 'application/x-amz-json-1.1' } },
      );
    }),
  ];
  const onTranslate = (answer: () => Response | Promise<Response>) =>
    http.post(`${AMAZON}/`, async ({ request }) => {
      if (request.headers.get('x-amz-target') !== `${TARGET_PREFIX}TranslateText`) return undefined;
      return answer();
    });
  const failures = {
    throttled: () => onTranslate(() => awsError(400, 'ThrottlingException', 'Rate exceeded')),
    unavailable: () =>
      onTranslate(() => awsError(503, 'ServiceUnavailableException', 'The service is unavailable')),
    slow: (ms: number) =>
      onTranslate(async () => {
        await delay(ms);
        return HttpResponse.json({ TranslatedText: '' });
      }),
  };
  return { handlers, requests, failures };
}
