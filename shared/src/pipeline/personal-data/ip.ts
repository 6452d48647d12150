/**
 * IP addresses: IPv4 in dotted decimal with valid octets, and IPv6 in its RFC 4291 text forms
 * (`2001:db8::8a2e:370:7334`, `::ffff:192.0.2.1`). Version numbers (`v1.2.3.4`, `1.2.3.4.5`)
 * and clock times (`10:30:45`) are not addresses.
 */
import type { PersonalDataSpan } from './span.js';

const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
const IPV4 = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.])(?:${OCTET}\.){3}${OCTET}(?![\p{L}\p{N}_]|\.\d)`,
  'gu',
);
const IPV4_WHOLE = new RegExp(String.raw`^(?:${OCTET}\.){3}${OCTET}$`);

// A run of hex digits, colons and dots (the dots of an embedded IPv4), checked by isIpv6.
const IPV6_CANDIDATE = /(?<![\p{L}\p{N}_:.])[0-9A-Fa-f:.]{3,45}(?![\p{L}\p{N}_:])/gu;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

export function isIpv6(candidate: string): boolean {
  const halves = candidate.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  const last = groups[groups.length - 1]!;
  // An embedded IPv4 address stands for the last two groups.
  const embedsIpv4 = last.length > 0 && last[last.length - 1]!.includes('.');
  if (embedsIpv4 && !IPV4_WHOLE.test(last.pop()!)) return false;
  const count = groups.flat().length + (embedsIpv4 ? 2 : 0);
  if (!groups.flat().every((group) => HEX_GROUP.test(group))) return false;
  // `::` alone or `a::b` is more often prose or code than an address anyone wrote down.
  return halves.length === 2 ? count >= 3 && count <= 7 : count === 8;
}

export function findIpAddresses(text: string): PersonalDataSpan[] {
  const ipv6: PersonalDataSpan[] = [];
  // The candidate pattern also matches hex-only words (`cafe`, `added`): skip it without a colon.
  for (const match of text.includes(':') ? text.matchAll(IPV6_CANDIDATE) : []) {
    // A sentence's full stop after the address is not part of it.
    const candidate = match[0].replace(/\.+$/, '');
    if (candidate.includes(':') && isIpv6(candidate))
      ipv6.push({ start: match.index, end: match.index + candidate.length, kind: 'ip' });
  }
  const spans = [...ipv6];
  let next = 0;
  for (const match of text.matchAll(IPV4)) {
    const end = match.index + match[0].length;
    while (next < ipv6.length && ipv6[next]!.end < end) next++;
    // The IPv4 tail of `::ffff:192.0.2.1` is part of the IPv6 address already found.
    if (next < ipv6.length && ipv6[next]!.start <= match.index) continue;
    spans.push({ start: match.index, end, kind: 'ip' });
  }
  return spans.sort((a, b) => a.start - b.start);
}
