/**
 * Zendesk's signed agent identity. The Zendesk app asks Zendesk's request proxy to sign a JWT
 * for each call to Parley (`client.request` with `jwt: {algorithm: 'HS256', secret_key:
 * '{{setting.sharedSecret}}', expiry, claims: {iss, sub}}`, sent as `X-Parley-Identity:
 * {{jwt.token}}`): the secret is a secure app setting, so the browser never holds it and cannot
 * sign. The token says which account (`iss`: the Zendesk subdomain) and which user (`sub`: the
 * agent's Zendesk user id) the app was running for.
 */
import { errors, jwtVerify } from 'jose';

/** Clocks of Zendesk and the proxy may differ by this much. */
const CLOCK_SKEW_SECONDS = 60;
/** The app asks for two minutes; anything valid for much longer was not signed for one request. */
const MAX_LIFETIME_SECONDS = 15 * 60;

const USER_ID = /^[0-9]{1,19}$/;

export class IdentityTokenError extends Error {
  override readonly name = 'IdentityTokenError';
}

/** The agent's Zendesk user id from a token signed with `secret` for `subdomain`; throws otherwise. */
export async function verifyZendeskToken(
  token: string,
  options: { secret: string; subdomain: string },
): Promise<string> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(options.secret), {
      // Pinned: a token naming another algorithm (`none`, RS256 with the secret as a key) fails.
      algorithms: ['HS256'],
      issuer: options.subdomain,
      requiredClaims: ['exp', 'sub'],
      clockTolerance: CLOCK_SKEW_SECONDS,
    }));
  } catch (error) {
    throw new IdentityTokenError(describe(error));
  }
  const exp = payload.exp ?? 0;
  if (exp - Date.now() / 1000 > MAX_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS)
    throw new IdentityTokenError(
      `the signed identity is valid for more than ${MAX_LIFETIME_SECONDS} s`,
    );
  const userId = payload.sub ?? '';
  if (!USER_ID.test(userId))
    throw new IdentityTokenError('the signed identity does not name a Zendesk user id');
  return userId;
}

/** What failed, for the agent's error message, never the token or the secret. */
function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the signed identity has expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return error.claim === 'iss'
      ? 'the signed identity is for another Zendesk account'
      : `the signed identity's "${error.claim}" claim is not valid`;
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'the signed identity is not signed with HS256';
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return "the signed identity's signature does not match this tenant's Zendesk secret";
  return 'the signed identity is not a valid JWT';
}
