/**
 * Each tenant's engines as one failover chain (engines/failover-chain.ts), built from the tenant's
 * engine settings (default: the embedded Apertium engine). The embedded engine is shared by every
 * tenant and closed once at shutdown; engines that carry a tenant's own keys belong to that
 * tenant's chain. Settings are re-read after a short time so that changes made by the CLI or
 * another instance take effect, and a chain whose settings did not change is kept, with its
 * circuit-breaker state.
 */
import type { LanguagePair, TranslationEngine } from '../engines/engine.js';
import { createEngine } from '../engines/factory.js';
import { enginePairs } from '../engines/pair-catalog.js';
import { createFailoverChain, systemClock, type FailoverChain } from '../engines/failover-chain.js';
import {
  DEFAULT_ENGINE_SETTINGS,
  parseEngineSettings,
  sealEngineSettings,
  type EngineSettings,
} from '../engines/settings.js';
import type { Metrics } from '../metrics.js';
import type { SecretBox } from '../secrets.js';
import type { Store } from '../store/index.js';
import { instrumentEngine } from './instrumented-engine.js';
import type { UsageRecorder } from './usage-recorder.js';
import type { Logger } from '../logging.js';

export interface TenantEnginesOptions {
  /** The embedded engines every tenant may use (Apertium). */
  sharedEngines: TranslationEngine[];
  store: Store;
  secrets: SecretBox;
  usage: UsageRecorder;
  metrics: Metrics;
  logger: Logger;
  timeoutMs: number;
  /** Accept plain-http engine URLs (PARLEY_ALLOW_HTTP_ENGINES=1). */
  allowHttpEngines: boolean;
  /** How long a tenant's settings are trusted before they are read again. */
  settingsTtlMs?: number;
}

export interface TenantEngines {
  /** The tenant's failover chain. */
  chainFor(tenantId: string): Promise<FailoverChain>;
  /** The kinds of engine the tenant's failover chain may call (`apertium`, `deepl`, …). */
  engineKindsFor(tenantId: string): Promise<string[]>;
  /** Validates, seals and stores a tenant's settings; its failover chain is rebuilt on next use. */
  saveSettings(tenantId: string, settings: unknown): Promise<EngineSettings>;
  /** The shared engines, for `/healthz`. */
  readonly sharedEngines: readonly TranslationEngine[];
  /** A shared engine's pairs from the pair catalogue the chains use (no engine call per probe). */
  pairsOf(engine: TranslationEngine): Promise<readonly LanguagePair[]>;
  close(): Promise<void>;
}

interface TenantChainEntry {
  chain: FailoverChain;
  /** What the chain was built from (sealed text, or '' for the defaults). */
  source: string;
  ownEngines: TranslationEngine[];
  engineKinds: string[];
  checkedAt: number;
}

export function createTenantEngines(options: TenantEnginesOptions): TenantEngines {
  const { store, metrics, logger, secrets } = options;
  const ttl = options.settingsTtlMs ?? 30_000;
  const urlPolicy = { allowHttp: options.allowHttpEngines };
  const shared = new Map(
    options.sharedEngines.map((engine) => [engine.id, instrumentEngine(engine, metrics)]),
  );
  const tenants = new Map<string, Promise<TenantChainEntry>>();

  function build(tenantId: string, settings: EngineSettings, source: string): TenantChainEntry {
    const ownEngines: TranslationEngine[] = [];
    const engines = settings.engines.flatMap((config) => {
      const embedded = shared.get(config.kind);
      if (embedded) return [embedded];
      if (config.kind === 'apertium') return [];
      const engine = instrumentEngine(createEngine(config, { logger }), metrics);
      ownEngines.push(engine);
      return [engine];
    });
    const chain = createFailoverChain({
      engines,
      ...(settings.routes ? { routes: settings.routes } : {}),
      timeoutMs: options.timeoutMs,
      retry: { attempts: 2, baseMs: 100, maxMs: 2_000 },
      breaker: { failureThreshold: 5, openMs: 30_000 },
      logger,
      recordUsage(engineId, characters) {
        metrics.engineCharacters.inc({ engine: engineId }, characters);
        options.usage.record(tenantId, engineId, characters);
      },
    });
    const engineKinds = settings.engines.map((config) => config.kind);
    return { chain, source, ownEngines, engineKinds, checkedAt: Date.now() };
  }

  async function load(tenantId: string, previous?: TenantChainEntry): Promise<TenantChainEntry> {
    const sealed = (await store.engineSettings.get(tenantId)) ?? '';
    if (previous && previous.source === sealed) return { ...previous, checkedAt: Date.now() };
    const settings = sealed
      ? parseEngineSettings(secrets.open(sealed), urlPolicy)
      : DEFAULT_ENGINE_SETTINGS;
    const next = build(tenantId, settings, sealed);
    if (previous) await closeOwn(previous);
    return next;
  }

  async function tenantChain(tenantId: string): Promise<TenantChainEntry> {
    let entry = tenants.get(tenantId);
    if (entry) {
      const current = await entry;
      if (Date.now() - current.checkedAt < ttl) return current;
      entry = load(tenantId, current);
    } else {
      entry = load(tenantId);
    }
    tenants.set(tenantId, entry);
    entry.catch(() => tenants.delete(tenantId));
    return entry;
  }

  const closeOwn = (entry: TenantChainEntry) =>
    Promise.allSettled(entry.ownEngines.map((engine) => engine.close()));

  return {
    sharedEngines: options.sharedEngines,

    async pairsOf(engine) {
      // The tenantEngines hold the instrumented engine, under which the catalogue keeps the list.
      const catalogued = shared.get(engine.id) ?? engine;
      const now = () => systemClock.now();
      return (await enginePairs(catalogued, { now, timeoutMs: options.timeoutMs, logger })).pairs;
    },

    chainFor: async (tenantId) => (await tenantChain(tenantId)).chain,
    engineKindsFor: async (tenantId) => (await tenantChain(tenantId)).engineKinds,

    async saveSettings(tenantId, input) {
      const { settings, sealed } = sealEngineSettings(secrets, input, urlPolicy);
      await store.engineSettings.set(tenantId, sealed);
      const entry = tenants.get(tenantId);
      tenants.delete(tenantId);
      if (entry) await closeOwn(await entry);
      return settings;
    },

    async close() {
      const entries = await Promise.allSettled(tenants.values());
      tenants.clear();
      await Promise.allSettled(
        entries.flatMap((entry) => (entry.status === 'fulfilled' ? [closeOwn(entry.value)] : [])),
      );
      await Promise.allSettled(options.sharedEngines.map((engine) => engine.close()));
    },
  };
}
