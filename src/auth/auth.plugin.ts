import { timingSafeEqual } from 'node:crypto';

import type { FastifyInstance, FastifyRequest } from 'fastify';

import { AppError } from '../errors/app-error.js';
import { API_TOKEN_PREFIX, SESSION_COOKIE, findApiTokenUser, findSession } from './sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new AppError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <token>"');
  return match[1];
}

/**
 * Authenticates every /api route that is not marked public: a bearer API token for scripts, or the
 * session cookie for the browser. Cookie-authenticated writes must also carry the session's CSRF
 * token in the X-CSRF-Token header, because a browser sends cookies along with forged requests too.
 */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('user', null as never);
  app.decorateRequest('actor', null as never);
  app.decorateRequest('authMethod', null);
  app.decorateRequest('csrfToken', '');

  // On request, before the body is read and checked, so that a client that is not signed in
  // learns nothing about what a route accepts.
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    if (config.public || !request.url.startsWith('/api/')) return;

    const token = bearerToken(request);
    if (token !== null) {
      const user = token.startsWith(API_TOKEN_PREFIX) ? await findApiTokenUser(app.db, token) : null;
      if (!user) throw new AppError('UNAUTHENTICATED', 'the API token is unknown or revoked; create a new one under your user');
      request.user = user;
      request.authMethod = 'token';
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      const session = cookie ? await findSession(app.db, cookie) : null;
      if (!session) throw new AppError('UNAUTHENTICATED', 'sign in first: POST /api/auth/login with email and password');
      if (!SAFE_METHODS.has(request.method)) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) {
          throw new AppError('CSRF_TOKEN_INVALID', 'send the csrfToken from /api/auth/me in the X-CSRF-Token header');
        }
      }
      request.user = session.user;
      request.authMethod = 'session';
      request.csrfToken = session.csrfToken;
    }

    request.actor = {
      userId: request.user.id,
      language: request.user.language,
      role: request.user.role,
      source: request.authMethod === 'token' ? 'api' : 'edit',
    };
    request.log = request.log.child({ userId: request.user.id });

    if (config.admin && request.user.role !== 'administrator') {
      throw new AppError('FORBIDDEN', 'only administrators may do this');
    }
  });
}
