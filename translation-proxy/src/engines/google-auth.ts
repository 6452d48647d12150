/**
 * OAuth2 access tokens for a Google Cloud service account, as Cloud Translation Advanced (v3)
 * requires: google-auth-library signs the JWT-bearer grant with the account's private key and
 * keeps the token until shortly before it expires (five minutes ahead), so one token serves
 * every call of its hour.
 *
 * The library's errors carry the signed assertion and the request it was sent in; they are
 * never passed on. What the token endpoint said (`invalid_grant`, …) becomes an `EngineError`
 * whose message is scrubbed of the key.
 */
import { JWT } from 'google-auth-library';
import { EngineError } from './engine.js';
import { codeForStatus, redact } from './http.js';

/** A service-account key as Google's console downloads it (the fields Parley uses). */
export interface GoogleServiceAccountKey {
  type: 'service_account';
  client_email: string;
  private_key: string;
  private_key_id?: string;
  project_id?: string;
}

/** The narrowest scope that covers translateText and supportedLanguages. */
export const CLOUD_TRANSLATION_SCOPE = 'https://www.googleapis.com/auth/cloud-translation';

export interface AccessTokens {
  /** A valid access token, fetched or from the cache. */
  get(): Promise<string>;
  /** Drops the cached token (Google refused it before its expiry): the next `get` fetches one. */
  forget(): void;
}

interface TokenFailure {
  code?: unknown;
  response?: { status?: unknown; data?: unknown };
}

function tokenError(engineId: string, error: unknown, secrets: readonly string[]): EngineError {
  const { code, response } = (error ?? {}) as TokenFailure;
  if (typeof response?.status === 'number') {
    const data = (response.data ?? {}) as { error?: unknown; error_description?: unknown };
    const said = [data.error, data.error_description].filter((part) => typeof part === 'string');
    const status = response.status;
    // The token endpoint answers 400 `invalid_grant` / 401 `invalid_client` for a bad or
    // disabled key: both are credentials problems, not a malformed request of ours.
    const kind = status === 400 || status === 401 ? 'engine_auth_failed' : codeForStatus(status);
    return new EngineError(
      kind,
      redact(
        `${engineId}: Google's token endpoint gave the service account no token${said.length ? ` (${said.join(': ')})` : ''} (HTTP ${status})`,
        secrets,
      ),
      engineId,
    );
  }
  return new EngineError(
    'engine_unavailable',
    `${engineId}: cannot reach Google's token endpoint${typeof code === 'string' ? ` (${code})` : ''}`,
    engineId,
  );
}

export function serviceAccountTokens(engineId: string, key: GoogleServiceAccountKey): AccessTokens {
  // The client holds the cache; a new client is the library's way to start without a token.
  const newClient = () =>
    new JWT({
      email: key.client_email,
      key: key.private_key,
      ...(key.private_key_id ? { keyId: key.private_key_id } : {}),
      scopes: [CLOUD_TRANSLATION_SCOPE],
    });
  let client = newClient();
  const secrets = [key.private_key];
  return {
    forget() {
      client = newClient();
    },
    async get() {
      let token: string | null | undefined;
      try {
        token = (await client.getAccessToken()).token;
      } catch (error) {
        throw tokenError(engineId, error, secrets);
      }
      if (!token)
        throw new EngineError(
          'engine_auth_failed',
          `${engineId}: Google's token endpoint returned no access token`,
          engineId,
        );
      return token;
    },
  };
}
