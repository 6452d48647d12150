/**
 * What counts as "this machine": loopback addresses and host names. Development conveniences
 * (the playground's dev key, session cookies over plain http) are offered only to requests whose
 * client address and Host header are both loopback, so that neither another machine nor a page
 * on a rebound DNS name (which keeps its own Host) gets them.
 */
import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';

/** 127.0.0.0/8 and ::1, also in their IPv4-mapped IPv6 form. */
export function isLoopbackAddress(address: string): boolean {
  const ip = address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (isIP(ip) === 4) return ip.startsWith('127.');
  if (isIP(ip) === 6) return /^(0{0,4}:){2,7}0{0,3}1$/.test(ip);
  return false;
}

/** `localhost` or a loopback address (`HOST`, or a Host header's name without its port). */
export function isLoopbackName(name: string): boolean {
  const bare = name.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return bare === 'localhost' || isLoopbackAddress(bare);
}

/** The name in a Host header (`name:port`, `[v6]:port`), without the port. */
function hostName(header: string): string {
  const bracketed = /^\[[^\]]*\]/.exec(header);
  return bracketed ? bracketed[0] : (header.split(':')[0] ?? '');
}

/**
 * A request from this machine to this machine by a loopback name. `request.ip` is the socket's
 * peer, or the client a trusted proxy (PARLEY_TRUST_PROXY) reports; never a header otherwise.
 */
export function isLoopbackRequest(request: FastifyRequest): boolean {
  const host = request.headers.host;
  return isLoopbackAddress(request.ip) && host !== undefined && isLoopbackName(hostName(host));
}
