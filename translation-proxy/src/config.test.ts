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

describe('the trusted reverse proxies', () => {
  it('are none by default', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
  });

  it('are addresses, ranges or proxy-addr’s named ranges', () => {
    expect(
      loadConfig({ PARLEY_TRUST_PROXY: '10.0.0.5, 10.0.0.0/8,fd00::/8,loopback' }).trustProxy,
    ).toEqual(['10.0.0.5', '10.0.0.0/8', 'fd00::/8', 'loopback']);
  });

  it('refuses anything else rather than trusting every client', () => {
    for (const value of ['true', '*', '10.0.0.0/33', 'proxy.example.com', '2'])
      expect(() => loadConfig({ PARLEY_TRUST_PROXY: value }), value).toThrow(/PARLEY_TRUST_PROXY/);
  });
});

describe('the metrics settings', () => {
  it('refuse a short token and a port shared with the API', () => {
    expect(() => loadConfig({ PARLEY_METRICS_TOKEN: 'short' })).toThrow(/at least 16 characters/);
    expect(() => loadConfig({ PORT: '9000', PARLEY_METRICS_PORT: '9000' })).toThrow(
      /PARLEY_METRICS_PORT must differ from PORT/,
    );
  });
});
