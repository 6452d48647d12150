/**
 * Where a tenant's engine settings may point the proxy: https only (plain http only with
 * PARLEY_ALLOW_HTTP_ENGINES=1, for local test engines), no credentials in the URL, and never a
 * link-local address or a cloud provider's metadata service, which hand out the credentials of
 * the machine the proxy runs on. The URL check sees only names; `guardedLookup` checks what a
 * name resolves to when an engine connects.
 */
import { lookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export interface EngineUrlPolicy {
  /** Accept plain-http engine URLs (PARLEY_ALLOW_HTTP_ENGINES=1). */
  allowHttp: boolean;
}

const FORBIDDEN = new BlockList();
FORBIDDEN.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local, with AWS, Azure, GCP metadata at .169.254
FORBIDDEN.addSubnet('fe80::', 10, 'ipv6'); // link-local
FORBIDDEN.addAddress('fd00:ec2::254', 'ipv6'); // AWS metadata over IPv6
FORBIDDEN.addAddress('100.100.100.200', 'ipv4'); // Alibaba Cloud metadata

const METADATA_NAMES = new Set([
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
]);

/** A link-local or metadata address, in any notation (IPv4-mapped IPv6 included). */
export function isForbiddenAddress(address: string): boolean {
  const version = isIP(address);
  return version !== 0 && FORBIDDEN.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

/** What is wrong with `raw` as an engine URL, or undefined when it may be used. */
export function engineUrlProblem(raw: string, policy: EngineUrlPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol === 'http:' && !policy.allowHttp)
    return 'must be https (plain http only with PARLEY_ALLOW_HTTP_ENGINES=1, for local test engines)';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be https';
  if (url.username || url.password)
    return 'must not carry credentials; use the engine’s key setting';
  // The URL parser has already turned 2852039166 or 0xa9fea9fe into 169.254.169.254.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (isForbiddenAddress(host) || METADATA_NAMES.has(host))
    return 'points at a link-local address or a cloud metadata service';
  return undefined;
}

/**
 * `dns.lookup` for the engines' HTTP agents: fails when a name resolves to a link-local or
 * metadata address (an engine URL whose DNS points there, or is rebound there later).
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    const forbidden = error
      ? undefined
      : addresses.find(({ address }) => isForbiddenAddress(address));
    const refusal =
      forbidden &&
      Object.assign(
        new Error(`${hostname} resolves to a link-local address or a cloud metadata service`),
        { code: 'EADDRNOTAVAIL' },
      );
    const failure =
      error ??
      refusal ??
      (addresses.length === 0 ? new Error(`${hostname} has no address`) : undefined);
    if (failure) callback(failure, '', 0);
    else if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};
