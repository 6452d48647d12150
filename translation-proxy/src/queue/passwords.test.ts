// Translator password hashes: the cost they are made at, and hashes from older costs.
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, SCRYPT_COST, verifyPassword } from './passwords.js';

const LOW = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashes', () => {
  it('are made at the current guidance by default: scrypt N = 2^17, r = 8, p = 1', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(needsRehash(stored)).toBe(false);
  });

  it('carry their cost, so a hash made at another cost still verifies and is due a rehash', async () => {
    const old = await hashPassword('correct horse battery', LOW);
    expect(old.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('correct horse battery', old)).toBe(true);
    expect(await verifyPassword('correct horse battery!', old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(old, LOW)).toBe(false);
    expect(SCRYPT_COST).toEqual({ N: 2 ** 17, r: 8, p: 1 });
  });

  it('refuses a stored hash whose cost is forged or broken, without computing it', async () => {
    const old = await hashPassword('correct horse battery', LOW);
    const [, , , , salt, hash] = old.split('$');
    for (const cost of ['1073741824$8$1', '1000$8$1', '1024$64$1', '1024$8$0', 'x$8$1'])
      expect(await verifyPassword('correct horse battery', `scrypt$${cost}$${salt}$${hash}`)).toBe(
        false,
      );
    expect(await verifyPassword('correct horse battery', 'bcrypt$whatever')).toBe(false);
  });
});
