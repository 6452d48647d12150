/**
 * Admin command line for tenants, their API keys and glossaries, against the configured store
 * (the same `PARLEY_DATA_DIR` / `DATABASE_URL` as the server).
 *
 *   npm run tenant -- create "Acme Support" [--languages en,es,de]
 *   npm run tenant -- list
 *   npm run tenant -- key <tenant-id> [--label sidebar]
 *   npm run tenant -- keys <tenant-id>
 *   npm run tenant -- revoke <tenant-id> <key-id>
 *   npm run tenant -- languages <tenant-id> en,es,de
 *   npm run tenant -- glossary <tenant-id> <source-lang> <target-lang|*> <term> [translation]
 *   npm run tenant -- glossary-list <tenant-id>
 *   npm run tenant -- engines <tenant-id> <settings.json | ->   (needs PARLEY_SECRET_KEY)
 *   npm run tenant -- engines-show <tenant-id>
 *   npm run tenant -- personal-data <tenant-id> [--kinds all|email,phone,…] [--engines all|deepl,…]
 *                                   [--translators-see-values yes|no]   (no option: shows it)
 *   npm run tenant -- memory-export <tenant-id> [--format tmx] [--source en] [--target es] > memory.tmx
 *   npm run tenant -- memory-import <tenant-id> <file.tmx | -> [--source en]
 *   npm run tenant -- glossary-export <tenant-id> --format tbx|csv [--source en] [--target es|*] > file
 *   npm run tenant -- glossary-import <tenant-id> <file | -> --format tbx|csv [--source en] [--target es|*]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { normalizeLanguageTag } from '@parley/shared/languages';
import {
  PERSONAL_DATA_KINDS,
  type PersonalDataKind,
} from '@parley/shared/pipeline/personal-data/index';
import { exportGlossary, importGlossary } from '../assets/glossary-transfer.js';
import { AssetFormatError } from '../assets/import-report.js';
import { exportMemory, importMemory } from '../assets/memory-transfer.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import {
  ENGINE_KINDS,
  EngineSettingsError,
  type EngineKind,
  parseEngineSettings,
  redactEngineSettings,
  sealEngineSettings,
} from '../engines/settings.js';
import { createSecretBox, SecretsError } from '../secrets.js';
import { ANY_TARGET } from '../store/glossary.js';
import { openStore, type Store } from '../store/index.js';
import type { PersonalDataPolicy } from '../store/personal-data-policy.js';
import { describeReport, inputFile, writeToStdout } from './assets.js';

class UsageError extends Error {}

function languageList(value: string | undefined): string[] {
  if (!value) return [];
  return value.split(',').map((raw) => {
    const tag = normalizeLanguageTag(raw.trim());
    if (!tag) throw new UsageError(`"${raw}" is not a BCP 47 language code`);
    return tag;
  });
}

/** A comma-separated list of names from `allowed`. */
function namesFrom<T extends string>(option: string, value: string, allowed: readonly T[]): T[] {
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.find((name) => !(allowed as readonly string[]).includes(name));
  if (unknown !== undefined)
    throw new UsageError(`--${option}: "${unknown}" is not one of ${allowed.join(', ')}`);
  return names as T[];
}

function personalDataPolicy(
  current: PersonalDataPolicy,
  values: { kinds?: string; engines?: string; 'translators-see-values'?: string },
): PersonalDataPolicy {
  const seeValues = values['translators-see-values'];
  if (seeValues !== undefined && seeValues !== 'yes' && seeValues !== 'no')
    throw new UsageError('--translators-see-values is yes or no');
  return {
    kinds:
      values.kinds === undefined
        ? current.kinds
        : values.kinds === 'all'
          ? [...PERSONAL_DATA_KINDS]
          : values.kinds === 'none'
            ? []
            : namesFrom<PersonalDataKind>('kinds', values.kinds, PERSONAL_DATA_KINDS),
    engines:
      values.engines === undefined
        ? current.engines
        : values.engines === 'all'
          ? 'all'
          : namesFrom<EngineKind>('engines', values.engines, ENGINE_KINDS),
    translatorsSeeValues:
      seeValues === undefined ? current.translatorsSeeValues : seeValues === 'yes',
  };
}

const describePolicy = (policy: PersonalDataPolicy): string =>
  [
    `masked kinds            ${policy.kinds.join(', ') || '(none)'}`,
    `for engines             ${policy.engines === 'all' ? 'all' : policy.engines.join(', ')}`,
    `translators see values  ${policy.translatorsSeeValues ? 'yes' : 'no'}`,
  ].join('\n');

/** `--source` / `--target` of an asset command; `*` only where every target is meant. */
function assetLanguage(value: string | undefined, anyAllowed = false): string | undefined {
  if (value === undefined) return undefined;
  if (anyAllowed && value === ANY_TARGET) return ANY_TARGET;
  return languageList(value)[0];
}

function glossaryFormat(value: string | undefined): 'tbx' | 'csv' {
  if (value !== 'tbx' && value !== 'csv') throw new UsageError('--format is tbx or csv');
  return value;
}

function requireInput(path: string | undefined) {
  const input = path === undefined ? undefined : inputFile(path);
  if (!input) throw new UsageError(`no such file "${path ?? ''}" (or - for standard input)`);
  return input;
}

async function requireTenant(store: Store, id: string | undefined) {
  const tenant = id && (await store.tenants.get(id));
  if (!tenant)
    throw new UsageError(`no tenant with id "${id ?? ''}" (see: npm run tenant -- list)`);
  return tenant;
}

async function run(store: Store, config: Config, args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      languages: { type: 'string' },
      label: { type: 'string' },
      kinds: { type: 'string' },
      engines: { type: 'string' },
      'translators-see-values': { type: 'string' },
      format: { type: 'string' },
      source: { type: 'string' },
      target: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  switch (command) {
    case 'create': {
      const name = rest.join(' ').trim();
      if (!name) throw new UsageError('create needs a tenant name');
      const tenant = await store.tenants.create({
        name,
        languages: languageList(values.languages),
      });
      const { key } = await store.apiKeys.issue(tenant.id, values.label ?? 'initial');
      console.log(`tenant  ${tenant.id}  ${tenant.name}`);
      console.log(`api key ${key}`);
      console.log('Store the key now: only its hash is kept.');
      return;
    }
    case 'list':
      for (const tenant of await store.tenants.list())
        console.log(`${tenant.id}  ${tenant.name}  [${tenant.languages.join(', ')}]`);
      return;
    case 'key': {
      const tenant = await requireTenant(store, rest[0]);
      const { id, key } = await store.apiKeys.issue(tenant.id, values.label ?? '');
      console.log(`key id  ${id}`);
      console.log(`api key ${key}`);
      return;
    }
    case 'keys': {
      const tenant = await requireTenant(store, rest[0]);
      for (const key of await store.apiKeys.list(tenant.id))
        console.log(
          `${key.id}  ${key.label || '-'}  created ${new Date(key.createdAt).toISOString()}${key.revokedAt ? `  revoked ${new Date(key.revokedAt).toISOString()}` : ''}`,
        );
      return;
    }
    case 'revoke': {
      const tenant = await requireTenant(store, rest[0]);
      if (!rest[1] || !(await store.apiKeys.revoke(tenant.id, rest[1])))
        throw new UsageError(`no active key "${rest[1] ?? ''}" for tenant ${tenant.id}`);
      console.log(`revoked ${rest[1]}`);
      return;
    }
    case 'languages': {
      const tenant = await requireTenant(store, rest[0]);
      await store.tenants.setLanguages(tenant.id, languageList(rest[1]));
      console.log(`languages of ${tenant.id}: ${languageList(rest[1]).join(', ') || '(any)'}`);
      return;
    }
    case 'glossary': {
      const tenant = await requireTenant(store, rest[0]);
      const [, source, target, term, translation] = rest;
      const sourceLang = languageList(source)[0];
      const targetLang = target === ANY_TARGET ? ANY_TARGET : languageList(target)[0];
      if (!sourceLang || !targetLang || !term)
        throw new UsageError(
          'glossary needs <tenant-id> <source-lang> <target-lang|*> <term> [translation]',
        );
      const entry = await store.glossary.upsert(tenant.id, {
        sourceLang,
        targetLang,
        source: term,
        target: translation ?? null,
      });
      console.log(`${entry.id}  ${entry.source} → ${entry.target ?? '(do not translate)'}`);
      return;
    }
    case 'glossary-list': {
      const tenant = await requireTenant(store, rest[0]);
      for (const entry of await store.glossary.list(tenant.id))
        console.log(
          `${entry.id}  ${entry.sourceLang}→${entry.targetLang}  ${entry.source} → ${entry.target ?? '(do not translate)'}`,
        );
      return;
    }
    case 'engines': {
      const tenant = await requireTenant(store, rest[0]);
      if (!rest[1]) throw new UsageError('engines needs <tenant-id> <settings.json | ->');
      const text = readFileSync(rest[1] === '-' ? 0 : rest[1], 'utf8');
      const { settings, sealed } = sealEngineSettings(createSecretBox(config.secretKey), text, {
        allowHttp: config.allowHttpEngines,
      });
      await store.engineSettings.set(tenant.id, sealed);
      console.log(JSON.stringify(redactEngineSettings(settings), null, 2));
      console.log('Saved; running proxies pick the change up within 30 s.');
      return;
    }
    case 'engines-show': {
      const tenant = await requireTenant(store, rest[0]);
      const sealed = await store.engineSettings.get(tenant.id);
      if (!sealed) {
        console.log('(defaults: the embedded Apertium engine)');
        return;
      }
      // Shown as stored, even a plain-http URL the proxy would now refuse.
      const settings = parseEngineSettings(createSecretBox(config.secretKey).open(sealed), {
        allowHttp: true,
      });
      console.log(JSON.stringify(redactEngineSettings(settings), null, 2));
      return;
    }
    case 'personal-data': {
      const tenant = await requireTenant(store, rest[0]);
      const current = await store.personalData.get(tenant.id);
      const changed = ['kinds', 'engines', 'translators-see-values'].some(
        (option) => option in values,
      );
      const policy = changed ? personalDataPolicy(current, values) : current;
      if (changed) await store.personalData.set(tenant.id, policy);
      console.log(describePolicy(policy));
      return;
    }
    case 'memory-export': {
      const tenant = await requireTenant(store, rest[0]);
      if (values.format !== undefined && values.format !== 'tmx')
        throw new UsageError('--format is tmx, the only memory format');
      await writeToStdout(
        exportMemory(store.memory, tenant.id, {
          sourceLang: assetLanguage(values.source),
          targetLang: assetLanguage(values.target),
        }),
      );
      return;
    }
    case 'memory-import': {
      const tenant = await requireTenant(store, rest[0]);
      const report = await importMemory(store.memory, tenant.id, requireInput(rest[1]), {
        sourceLang: assetLanguage(values.source),
      });
      console.log(describeReport(report, 'units'));
      return;
    }
    case 'glossary-export': {
      const tenant = await requireTenant(store, rest[0]);
      const format = glossaryFormat(values.format);
      const sourceLang = assetLanguage(values.source);
      if (format === 'tbx' && sourceLang === undefined)
        throw new UsageError('a TBX export needs --source: a term base has one source language');
      await writeToStdout(
        await exportGlossary(store.glossary, tenant.id, format, {
          sourceLang,
          targetLang: assetLanguage(values.target, true),
        }),
      );
      return;
    }
    case 'glossary-import': {
      const tenant = await requireTenant(store, rest[0]);
      const format = glossaryFormat(values.format);
      const report = await importGlossary(
        store.glossary,
        tenant.id,
        format,
        requireInput(rest[1]),
        {
          sourceLang: assetLanguage(values.source),
          targetLang: assetLanguage(values.target, true),
        },
      );
      console.log(describeReport(report, 'terms'));
      return;
    }
    default:
      throw new UsageError(
        'commands: create, list, key, keys, revoke, languages, glossary, glossary-list, engines, engines-show, personal-data, memory-export, memory-import, glossary-export, glossary-import (see the README)',
      );
  }
}

const EXPECTED_ERRORS = [
  UsageError,
  ConfigError,
  SecretsError,
  EngineSettingsError,
  SyntaxError,
  AssetFormatError,
];

try {
  const config = loadConfig();
  const store = await openStore(config);
  try {
    await run(store, config, process.argv.slice(2));
  } finally {
    await store.close();
  }
} catch (error) {
  if (!EXPECTED_ERRORS.some((kind) => error instanceof kind)) throw error;
  console.error(`tenant: ${(error as Error).message}`);
  process.exitCode = 2;
}
