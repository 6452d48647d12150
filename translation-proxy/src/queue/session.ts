/**
 * Translator sessions: an opaque random id in the `parley_session` cookie (HttpOnly,
 * SameSite=Strict, Secure), stored as a SHA-256 digest, with a per-session CSRF token that every
 * POST but login must echo in `x-csrf-token`.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import { isLoopbackRequest } from '../loopback.js';
import type { Store } from '../store/index.js';

export const SESSION_COOKIE = 'parley_session';
const SESSION_MS = 12 * 60 * 60_000;

const digest = (id: string): string => createHash('sha256').update(id).digest('hex');

/**
 * Secure always, except over plain http from a loopback client to a loopback Host (development at
 * http://127.0.0.1, where a browser may drop a Secure cookie). A reverse proxy on this machine is
 * named in PARLEY_TRUST_PROXY, so that its requests count as its client's, not as loopback.
 */
const cookieOptions = (request: FastifyRequest, maxAgeSeconds: number): CookieSerializeOptions => ({
  path: '/',
  httpOnly: true,
  sameSite: 'strict',
  maxAge: maxAgeSeconds,
  secure: !(request.protocol === 'http' && isLoopbackRequest(request)),
});

export async function startSession(
  store: Store,
  translatorId: string,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  // Each sign-in clears out expired sessions: no separate sweeper needed.
  await store.translators.purgeExpiredSessions();
  await store.translators.createSession(
    digest(id),
    translatorId,
    csrfToken,
    Date.now() + SESSION_MS,
  );
  void reply.setCookie(SESSION_COOKIE, id, cookieOptions(request, SESSION_MS / 1000));
  return csrfToken;
}

export async function endSession(store: Store, request: FastifyRequest, reply: FastifyReply) {
  const id = request.cookies[SESSION_COOKIE];
  if (id) await store.translators.deleteSession(digest(id));
  void reply.setCookie(SESSION_COOKIE, '', cookieOptions(request, 0));
}

/** The session the request's cookie names, if it is valid; no CSRF check (for reads only). */
export async function currentSession(
  store: Store,
  request: FastifyRequest,
): Promise<{ translatorId: string; csrfToken: string } | undefined> {
  const id = request.cookies[SESSION_COOKIE];
  return id ? await store.translators.session(digest(id)) : undefined;
}

/** The signed-in translator, checking the CSRF token on state-changing requests. */
export async function requireSession(
  store: Store,
  request: FastifyRequest,
): Promise<{ translatorId: string; csrfToken: string }> {
  const session = await currentSession(store, request);
  if (!session) throw new ApiError('unauthorized', 'Sign in to the translators’ workspace first.');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const sent = request.headers['x-csrf-token'];
    const given = Buffer.from(typeof sent === 'string' ? sent : '');
    const expected = Buffer.from(session.csrfToken);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new ApiError(
        'csrf_failed',
        'Missing or wrong x-csrf-token header; reload the workspace.',
      );
  }
  return session;
}
