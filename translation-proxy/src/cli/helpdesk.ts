/**
 * Admin command line for a tenant's replies: helpdesk credentials (sealed with PARLEY_SECRET_KEY)
 * and the review SLA and fallback policy.
 *
 *   npm run helpdesk -- set <tenant-id> <credentials.json | ->
 *       {"helpdesk":"zendesk","subdomain":"acme","email":"agent@acme.com","apiToken":"…"}
 *       {"helpdesk":"zendesk","subdomain":"acme","oauthToken":"…"}
 *       {"helpdesk":"freshdesk","domain":"acme","apiKey":"…"}
 *       (+ "baseUrl":"http://127.0.0.1:18401" only with PARLEY_ALLOW_HTTP_HELPDESK=1)
 *   npm run helpdesk -- show <tenant-id>
 *   npm run helpdesk -- policy <tenant-id> --sla-minutes 60 --fallback post_machine|alert
 *   npm run helpdesk -- quality <tenant-id>   (edit distance of reviewed replies per pair and engine)
 *   npm run helpdesk -- identity <tenant-id> [--zendesk-secret <file | ->] [--unsigned refuse|verify]
 *       the Zendesk app's shared secret (sealed) and whether unsigned Zendesk requests are
 *       refused or verified with Zendesk's API
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.js';
import {
  HelpdeskCredentialsError,
  parseHelpdeskCredentials,
  redactHelpdeskCredentials,
} from '../helpdesks/credentials.js';
import { createSecretBox, SecretsError } from '../secrets.js';
import type { IdentitySettings } from '../store/identity-settings.js';
import { openStore, type Store } from '../store/index.js';

class UsageError extends Error {}

/** Shorter secrets could be guessed offline from one signed token. */
const MIN_SECRET_LENGTH = 32;

/** The identity settings an admin may see: whether a secret is set, not the secret. */
const redactIdentity = (settings: IdentitySettings) => ({
  unsigned: settings.unsigned,
  zendeskSecret: settings.zendeskSecret ? '[set]' : '[not set]',
});

async function run(store: Store, config: Config, args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'sla-minutes': { type: 'string' },
      fallback: { type: 'string' },
      'zendesk-secret': { type: 'string' },
      unsigned: { type: 'string' },
    },
  });
  const [command, tenantId, file] = positionals;
  const tenant = tenantId && (await store.tenants.get(tenantId));
  if (!tenant)
    throw new UsageError(`no tenant with id "${tenantId ?? ''}" (npm run tenant -- list)`);
  const secrets = createSecretBox(config.secretKey);
  switch (command) {
    case 'set': {
      if (!file) throw new UsageError('set needs <tenant-id> <credentials.json | ->');
      const credentials = parseHelpdeskCredentials(readFileSync(file === '-' ? 0 : file, 'utf8'), {
        allowHttp: config.allowHttpHelpdesk,
      });
      await store.helpdeskConnections.setSealedCredentials(
        tenant.id,
        credentials.helpdesk,
        secrets.seal(JSON.stringify(credentials)),
      );
      console.log(JSON.stringify(redactHelpdeskCredentials(credentials)));
      return;
    }
    case 'show': {
      for (const helpdesk of ['zendesk', 'freshdesk']) {
        const sealed = await store.helpdeskConnections.sealedCredentials(tenant.id, helpdesk);
        if (sealed)
          console.log(
            JSON.stringify(
              redactHelpdeskCredentials(
                parseHelpdeskCredentials(secrets.open(sealed), { allowHttp: true }),
              ),
            ),
          );
      }
      console.log(JSON.stringify(await store.replySettings.get(tenant.id)));
      console.log(JSON.stringify(redactIdentity(await store.identity.get(tenant.id))));
      return;
    }
    case 'identity': {
      const unsigned = values.unsigned;
      if (unsigned !== undefined && unsigned !== 'refuse' && unsigned !== 'verify')
        throw new UsageError('--unsigned must be refuse or verify');
      const secretFile = values['zendesk-secret'];
      if (secretFile !== undefined) {
        const secret = readFileSync(secretFile === '-' ? 0 : secretFile, 'utf8').trim();
        if (secret.length < MIN_SECRET_LENGTH)
          throw new UsageError(
            `the Zendesk shared secret must be at least ${MIN_SECRET_LENGTH} characters (openssl rand -hex 32)`,
          );
        await store.identity.setZendeskSecret(tenant.id, secrets.seal(secret));
      }
      if (unsigned !== undefined) await store.identity.setUnsigned(tenant.id, unsigned);
      console.log(JSON.stringify(redactIdentity(await store.identity.get(tenant.id))));
      return;
    }
    case 'policy': {
      const current = await store.replySettings.get(tenant.id);
      const minutes =
        values['sla-minutes'] === undefined ? current.slaMinutes : Number(values['sla-minutes']);
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > 10_080)
        throw new UsageError('--sla-minutes must be a whole number from 1 to 10080');
      const fallback = values.fallback ?? current.fallbackPolicy;
      if (fallback !== 'post_machine' && fallback !== 'alert')
        throw new UsageError('--fallback must be post_machine or alert');
      await store.replySettings.set(tenant.id, { slaMinutes: minutes, fallbackPolicy: fallback });
      console.log(JSON.stringify({ slaMinutes: minutes, fallbackPolicy: fallback }));
      return;
    }
    case 'quality': {
      const rows = await store.reports.editShare(tenant.id);
      if (rows.length === 0) console.log('(no reviewed replies yet)');
      for (const row of rows)
        console.log(
          `${row.source}→${row.target}  ${row.engine}  ${row.jobs} replies  ${(row.meanEditRatio * 100).toFixed(1)}% of characters edited`,
        );
      return;
    }
    default:
      throw new UsageError('commands: set, show, policy, quality, identity (see the README)');
  }
}

const EXPECTED = [UsageError, ConfigError, SecretsError, HelpdeskCredentialsError, SyntaxError];

try {
  const config = loadConfig();
  const store = await openStore(config);
  try {
    await run(store, config, process.argv.slice(2));
  } finally {
    await store.close();
  }
} catch (error) {
  if (!EXPECTED.some((kind) => error instanceof kind)) throw error;
  console.error(`helpdesk: ${(error as Error).message}`);
  process.exitCode = 2;
}
