// Which addresses and host names count as this machine, for the development conveniences.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, isLoopbackName, isLoopbackRequest } from './loopback.js';

describe('loopback addresses and names', () => {
  it('knows the IPv4 and IPv6 loopback addresses, mapped ones included', () => {
    for (const address of ['127.0.0.1', '127.3.2.1', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])
      expect(isLoopbackAddress(address), address).toBe(true);
  });

  it('refuses every other address', () => {
    for (const address of ['10.0.0.1', '0.0.0.0', '::', '::ffff:10.0.0.1', 'fe80::1', '128.0.0.1'])
      expect(isLoopbackAddress(address), address).toBe(false);
  });

  it('knows localhost and bracketed IPv6 names, and nothing else', () => {
    expect(['localhost', 'LOCALHOST', '127.0.0.1', '[::1]'].map(isLoopbackName)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(
      ['0.0.0.0', 'localhost.attacker.example', 'attacker.example'].map(isLoopbackName),
    ).toEqual([false, false, false]);
  });
});

describe('loopback requests', () => {
  const app = Fastify();
  app.get('/', async (request) => ({ loopback: isLoopbackRequest(request) }));
  const loopback = async (remoteAddress: string, host: string) =>
    (await app.inject({ url: '/', remoteAddress, headers: { host } })).json().loopback;

  it('needs both a loopback client address and a loopback Host header', async () => {
    expect(await loopback('127.0.0.1', 'localhost:8787')).toBe(true);
    expect(await loopback('::1', '[::1]:8787')).toBe(true);
    expect(await loopback('127.0.0.1', 'rebound.attacker.example:8787')).toBe(false);
    expect(await loopback('192.0.2.10', '127.0.0.1:8787')).toBe(false);
  });

  it('does not believe X-Forwarded-For without a trusted proxy', async () => {
    const response = await app.inject({
      url: '/',
      remoteAddress: '192.0.2.10',
      headers: { host: 'localhost', 'x-forwarded-for': '127.0.0.1' },
    });
    expect(response.json().loopback).toBe(false);
  });
});
