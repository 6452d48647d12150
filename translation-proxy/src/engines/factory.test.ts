// The factory builds each configured kind of engine, and Apertium only through the given constructor.
import { describe, expect, it } from 'vitest';
import type { TranslationEngine } from './engine.js';
import { createEngine, type EngineConfig } from './factory.js';
import { silentLogger } from '../logging.js';

describe('createEngine', () => {
  const configs: EngineConfig[] = [
    { kind: 'deepl', authKey: 'k:fx' },
    { kind: 'google', apiKey: 'k' },
    {
      kind: 'google',
      projectId: 'acme-support',
      location: 'us-central1',
      serviceAccountKey: {
        type: 'service_account',
        client_email: 'parley@acme-support.iam.gserviceaccount.com',
        private_key: '-----BEGIN PRIVATE KEY-----\n…\n-----END PRIVATE KEY-----\n',
      },
    },
    { kind: 'azure', key: 'k', region: 'westeurope' },
    { kind: 'amazon', region: 'eu-west-1', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' },
    { kind: 'libretranslate', url: 'http://127.0.0.1:18250' },
    { kind: 'apy', url: 'http://127.0.0.1:18210' },
  ];

  for (const config of configs)
    it(`builds the ${config.kind} engine with its capabilities and limits`, async () => {
      const engine = createEngine(config, { logger: silentLogger }) as TranslationEngine & {
        capabilities?: object;
        limits?: object;
      };
      expect(engine.id).toBe(config.kind);
      expect(engine.capabilities).toHaveProperty('html', true);
      expect(engine.limits).toHaveProperty('maxSegments');
      await engine.close();
    });

  it('builds Apertium through the injected constructor', () => {
    const apertium = { id: 'apertium' } as TranslationEngine;
    expect(
      createEngine({ kind: 'apertium' }, { logger: silentLogger, createApertium: () => apertium }),
    ).toBe(apertium);
  });

  it('refuses Apertium when no constructor was given', () => {
    expect(() => createEngine({ kind: 'apertium' }, { logger: silentLogger })).toThrow(/Apertium/);
  });
});
