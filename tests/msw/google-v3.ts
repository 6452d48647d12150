/**
 * Google Cloud Translation Advanced (v3 REST) stand-in and Google's OAuth2 token endpoint,
 * following the documented shapes:
 *
 * - `POST https://oauth2.googleapis.com/token`, form-encoded `grant_type=urn:ietf:params:oauth:
 *   grant-type:jwt-bearer&assertion=<JWT>`, the JWT signed RS256 by the service account's key with
 *   claims `iss` (the account's email), `scope`, `aud` (the token URL), `iat` and `exp` (at most an
 *   hour later). The signature is checked against the account's public key. Answers
 *   `{access_token, expires_in, token_type: "Bearer"}`, or 400 `{error: "invalid_grant",
 *   error_description}`.
 * - `GET /v3/projects/{project}/locations/{location}/supportedLanguages` answering
 *   `{languages: [{languageCode, supportSource, supportTarget}]}`.
 * - `POST /v3/projects/{project}/locations/{location}:translateText` with `{contents[],
 *   mimeType, sourceLanguageCode, targetLanguageCode, glossaryConfig?: {glossary, ignoreCase}}`
 *   (≤ 1024 strings) answering `{translations: [{translatedText}]}` and, with a glossary,
 *   `glossaryTranslations` beside it. Glossaries must be in the request's (regional) location.
 * - Errors as `google.rpc.Status`: `{error: {code, message, status, details: [{"@type":
 *   "type.googleapis.com/google.rpc.ErrorInfo", reason, domain, metadata}]}}`; 401
 *   UNAUTHENTICATED without a valid token, 403 PERMISSION_DENIED for another project.
 */
import { createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import { http, HttpResponse, delay } from 'msw';
import { GOOGLE } from './google.js';
import { pseudoTranslate } from './pseudo-translate.js';

export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const TRANSLATION_SCOPES = [
  'https://www.googleapis.com/auth/cloud-translation',
  'https://www.googleapis.com/auth/cloud-platform',
];
const LANGUAGES = ['de', 'en', 'es', 'fr', 'he', 'ja', 'pt', 'zh-CN', 'zh-TW'];
const V3 = /^\/v3\/projects\/([^/]+)\/locations\/([^/:]+)(\/supportedLanguages|:translateText)$/;
const ORIGIN = GOOGLE.replace(/\./g, '\\.');
const LANGUAGES_URL = new RegExp(
  `^${ORIGIN}/v3/projects/[^/]+/locations/[^/:]+/supportedLanguages$`,
);
const TRANSLATE_URL = new RegExp(`^${ORIGIN}/v3/projects/[^/]+/locations/[^/:]+:translateText$`);

export function googleRpcError(
  code: number,
  status: string,
  message: string,
  reason?: string,
  headers: Record<string, string> = {},
) {
  const details = reason
    ? [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com' }]
    : [];
  return HttpResponse.json(
    { error: { code, message, status, details } },
    { status: code, headers },
  );
}

/** A glossary created in the stand-in project: its resource name, languages and terms. */
export interface StandInGlossary {
  name: string;
  source: string;
  target: string;
  terms: Record<string, string>;
}

export interface V3TranslateBody {
  contents: string[];
  mimeType?: string;
  sourceLanguageCode?: string;
  targetLanguageCode: string;
  glossaryConfig?: { glossary: string; ignoreCase?: boolean };
}

export interface ServiceAccount {
  projectId: string;
  clientEmail: string;
  /** PEM public key of the account's key pair: assertions are verified against it. */
  publicKey: string;
}

const fromBase64Url = (part: string) => Buffer.from(part, 'base64url');

/** The assertion's claims when its RS256 signature is the account's; undefined otherwise. */
function verifiedClaims(assertion: string, key: KeyObject): Record<string, unknown> | undefined {
  const [header, payload, signature] = assertion.split('.');
  if (!header || !payload || !signature) return undefined;
  if ((JSON.parse(fromBase64Url(header).toString()) as { alg?: string }).alg !== 'RS256')
    return undefined;
  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${payload}`),
    key,
    fromBase64Url(signature),
  );
  return signed
    ? (JSON.parse(fromBase64Url(payload).toString()) as Record<string, unknown>)
    : undefined;
}

function applyTerms(text: string, glossary: StandInGlossary, ignoreCase: boolean): string {
  return text
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) return part;
      let out = part;
      for (const [source, target] of Object.entries(glossary.terms))
        out = out.replace(
          new RegExp(`(?<![\\p{L}])${source}(?![\\p{L}])`, ignoreCase ? 'giu' : 'gu'),
          target,
        );
      return out;
    })
    .join('');
}

export function googleV3Api(
  account: ServiceAccount,
  options: { glossaries?: StandInGlossary[]; tokenLifetimeSeconds?: number } = {},
) {
  const publicKey = createPublicKey(account.publicKey);
  /** Claims of every assertion the token endpoint accepted. */
  const tokenRequests: Record<string, unknown>[] = [];
  const requests: V3TranslateBody[] = [];
  const issued = new Map<string, { scopes: string[] }>();
  const glossaries = options.glossaries ?? [];

  const invalidGrant = (description: string) =>
    HttpResponse.json({ error: 'invalid_grant', error_description: description }, { status: 400 });

  /** The 401/403 Google answers, or undefined when the call may go on. */
  function refusal(request: Request, project: string) {
    const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
    const grant = token ? issued.get(token) : undefined;
    if (!grant)
      return googleRpcError(
        401,
        'UNAUTHENTICATED',
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        'ACCESS_TOKEN_TYPE_UNSUPPORTED',
      );
    if (!grant.scopes.some((scope) => TRANSLATION_SCOPES.includes(scope)))
      return googleRpcError(
        403,
        'PERMISSION_DENIED',
        'Request had insufficient authentication scopes.',
        'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
      );
    if (project !== account.projectId)
      return googleRpcError(
        403,
        'PERMISSION_DENIED',
        `Permission 'cloudtranslate.generalModels.predict' denied on resource '//cloudresourcemanager.googleapis.com/projects/${project}' (or it may not exist).`,
        'IAM_PERMISSION_DENIED',
      );
    return undefined;
  }

  function translateText(body: V3TranslateBody, location: string, project: string) {
    if (!Array.isArray(body.contents) || body.contents.length === 0)
      return googleRpcError(400, 'INVALID_ARGUMENT', 'Empty contents.');
    if (body.contents.length > 1024)
      return googleRpcError(
        400,
        'INVALID_ARGUMENT',
        'Number of strings in contents exceeds the limit of 1024.',
      );
    if ([...body.contents.join('')].length > 30_000)
      return googleRpcError(400, 'INVALID_ARGUMENT', 'Text is too long.');
    if (
      !LANGUAGES.includes(body.targetLanguageCode) ||
      (body.sourceLanguageCode && !LANGUAGES.includes(body.sourceLanguageCode))
    )
      return googleRpcError(400, 'INVALID_ARGUMENT', 'Target language is invalid.');
    let glossary: StandInGlossary | undefined;
    if (body.glossaryConfig) {
      if (location === 'global')
        return googleRpcError(
          400,
          'INVALID_ARGUMENT',
          'Glossaries are not supported in the global location; use a regional location.',
        );
      glossary = glossaries.find((entry) => entry.name === body.glossaryConfig!.glossary);
      const prefix = `projects/${project}/locations/${location}/glossaries/`;
      if (!glossary || !glossary.name.startsWith(prefix))
        return googleRpcError(404, 'NOT_FOUND', 'Glossary not found.');
      if (
        glossary.source !== body.sourceLanguageCode ||
        glossary.target !== body.targetLanguageCode
      )
        return googleRpcError(
          400,
          'INVALID_ARGUMENT',
          'Glossary language pair does not match the request.',
        );
    }
    const html = (body.mimeType ?? 'text/html') === 'text/html';
    const answer = (text: string) => ({
      translatedText: html
        ? pseudoTranslate(text, body.targetLanguageCode, true)
            .replace(/'/g, '&#39;')
            .replace(/"(?![^<]*>)/g, '&quot;')
        : pseudoTranslate(text, body.targetLanguageCode, false),
    });
    const ignoreCase = body.glossaryConfig?.ignoreCase ?? false;
    return HttpResponse.json({
      translations: body.contents.map(answer),
      ...(glossary
        ? {
            glossaryTranslations: body.contents.map((text) => ({
              ...answer(applyTerms(text, glossary, ignoreCase)),
              glossaryConfig: body.glossaryConfig,
            })),
          }
        : {}),
    });
  }

  const handlers = [
    http.post(GOOGLE_TOKEN_URL, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      if (form.get('grant_type') !== JWT_BEARER)
        return HttpResponse.json(
          { error: 'unsupported_grant_type', error_description: 'Invalid grant_type.' },
          { status: 400 },
        );
      const claims = verifiedClaims(form.get('assertion') ?? '', publicKey);
      if (!claims) return invalidGrant('Invalid JWT Signature.');
      const now = Math.floor(Date.now() / 1000);
      const { iss, aud, iat, exp, scope } = claims as {
        iss?: string;
        aud?: string;
        iat?: number;
        exp?: number;
        scope?: string;
      };
      if (iss !== account.clientEmail) return invalidGrant('Invalid email or User ID');
      if (aud !== GOOGLE_TOKEN_URL)
        return invalidGrant('Invalid JWT: Token must be for this endpoint.');
      if (
        iat === undefined ||
        exp === undefined ||
        iat > now + 60 ||
        exp <= now ||
        exp - iat > 3600
      )
        return invalidGrant(
          'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.',
        );
      tokenRequests.push(claims);
      const token = `ya29.${randomBytes(24).toString('base64url')}`;
      issued.set(token, { scopes: (scope ?? '').split(' ') });
      return HttpResponse.json({
        access_token: token,
        expires_in: options.tokenLifetimeSeconds ?? 3599,
        token_type: 'Bearer',
      });
    }),
    http.get(LANGUAGES_URL, ({ request }) => {
      const [, project] = V3.exec(new URL(request.url).pathname)!;
      const refused = refusal(request, decodeURIComponent(project!));
      if (refused) return refused;
      return HttpResponse.json({
        languages: LANGUAGES.map((languageCode) => ({
          languageCode,
          supportSource: true,
          supportTarget: true,
        })),
      });
    }),
    http.post(TRANSLATE_URL, async ({ request }) => {
      const [, project, location] = V3.exec(new URL(request.url).pathname)!;
      const refused = refusal(request, decodeURIComponent(project!));
      if (refused) return refused;
      const body = (await request.json()) as V3TranslateBody;
      requests.push(body);
      return translateText(body, decodeURIComponent(location!), decodeURIComponent(project!));
    }),
  ];

  const translateCall = (respond: () => Response | Promise<Response>) =>
    http.post(TRANSLATE_URL, respond);
  const failures = {
    tokenEndpointDown: () =>
      http.post(GOOGLE_TOKEN_URL, () => new HttpResponse('Service Unavailable', { status: 503 })),
    unauthenticated: () =>
      translateCall(() =>
        googleRpcError(
          401,
          'UNAUTHENTICATED',
          'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
          'ACCESS_TOKEN_EXPIRED',
        ),
      ),
    rateLimited: (retryAfter: string) =>
      translateCall(() =>
        googleRpcError(
          429,
          'RESOURCE_EXHAUSTED',
          "Quota exceeded for quota metric 'v3 Text translation characters' and limit 'v3 Text translation characters per minute per project'",
          'RATE_LIMIT_EXCEEDED',
          { 'Retry-After': retryAfter },
        ),
      ),
    serviceDisabled: () =>
      translateCall(() =>
        googleRpcError(
          403,
          'PERMISSION_DENIED',
          'Cloud Translation API has not been used in this project before or it is disabled.',
          'SERVICE_DISABLED',
        ),
      ),
    serverError: () =>
      translateCall(() =>
        googleRpcError(503, 'UNAVAILABLE', 'The service is currently unavailable.'),
      ),
    slow: (ms: number) =>
      translateCall(async () => {
        await delay(ms);
        return HttpResponse.json({ translations: [] });
      }),
  };
  /** Revokes every token issued so far, as when a key is rotated or access is withdrawn. */
  const revokeTokens = () => issued.clear();
  return { handlers, requests, tokenRequests, failures, revokeTokens };
}
