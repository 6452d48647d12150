import { describe, expect, it } from 'vitest';
import { findIpAddresses, isIpv6 } from './ip.js';

const values = (text: string) =>
  findIpAddresses(text).map(({ start, end }) => text.slice(start, end));

describe('findIpAddresses', () => {
  it('finds IPv4 addresses, without the sentence full stop', () => {
    expect(values('Bloqueado desde 203.0.113.7 y 192.168.1.20.')).toEqual([
      '203.0.113.7',
      '192.168.1.20',
    ]);
  });

  it.each([
    ['compressed', '2001:db8::8a2e:370:7334'],
    ['full', '2001:0db8:85a3:0000:0000:8a2e:0370:7334'],
    ['link-local', 'fe80::1ff:fe23:4567:890a'],
    ['with an embedded IPv4 address', '::ffff:192.0.2.1'],
  ])('finds an IPv6 address, %s', (_, address) => {
    expect(values(`Server ${address} refused it`)).toEqual([address]);
  });

  it('leaves octets over 255, version numbers and longer dotted runs alone', () => {
    expect(values('256.1.1.1, v1.2.3.4, 1.2.3.4.5, build 10.0.19045.3803')).toEqual([]);
  });

  it('leaves clock times and a doubled :: alone', () => {
    expect(values('at 10:30:45')).toEqual([]);
    expect(isIpv6('2001:db8::1::2')).toBe(false);
  });
});
