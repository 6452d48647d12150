/**
 * A tenant's helpdesk credentials: Zendesk (subdomain + email/API token, or an OAuth token) or
 * Freshdesk (domain + API key). Stored sealed; a base URL override (a local stand-in helpdesk) is
 * accepted only when `PARLEY_ALLOW_HTTP_HELPDESK=1`.
 */
export type HelpdeskCredentials =
  | {
      helpdesk: 'zendesk';
      subdomain: string;
      email?: string;
      apiToken?: string;
      oauthToken?: string;
      baseUrl?: string;
    }
  | { helpdesk: 'freshdesk'; domain: string; apiKey: string; baseUrl?: string };

export class HelpdeskCredentialsError extends Error {
  override readonly name = 'HelpdeskCredentialsError';
}

const SUBDOMAIN = /^[a-z0-9][a-z0-9-]{0,62}$/i;
const DOMAIN = /^[a-z0-9][a-z0-9-]{0,62}(\.freshdesk\.com)?$/i;

const text = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || value.trim() === '')
    throw new HelpdeskCredentialsError(`"${field}" must be a non-empty string`);
  return value.trim();
};

export function parseHelpdeskCredentials(
  raw: string,
  options: { allowHttp: boolean },
): HelpdeskCredentials {
  const value = JSON.parse(raw) as Record<string, unknown>;
  const baseUrl =
    value.baseUrl === undefined ? undefined : checkBaseUrl(text(value.baseUrl, 'baseUrl'), options);
  const withBase = baseUrl ? { baseUrl } : {};
  if (value.helpdesk === 'zendesk') {
    const subdomain = text(value.subdomain, 'subdomain');
    if (!SUBDOMAIN.test(subdomain))
      throw new HelpdeskCredentialsError('"subdomain" is the part before .zendesk.com');
    if (value.oauthToken !== undefined)
      return {
        helpdesk: 'zendesk',
        subdomain,
        oauthToken: text(value.oauthToken, 'oauthToken'),
        ...withBase,
      };
    return {
      helpdesk: 'zendesk',
      subdomain,
      email: text(value.email, 'email'),
      apiToken: text(value.apiToken, 'apiToken'),
      ...withBase,
    };
  }
  if (value.helpdesk === 'freshdesk') {
    const domain = text(value.domain, 'domain');
    if (!DOMAIN.test(domain))
      throw new HelpdeskCredentialsError('"domain" is <name> or <name>.freshdesk.com');
    return {
      helpdesk: 'freshdesk',
      domain: domain.replace(/\.freshdesk\.com$/i, ''),
      apiKey: text(value.apiKey, 'apiKey'),
      ...withBase,
    };
  }
  throw new HelpdeskCredentialsError('"helpdesk" must be "zendesk" or "freshdesk"');
}

function checkBaseUrl(url: string, options: { allowHttp: boolean }): string {
  if (!options.allowHttp)
    throw new HelpdeskCredentialsError(
      '"baseUrl" points the proxy at another server than the helpdesk; it is only accepted with PARLEY_ALLOW_HTTP_HELPDESK=1 (local test helpdesks)',
    );
  if (!/^https?:\/\/[^/]+$/.test(url.replace(/\/$/, '')))
    throw new HelpdeskCredentialsError('"baseUrl" must be http(s)://host[:port]');
  return url.replace(/\/$/, '');
}

/** The API origin: the override when allowed, the helpdesk's own https host otherwise. */
export function helpdeskOrigin(credentials: HelpdeskCredentials, allowHttp: boolean): string {
  if (credentials.baseUrl && allowHttp) return credentials.baseUrl;
  return credentials.helpdesk === 'zendesk'
    ? `https://${credentials.subdomain}.zendesk.com`
    : `https://${credentials.domain}.freshdesk.com`;
}

/** What an admin may see: everything but the secrets. */
export function redactHelpdeskCredentials(credentials: HelpdeskCredentials) {
  const { helpdesk } = credentials;
  return credentials.helpdesk === 'zendesk'
    ? {
        helpdesk,
        subdomain: credentials.subdomain,
        auth: credentials.oauthToken ? 'oauth' : `token (${credentials.email ?? ''})`,
        baseUrl: credentials.baseUrl,
      }
    : { helpdesk, domain: credentials.domain, auth: 'api key', baseUrl: credentials.baseUrl };
}
