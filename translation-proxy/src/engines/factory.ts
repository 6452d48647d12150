/**
 * Builds an engine from one tenant's engine configuration. The configuration objects are what
 * the proxy stores per tenant (encrypted: they hold API keys). The embedded Apertium engine is
 * built elsewhere (it owns processes, not credentials), so the proxy passes its constructor in.
 */
import type { TranslationEngine } from './engine.js';
import { createAmazonEngine, type AmazonConfig } from './amazon.js';
import { createApyEngine, type ApyConfig } from './apy.js';
import { createAzureEngine, type AzureConfig } from './azure.js';
import { createDeeplEngine, type DeeplConfig } from './deepl.js';
import { createGoogleEngine, type GoogleConfig } from './google.js';
import type { EngineDeps } from './http.js';
import { createLibreTranslateEngine, type LibreTranslateConfig } from './libretranslate.js';

export interface ApertiumConfig {
  kind: 'apertium';
}

export type EngineConfig =
  | DeeplConfig
  | GoogleConfig
  | AzureConfig
  | AmazonConfig
  | LibreTranslateConfig
  | ApyConfig
  | ApertiumConfig;

export type EngineKind = EngineConfig['kind'];

export interface FactoryDeps extends EngineDeps {
  /** Builds the embedded Apertium engine; required only when a config says `apertium`. */
  createApertium?: (config: ApertiumConfig) => TranslationEngine;
}

export function createEngine(config: EngineConfig, deps: FactoryDeps): TranslationEngine {
  switch (config.kind) {
    case 'deepl':
      return createDeeplEngine(config, deps);
    case 'google':
      return createGoogleEngine(config, deps);
    case 'azure':
      return createAzureEngine(config, deps);
    case 'amazon':
      return createAmazonEngine(config, deps);
    case 'libretranslate':
      return createLibreTranslateEngine(config, deps);
    case 'apy':
      return createApyEngine(config, deps);
    case 'apertium':
      if (!deps.createApertium) throw new Error('createEngine: no Apertium constructor was given');
      return deps.createApertium(config);
  }
}
