/**
 * Encryption at rest for tenant secrets (engine API keys, helpdesk credentials): AES-256-GCM
 * with a key from `PARLEY_SECRET_KEY`. The stored form is `v1.<iv>.<tag>.<ciphertext>`
 * (base64url), so a future key rotation can tell versions apart.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export class SecretsError extends Error {
  override readonly name = 'SecretsError';
}

/** Reads a 32-byte key given as 64 hex characters or as base64/base64url. */
export function parseSecretKey(raw: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64url');
  if (key.length !== 32)
    throw new SecretsError(
      'PARLEY_SECRET_KEY must be 32 bytes, as 64 hex characters or base64 (openssl rand -hex 32)',
    );
  return key;
}

export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export function createSecretBox(key: Buffer | undefined): SecretBox {
  const requireKey = (): Buffer => {
    if (!key)
      throw new SecretsError(
        'Storing credentials needs PARLEY_SECRET_KEY (32 bytes: openssl rand -hex 32); none is set.',
      );
    return key;
  };
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', requireKey(), iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), ciphertext]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [version, iv, tag, ciphertext] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || ciphertext === undefined)
        throw new SecretsError('a stored secret is not in the expected format');
      const decipher = createDecipheriv('aes-256-gcm', requireKey(), Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      try {
        return Buffer.concat([
          decipher.update(Buffer.from(ciphertext, 'base64url')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new SecretsError(
          'a stored secret cannot be decrypted: PARLEY_SECRET_KEY differs from the key it was stored with',
        );
      }
    },
  };
}
