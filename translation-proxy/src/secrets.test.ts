import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, parseSecretKey, SecretsError } from './secrets.js';

const key = randomBytes(32);

describe('secret box', () => {
  it('opens what it sealed', () => {
    const box = createSecretBox(key);
    const secret = JSON.stringify({
      kind: 'deepl',
      authKey: 'f63c02c5-f056-4a5e-8b1c-1ee0d5a6d1d3:fx',
    });
    expect(box.open(box.seal(secret))).toBe(secret);
  });

  it('never stores the plaintext, and seals the same text differently each time', () => {
    const box = createSecretBox(key);
    const first = box.seal('zendesk-api-token-123');
    expect(first).not.toContain('zendesk-api-token-123');
    expect(box.seal('zendesk-api-token-123')).not.toBe(first);
  });

  it('refuses to open a secret sealed with another key', () => {
    const sealed = createSecretBox(key).seal('token');
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow(/differs from the key/);
  });

  it('refuses a tampered secret', () => {
    const sealed = createSecretBox(key).seal('token');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => createSecretBox(key).open(tampered)).toThrow(SecretsError);
  });

  it('explains how to set a key when none is configured', () => {
    expect(() => createSecretBox(undefined).seal('token')).toThrow(/PARLEY_SECRET_KEY/);
  });

  it('reads keys as hex or base64 and rejects other lengths', () => {
    expect(parseSecretKey(key.toString('hex'))).toEqual(key);
    expect(parseSecretKey(key.toString('base64'))).toEqual(key);
    expect(() => parseSecretKey('too-short')).toThrow(/32 bytes/);
  });
});
