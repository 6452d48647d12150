/**
 * Translator passwords: scrypt (node:crypto) with a random salt, compared in constant time. The
 * stored form carries its own cost, so hashes made at an older cost still verify and are
 * replaced at sign-in (see `needsRehash`).
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** Current guidance (OWASP Password Storage Cheat Sheet): N = 2^17, r = 8, p = 1, ~128 MiB. */
export const SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

const KEY_LENGTH = 32;
// A stored hash is data: a forged or corrupted cost must not make one sign-in take more than
// twice the guidance's memory (128·N·r bytes: 256 MiB) or time.
const MAX_COST: ScryptCost = { N: 2 ** 18, r: 8, p: 2 };

const derive = (password: string, salt: Buffer, length: number, cost: ScryptCost) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      length,
      // Node refuses more than 32 MiB by default; scrypt needs 128·N·r bytes.
      { ...cost, maxmem: 256 * cost.N * cost.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );

/** `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string, cost = SCRYPT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, KEY_LENGTH, cost);
  return [
    'scrypt',
    cost.N,
    cost.r,
    cost.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

function parse(stored: string) {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const valid =
    scheme === 'scrypt' &&
    rest.length === 0 &&
    Boolean(salt) &&
    Boolean(hash) &&
    Number.isInteger(Math.log2(cost.N)) &&
    cost.N >= 2 &&
    cost.N <= MAX_COST.N &&
    [cost.r, cost.p].every(Number.isInteger) &&
    cost.r >= 1 &&
    cost.r <= MAX_COST.r &&
    cost.p >= 1 &&
    cost.p <= MAX_COST.p;
  return valid
    ? { cost, salt: Buffer.from(salt!, 'base64url'), hash: Buffer.from(hash!, 'base64url') }
    : undefined;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.hash.length === 0) return false;
  const key = await derive(password, parsed.salt, parsed.hash.length, parsed.cost);
  return timingSafeEqual(key, parsed.hash);
}

/** Whether a hash that just verified was made at another cost than `cost`, and should be replaced. */
export function needsRehash(stored: string, cost = SCRYPT_COST): boolean {
  const parsed = parse(stored);
  return (
    !parsed || parsed.cost.N !== cost.N || parsed.cost.r !== cost.r || parsed.cost.p !== cost.p
  );
}

const dummies = new Map<string, Promise<string>>();

/**
 * A hash at `cost` to compare against when the email is unknown, so that the time taken does not
 * tell which emails exist. Made once per cost, on first use.
 */
export function dummyHash(cost = SCRYPT_COST): Promise<string> {
  const id = `${cost.N}$${cost.r}$${cost.p}`;
  let dummy = dummies.get(id);
  if (!dummy) {
    dummy = hashPassword(randomBytes(16).toString('hex'), cost);
    dummies.set(id, dummy);
  }
  return dummy;
}
