// Settings read from the environment: what is refused at start-up, and the safe defaults.
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const DEV_KEY = 'dev-key-0123456789abcdef';

describe('the development key', () => {
  it('is refused on an interface other machines can reach', () => {
    for (const HOST of ['0.0.0.0', '::', '192.0.2.5', 'parley.example.com'])
      expect(() => loadConfig({ HOST, PARLEY_DEV_API_KEY: DEV_KEY }), HOST).toThrow(
        /PARLEY_DEV_API_KEY is for local development/,
      );
  });

  it('is accepted on a loopback interface, the default one included', () => {
    for (const HOST of [undefined, '127.0.0.1', 'localhost', '::1'])
      expect(loadConfig({ HOST, PARLEY_DEV_API_KEY: DEV_KEY }).devApiKey, HOST).toBe(DEV_KEY);
  });

  it('leaves any interface open without a development key', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});
