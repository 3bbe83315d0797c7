import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';

import { LANGUAGES, USER_ROLES } from '../db/schema.js';
import { IdParams, ItemsOf, VersionField, errorResponses } from '../server/schemas.js';
import { expectedVersionOf, withVersionCheck } from '../server/versioning.js';
import { type UserInput, createUser, getUser, listUsers, updateUser } from './user.service.js';

const userFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.String({ format: 'email', maxLength: 320 }),
  password: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
  role: Type.Optional(Type.Union(USER_ROLES.map((role) => Type.Literal(role)))),
  language: Type.Optional(Type.Union(LANGUAGES.map((language) => Type.Literal(language)))),
  availableForDistribution: Type.Optional(Type.Boolean()),
  active: Type.Optional(Type.Boolean()),
};

const UserCreateBody = Type.Object(userFields, { additionalProperties: false });
const UserUpdateBody = Type.Object(
  {
    ...userFields,
    name: Type.Optional(userFields.name),
    email: Type.Optional(userFields.email),
    version: Type.Optional(VersionField),
  },
  { additionalProperties: false },
);

export async function userRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/users',
    { schema: { tags: ['users'], summary: 'All users, for owner pickers and administration', response: { 200: ItemsOf(Type.Ref('User')), ...errorResponses } } },
    async () => ({ items: await listUsers(app.db) }),
  );

  app.get(
    '/api/users/:id',
    { schema: { tags: ['users'], params: IdParams, response: { 200: Type.Ref('User'), ...errorResponses } } },
    async (request) => getUser(app.db, (request.params as { id: number }).id),
  );

  app.post(
    '/api/users',
    {
      config: { admin: true },
      schema: { tags: ['users'], summary: 'Create a user (administrators only)', body: UserCreateBody, response: { 201: Type.Ref('User'), ...errorResponses } },
    },
    async (request, reply) => {
      const user = await app.db.transaction().execute((trx) => createUser(trx, request.actor, request.body as UserInput));
      return reply.code(201).send(user);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { admin: true },
      schema: {
        tags: ['users'],
        summary: 'Change a user, reset a password or deactivate (administrators only)',
        params: IdParams,
        body: UserUpdateBody,
        response: { 200: Type.Ref('User'), ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const { version: bodyVersion, ...patch } = request.body as Partial<UserInput> & { version?: number };
      const { version, fromHeader } = expectedVersionOf(request, bodyVersion);
      return withVersionCheck(fromHeader, () => app.db.transaction().execute((trx) => updateUser(trx, request.actor, id, patch, version)));
    },
  );
}
