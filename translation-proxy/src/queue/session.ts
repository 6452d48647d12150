/**
 * Translator sessions: an opaque random id in the `parley_session` cookie (HttpOnly,
 * SameSite=Strict, Secure), stored as a SHA-256 digest, with a per-session CSRF token that every
 * POST but login must echo in `x-csrf-token`. Routes that need a signed-in translator are
 * registered in a context with the `signedInTranslator` plugin: one hook checks the session for
 * all of them, so no handler can forget to.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
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

export interface TranslatorSession {
  translatorId: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in translator: set only on routes registered behind `signedInTranslator`. */
    translatorSession: TranslatorSession;
  }
}

/** The session the request's cookie names, if it is valid; no CSRF check (for reads only). */
export async function currentSession(
  store: Store,
  request: FastifyRequest,
): Promise<TranslatorSession | undefined> {
  const id = request.cookies[SESSION_COOKIE];
  return id ? await store.translators.session(digest(id)) : undefined;
}

/** The signed-in translator, checking the CSRF token on state-changing requests. */
async function requireSession(store: Store, request: FastifyRequest): Promise<TranslatorSession> {
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

/**
 * Guards every route of the context it is registered in (not wrapped in its own scope, so the
 * hook stays in the caller's): 401 `unauthorized` without a valid session, 403 `csrf_failed` on a
 * change without the session's token, else `request.translatorSession` for the handlers. A
 * preHandler, so that the request is validated first, as when each handler checked for itself.
 */
export const signedInTranslator = fp<{ store: Store }>(async (app, { store }) => {
  app.decorateRequest('translatorSession');
  app.addHook('preHandler', async (request) => {
    request.translatorSession = await requireSession(store, request);
  });
});
