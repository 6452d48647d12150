// Where engine connections may go once a name is resolved: the check behind every engine's
// default HTTP client.
import { promisify } from 'node:util';
import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { guardedLookup } from './engine-urls.js';

const resolveAll = promisify(
  (host: string, done: (error: Error | null, addresses?: LookupAddress[]) => void) =>
    guardedLookup(host, { all: true }, (error, addresses) =>
      done(error, addresses as LookupAddress[]),
    ),
);
const resolveOne = promisify(
  (host: string, done: (error: Error | null, address?: string) => void) =>
    guardedLookup(host, {}, (error, address) => done(error, address as string)),
);

describe('resolving an engine host', () => {
  it('answers like dns.lookup for an ordinary name, one address or all', async () => {
    expect(await resolveOne('localhost')).toMatch(/^(127\.0\.0\.1|::1)$/);
    expect(((await resolveAll('localhost')) ?? []).map(({ address }) => address)).toContain(
      '127.0.0.1',
    );
  });

  it('fails for a link-local or metadata address, however the caller asks', async () => {
    for (const host of ['169.254.169.254', 'fe80::1', 'fd00:ec2::254']) {
      await expect(resolveAll(host), host).rejects.toThrow(
        `${host} resolves to a link-local address or a cloud metadata service`,
      );
      await expect(resolveOne(host), host).rejects.toThrow(/link-local/);
    }
  });
});
