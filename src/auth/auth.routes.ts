import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';

import { writeAuditEntry } from '../audit/audit-log.js';
import { LANGUAGES } from '../db/schema.js';
import { AppError, notFound } from '../errors/app-error.js';
import { IdParams, ItemsOf, errorResponses } from '../server/schemas.js';
import { toUser } from '../users/user.js';
import { findUserByEmail, setUserLanguage } from '../users/user.service.js';
import { verifyPassword } from './password.js';
import { SESSION_COOKIE, SESSION_LIFETIME_MS, createApiToken, createSession, deleteExpiredSessions, deleteSession } from './sessions.js';

export const UserSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    email: Type.String(),
    role: Type.Union([Type.Literal('administrator'), Type.Literal('user')]),
    language: Type.Union(LANGUAGES.map((language) => Type.Literal(language))),
    availableForDistribution: Type.Boolean(),
    active: Type.Boolean(),
    version: Type.Integer(),
  },
  { $id: 'User' },
);

const SessionSchema = Type.Object({ user: Type.Ref('User'), csrfToken: Type.String() });

const ApiTokenSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

// One scrypt hash takes tens of milliseconds. Hashing for unknown emails too keeps the response
// time from revealing which addresses have an account.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function authRoutes(app: FastifyInstance): Promise<void> {

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: Type.Object(
          { email: Type.String({ minLength: 1, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
          { additionalProperties: false },
        ),
        response: { 200: SessionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body as { email: string; password: string };
      const user = await findUserByEmail(app.db, email);
      const valid = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
      if (!user || !user.password_hash || !valid || !user.active) {
        request.log.info({ event: 'login_failed' }, 'sign-in rejected');
        throw new AppError('INVALID_CREDENTIALS', 'the email address or password is incorrect');
      }

      await deleteExpiredSessions(app.db);
      const session = await createSession(app.db, user.id);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        maxAge: SESSION_LIFETIME_MS / 1000,
      });
      request.log.info({ event: 'login', userId: user.id }, 'signed in');
      return { user: toUser(user), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Sign out and end the session', response: { 204: Type.Null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(app.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user and the CSRF token for writes', response: { 200: SessionSchema, ...errorResponses } } },
    async (request) => ({ user: toUser(request.user), csrfToken: request.csrfToken }),
  );

  app.patch(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: "Change the signed-in user's interface language",
        body: Type.Object({ language: Type.Union(LANGUAGES.map((language) => Type.Literal(language))) }, { additionalProperties: false }),
        response: { 200: Type.Ref('User'), ...errorResponses },
      },
    },
    async (request) => {
      const { language } = request.body as { language: 'nl' | 'en' };
      return setUserLanguage(app.db, request.user.id, language);
    },
  );

  app.get(
    '/api/auth/tokens',
    { schema: { tags: ['auth'], summary: "The signed-in user's API tokens", response: { 200: ItemsOf(ApiTokenSchema), ...errorResponses } } },
    async (request) => {
      const rows = await app.db.selectFrom('api_tokens').selectAll().where('user_id', '=', request.user.id).orderBy('id').execute();
      return {
        items: rows.map((row) => ({
          id: row.id,
          name: row.name,
          createdAt: row.created_at.toISOString(),
          lastUsedAt: row.last_used_at?.toISOString() ?? null,
          revokedAt: row.revoked_at?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    '/api/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an API token for scripts; the token is shown only in this response',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Type.Integer(), name: Type.String(), token: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { name } = request.body as { name: string };
      const created = await app.db.transaction().execute(async (trx) => {
        const token = await createApiToken(trx, request.user.id, name);
        await writeAuditEntry(trx, request.actor, { entity: 'apiToken', entityId: token.id, action: 'create', changes: { name } });
        return token;
      });
      return reply.code(201).send({ id: created.id, name, token: created.token });
    },
  );

  app.delete(
    '/api/auth/tokens/:id',
    { schema: { tags: ['auth'], summary: 'Revoke an API token', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      await app.db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('api_tokens')
          .set({ revoked_at: new Date() })
          .where('id', '=', id)
          .where('user_id', '=', request.user.id)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw notFound('API token', id);
        await writeAuditEntry(trx, request.actor, { entity: 'apiToken', entityId: id, action: 'revoke', changes: {} });
      });
      return reply.code(204).send();
    },
  );
}
