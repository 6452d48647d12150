/**
 * Admin command line for translator accounts, against the configured store:
 *
 *   npm run translator -- create <email> <name…> --tenants id,id --pairs en-es,es-en [--password P]
 *   npm run translator -- assign <email> --tenants id,id --pairs en-es
 *   npm run translator -- list-assignments <email>
 *   npm run translator -- password <email> [--password P]   (signs the translator out everywhere)
 *   npm run translator -- unassign <email> [--tenants id,id] [--pairs en-es]   (signs them out)
 *   npm run translator -- disable <email>   (offboards: no sign-in, every session ended)
 *   npm run translator -- enable <email>
 *   npm run translator -- grant-manager <email> --tenants id,id   (may read those tenants' reports)
 *   npm run translator -- revoke-manager <email> --tenants id,id
 *
 * Without --password the password is read from the terminal (or the first line of stdin).
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { normalizeLanguageTag } from '@parley/shared/languages';
import { ConfigError, loadConfig } from '../config.js';
import { hashPassword } from '../queue/passwords.js';
import { openStore, type Store } from '../store/index.js';

class UsageError extends Error {}

const MIN_PASSWORD = 10;

function pairs(value: string | undefined): { source: string; target: string }[] {
  if (!value) throw new UsageError('--pairs is required, e.g. --pairs en-es,es-en');
  return value.split(',').map((raw) => {
    const [source, target, ...rest] = raw.trim().split(/[-:>]/);
    const from = source && normalizeLanguageTag(source);
    const to = target && normalizeLanguageTag(target);
    if (!from || !to || rest.length > 0)
      throw new UsageError(
        `"${raw}" is not a language pair like en-es (use en:pt-BR for regional tags)`,
      );
    return { source: from, target: to };
  });
}

async function tenants(store: Store, value: string | undefined): Promise<string[]> {
  if (!value) throw new UsageError('--tenants is required, e.g. --tenants <tenant-id>,<tenant-id>');
  const ids = value.split(',').map((id) => id.trim());
  for (const id of ids)
    if (!(await store.tenants.get(id)))
      throw new UsageError(`no tenant with id "${id}" (see: npm run tenant -- list)`);
  return ids;
}

async function existing(store: Store, email: string | undefined) {
  const translator = email && (await store.translators.byEmail(email));
  if (!translator) throw new UsageError(`no translator with email "${email ?? ''}"`);
  return translator;
}

async function readPassword(given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  const input = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  if (process.stdin.isTTY) process.stderr.write('Password for the translator: ');
  const line = await input[Symbol.asyncIterator]().next();
  input.close();
  return typeof line.value === 'string' ? line.value : '';
}

async function run(store: Store, args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      tenants: { type: 'string' },
      pairs: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const [command, email, ...nameWords] = positionals;
  switch (command) {
    case 'create': {
      const name = nameWords.join(' ').trim();
      if (!email || !email.includes('@') || !name)
        throw new UsageError('create needs <email> <name>');
      const tenantIds = await tenants(store, values.tenants);
      const languagePairs = pairs(values.pairs);
      const password = await readPassword(values.password);
      if (password.length < MIN_PASSWORD)
        throw new UsageError(`the password must have at least ${MIN_PASSWORD} characters`);
      if (await store.translators.byEmail(email))
        throw new UsageError(`a translator with email ${email} already exists`);
      const translator = await store.translators.create({
        email,
        name,
        passwordHash: await hashPassword(password),
      });
      await store.translators.assign(translator.id, tenantIds, languagePairs);
      console.log(`translator ${translator.id}  ${translator.name} <${translator.email}>`);
      console.log(
        `reviews ${languagePairs.map((pair) => `${pair.source}→${pair.target}`).join(', ')} for ${tenantIds.join(', ')}`,
      );
      return;
    }
    case 'assign': {
      const translator = await existing(store, email);
      await store.translators.assign(
        translator.id,
        await tenants(store, values.tenants),
        pairs(values.pairs),
      );
      console.log(`updated ${translator.email}`);
      return;
    }
    case 'list-assignments': {
      const translator = await existing(store, email);
      const { tenants: assigned, pairs: assignedPairs } = await store.translators.assignments(
        translator.id,
      );
      console.log(
        `tenants: ${assigned.map((tenant) => `${tenant.id} (${tenant.name})`).join(', ')}`,
      );
      console.log(
        `pairs:   ${assignedPairs.map((pair) => `${pair.source}→${pair.target}`).join(', ')}`,
      );
      const managed = await store.managers.tenantsOf(translator.id);
      if (managed.length > 0)
        console.log(
          `manages: ${managed.map((tenant) => `${tenant.id} (${tenant.name})`).join(', ')}`,
        );
      if (translator.disabled) console.log('status:  disabled');
      return;
    }
    case 'password': {
      const translator = await existing(store, email);
      const password = await readPassword(values.password);
      if (password.length < MIN_PASSWORD)
        throw new UsageError(`the password must have at least ${MIN_PASSWORD} characters`);
      await store.translators.setPassword(translator.id, await hashPassword(password));
      console.log(`new password set for ${translator.email}; their sessions were ended`);
      return;
    }
    case 'unassign': {
      const translator = await existing(store, email);
      if (!values.tenants && !values.pairs)
        throw new UsageError('unassign needs --tenants, --pairs or both');
      const removed = await store.translators.unassign(translator.id, {
        ...(values.tenants ? { tenantIds: await tenants(store, values.tenants) } : {}),
        ...(values.pairs ? { pairs: pairs(values.pairs) } : {}),
      });
      console.log(
        `removed ${removed} assignment${removed === 1 ? '' : 's'} of ${translator.email}; their sessions were ended`,
      );
      return;
    }
    case 'disable':
    case 'enable': {
      const translator = await existing(store, email);
      await store.translators.setDisabled(translator.id, command === 'disable');
      console.log(
        command === 'disable'
          ? `disabled ${translator.email}; their sessions were ended`
          : `enabled ${translator.email}`,
      );
      return;
    }
    case 'grant-manager': {
      const translator = await existing(store, email);
      const tenantIds = await tenants(store, values.tenants);
      await store.managers.grant(translator.id, tenantIds);
      console.log(`${translator.email} manages ${tenantIds.join(', ')} and may read their reports`);
      return;
    }
    case 'revoke-manager': {
      const translator = await existing(store, email);
      // The role is checked on every report request: no session needs ending for it to count.
      const removed = await store.managers.revoke(
        translator.id,
        await tenants(store, values.tenants),
      );
      console.log(
        `removed ${removed} manager role${removed === 1 ? '' : 's'} of ${translator.email}`,
      );
      return;
    }
    default:
      throw new UsageError(
        'commands: create, assign, unassign, list-assignments, password, disable, enable, grant-manager, revoke-manager (see the README)',
      );
  }
}

try {
  const store = await openStore(loadConfig());
  try {
    await run(store, process.argv.slice(2));
  } finally {
    await store.close();
  }
} catch (error) {
  if (!(error instanceof UsageError || error instanceof ConfigError || error instanceof TypeError))
    throw error;
  console.error(`translator: ${error.message}`);
  process.exitCode = 2;
}
