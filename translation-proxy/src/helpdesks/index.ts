/** Helpdesk clients per tenant, from the tenant's sealed credentials. */
import type { SecretBox } from '../secrets.js';
import type { Store } from '../store/index.js';
import type { HelpdeskClient } from './client.js';
import {
  helpdeskOrigin,
  parseHelpdeskCredentials,
  type HelpdeskCredentials,
} from './credentials.js';
import { freshdeskClient, type FreshdeskClient } from './freshdesk.js';
import { zendeskClient } from './zendesk.js';

export class HelpdeskNotConfigured extends Error {
  override readonly name = 'HelpdeskNotConfigured';
}

export interface HelpdeskClients {
  /** The client that posts to the tenant's `helpdesk`; throws `HelpdeskNotConfigured`. */
  (tenantId: string, helpdesk: string): Promise<HelpdeskClient>;
  /** The tenant's Freshdesk client, which also reads a ticket's conversations. */
  freshdesk(tenantId: string): Promise<FreshdeskClient>;
  /** The tenant's credentials for `helpdesk` (its account: Zendesk subdomain, Freshdesk domain). */
  credentials(tenantId: string, helpdesk: string): Promise<HelpdeskCredentials>;
}

export function helpdeskClients(deps: {
  store: Store;
  secrets: SecretBox;
  allowHttp: boolean;
  timeoutMs?: number;
}): HelpdeskClients {
  async function credentialsFor(tenantId: string, helpdesk: string): Promise<HelpdeskCredentials> {
    const sealed = await deps.store.helpdeskConnections.sealedCredentials(tenantId, helpdesk);
    if (!sealed)
      throw new HelpdeskNotConfigured(
        `No ${helpdesk} credentials are set for this tenant (npm run helpdesk -- set ${tenantId} …).`,
      );
    // A stored base URL is ignored (the real helpdesk is used) unless the setting allows it now.
    return parseHelpdeskCredentials(deps.secrets.open(sealed), { allowHttp: true });
  }

  async function freshdesk(tenantId: string): Promise<FreshdeskClient> {
    const credentials = await credentialsFor(tenantId, 'freshdesk');
    if (credentials.helpdesk !== 'freshdesk')
      throw new HelpdeskNotConfigured('The stored Freshdesk credentials are not Freshdesk’s.');
    return freshdeskClient(
      credentials,
      helpdeskOrigin(credentials, deps.allowHttp),
      deps.timeoutMs,
    );
  }

  async function client(tenantId: string, helpdesk: string): Promise<HelpdeskClient> {
    const credentials = await credentialsFor(tenantId, helpdesk);
    const origin = helpdeskOrigin(credentials, deps.allowHttp);
    return credentials.helpdesk === 'zendesk'
      ? zendeskClient(credentials, origin, deps.timeoutMs)
      : freshdeskClient(credentials, origin, deps.timeoutMs);
  }

  return Object.assign(client, { freshdesk, credentials: credentialsFor });
}
