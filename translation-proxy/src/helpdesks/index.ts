/** Helpdesk clients per tenant, from the tenant's sealed credentials. */
import type { SecretBox } from '../secrets.js';
import type { Store } from '../store/index.js';
import type { HelpdeskClient } from './client.js';
import { helpdeskOrigin, parseHelpdeskCredentials } from './credentials.js';
import { freshdeskClient } from './freshdesk.js';
import { zendeskClient } from './zendesk.js';

export class HelpdeskNotConfigured extends Error {
  override readonly name = 'HelpdeskNotConfigured';
}

export type HelpdeskClients = (tenantId: string, helpdesk: string) => Promise<HelpdeskClient>;

export function helpdeskClients(deps: {
  store: Store;
  secrets: SecretBox;
  allowHttp: boolean;
  timeoutMs?: number;
}): HelpdeskClients {
  return async (tenantId, helpdesk) => {
    const sealed = await deps.store.replySettings.helpdesk(tenantId, helpdesk);
    if (!sealed)
      throw new HelpdeskNotConfigured(
        `No ${helpdesk} credentials are set for this tenant (npm run helpdesk -- set ${tenantId} …).`,
      );
    // A stored base URL is ignored (the real helpdesk is used) unless the setting allows it now.
    const credentials = parseHelpdeskCredentials(deps.secrets.open(sealed), { allowHttp: true });
    const origin = helpdeskOrigin(credentials, deps.allowHttp);
    return credentials.helpdesk === 'zendesk'
      ? zendeskClient(credentials, origin, deps.timeoutMs)
      : freshdeskClient(credentials, origin, deps.timeoutMs);
  };
}
