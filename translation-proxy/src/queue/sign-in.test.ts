// Translators signing in to the queue, over HTTP (inject) against a real proxy and SQLite: the
// limits per address and per account, a trusted reverse proxy, the session cookie's Secure flag,
// rehashing old password hashes, and disabled accounts.
import { afterEach, describe, expect, it } from 'vitest';
import type { Proxy } from '../compose.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { createTranslator } from '../../../tests/fault/replies-support.js';
import { startTestProxy, TEST_PASSWORD_COST } from '../../../tests/support/proxy.js';

let proxy: Proxy;
afterEach(async () => {
  await proxy?.close();
});

interface Attempt {
  email: string;
  password: string;
  remoteAddress?: string;
  headers?: Record<string, string>;
}

const login = ({ email, password, remoteAddress = '127.0.0.1', headers = {} }: Attempt) =>
  proxy.app.inject({
    method: 'POST',
    url: '/v1/queue/login',
    payload: { email, password },
    remoteAddress,
    headers,
  });

describe('sign-in limits', () => {
  it('holds an account back after ten failures, even from ten different addresses', async () => {
    proxy = await startTestProxy();
    await createTranslator(proxy, 'ines@translators.example', 'the-right-password');
    for (let i = 0; i < 10; i++) {
      const guess = await login({
        email: 'Ines@translators.example',
        password: `guess-${i}`,
        remoteAddress: `198.51.100.${i + 1}`,
      });
      expect(guess.statusCode).toBe(401);
    }
    const held = await login({
      email: 'ines@translators.example',
      password: 'the-right-password',
      remoteAddress: '198.51.100.99',
    });
    expect(held.statusCode).toBe(429);
    expect(held.json().error.code).toBe('rate_limited');
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(60);
  });

  it('does not count successful sign-ins against the account', async () => {
    proxy = await startTestProxy();
    await createTranslator(proxy, 'jon@translators.example', 'the-right-password');
    for (let i = 0; i < 12; i++) {
      const response = await login({
        email: 'jon@translators.example',
        password: 'the-right-password',
        remoteAddress: `198.51.100.${i + 1}`,
      });
      expect(response.statusCode).toBe(200);
    }
  });

  const tenAttemptsThenAnother = async (another: Attempt) => {
    for (let i = 0; i < 10; i++)
      await login({
        email: `nobody-${i}@translators.example`,
        password: 'guess',
        headers: { 'x-forwarded-for': '203.0.113.10' },
      });
    return login(another);
  };

  it('limits each client of a trusted reverse proxy on its own', async () => {
    proxy = await startTestProxy({ PARLEY_TRUST_PROXY: '127.0.0.1' });
    const other = await tenAttemptsThenAnother({
      email: 'someone@translators.example',
      password: 'guess',
      headers: { 'x-forwarded-for': '203.0.113.20' },
    });
    expect(other.statusCode).toBe(401);
  });

  it('believes no X-Forwarded-For without a trusted proxy: it is one client', async () => {
    proxy = await startTestProxy();
    const other = await tenAttemptsThenAnother({
      email: 'someone@translators.example',
      password: 'guess',
      headers: { 'x-forwarded-for': '203.0.113.20' },
    });
    expect(other.statusCode).toBe(429);
  });
});

describe('the session cookie', () => {
  const cookieOf = async (attempt: Omit<Attempt, 'email' | 'password'>) => {
    await createTranslator(proxy, 'kim@translators.example', 'the-right-password');
    const response = await login({
      email: 'kim@translators.example',
      password: 'the-right-password',
      ...attempt,
    });
    expect(response.statusCode).toBe(200);
    return String(response.headers['set-cookie']);
  };

  it('is Secure for a browser on another machine, even over plain http', async () => {
    proxy = await startTestProxy();
    const cookie = await cookieOf({
      remoteAddress: '192.0.2.30',
      headers: { host: 'parley.example.com' },
    });
    expect(cookie).toMatch(/; Secure(;|$)/);
    expect(cookie).toMatch(/; HttpOnly(;|$)/);
    expect(cookie).toMatch(/; SameSite=Strict(;|$)/);
  });

  it('is Secure behind a trusted reverse proxy on this machine', async () => {
    proxy = await startTestProxy({ PARLEY_TRUST_PROXY: 'loopback' });
    const cookie = await cookieOf({
      headers: {
        host: '127.0.0.1:8787',
        'x-forwarded-for': '192.0.2.30',
        'x-forwarded-proto': 'https',
      },
    });
    expect(cookie).toMatch(/; Secure(;|$)/);
  });

  it('is Secure for a rebound name pointing at 127.0.0.1', async () => {
    proxy = await startTestProxy();
    const cookie = await cookieOf({ headers: { host: 'rebind.attacker.example:8787' } });
    expect(cookie).toMatch(/; Secure(;|$)/);
  });

  it('is plain only for http development on this machine', async () => {
    proxy = await startTestProxy();
    const cookie = await cookieOf({ headers: { host: '127.0.0.1:8787' } });
    expect(cookie).not.toContain('Secure');
  });
});

describe('password hashes at sign-in', () => {
  it('replaces a hash made at an older cost, keeping the password', async () => {
    proxy = await startTestProxy();
    const old = await hashPassword('the-right-password', { N: 2 ** 9, r: 8, p: 1 });
    const translator = await proxy.store.translators.create({
      email: 'lee@translators.example',
      name: 'Lee',
      passwordHash: old,
    });
    expect(
      (await login({ email: 'lee@translators.example', password: 'the-right-password' }))
        .statusCode,
    ).toBe(200);
    const stored = (await proxy.store.translators.get(translator.id))!.passwordHash;
    expect(stored.startsWith(`scrypt$${TEST_PASSWORD_COST.N}$8$1$`)).toBe(true);
    expect(await verifyPassword('the-right-password', stored)).toBe(true);
  });

  it('keeps a hash already at the current cost', async () => {
    proxy = await startTestProxy();
    const translator = await createTranslator(
      proxy,
      'max@translators.example',
      'the-right-password',
    );
    await login({ email: 'max@translators.example', password: 'the-right-password' });
    expect((await proxy.store.translators.get(translator.id))!.passwordHash).toBe(
      translator.passwordHash,
    );
  });
});

describe('a disabled translator', () => {
  it('cannot sign in, and is told so only with the right password', async () => {
    proxy = await startTestProxy();
    const translator = await createTranslator(
      proxy,
      'ned@translators.example',
      'the-right-password',
    );
    await proxy.store.translators.setDisabled(translator.id, true);
    const wrong = await login({ email: 'ned@translators.example', password: 'a-wrong-password' });
    expect(wrong.json().error.code).toBe('invalid_credentials');
    const right = await login({ email: 'ned@translators.example', password: 'the-right-password' });
    expect(right.statusCode).toBe(401);
    expect(right.json().error).toEqual({
      code: 'unauthorized',
      message: 'This translator account is disabled; ask your admin.',
    });
    expect(right.headers['set-cookie']).toBeUndefined();
  });

  it('loses the sessions it had', async () => {
    proxy = await startTestProxy();
    const translator = await createTranslator(
      proxy,
      'ola@translators.example',
      'the-right-password',
    );
    const signedIn = await login({
      email: 'ola@translators.example',
      password: 'the-right-password',
    });
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
    const me = () => proxy.app.inject({ url: '/v1/queue/me', headers: { cookie } });
    expect((await me()).statusCode).toBe(200);
    await proxy.store.translators.setDisabled(translator.id, true);
    expect((await me()).statusCode).toBe(401);
  });
});
