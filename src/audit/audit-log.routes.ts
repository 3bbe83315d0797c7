import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';

import { NamedRef, NullableString, errorResponses } from '../server/schemas.js';
import { type AuditLogQuery, listAuditEntries } from './audit-log-list.js';

const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });

const AuditLogQuerySchema = Type.Object(
  {
    entity: Type.Optional(Type.String({ maxLength: 50, description: 'such as person, company, sale, category, leadStatus, user, selection, automationRules' })),
    entityId: Type.Optional(Type.Integer({ minimum: 0, maximum: 2147483647 })),
    userId: Type.Optional(Id),
    action: Type.Optional(Type.String({ maxLength: 50, description: 'such as create, update, delete, restore, reorder' })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'entries at or after this moment' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'entries before this moment' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 20, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);

const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  user: NamedRef,
  entity: Type.String(),
  entityId: Type.Integer(),
  action: Type.String(),
  changes: Type.Unknown({ description: 'the fields the change gave, as sent' }),
});

export async function auditLogRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/audit-log',
    {
      config: { admin: true },
      schema: {
        tags: ['audit log'],
        summary: 'Who changed what, newest first, a page at a time (administrators only)',
        querystring: AuditLogQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(AuditEntrySchema), nextCursor: NullableString }), ...errorResponses },
      },
    },
    async (request) => listAuditEntries(app.db, request.query as AuditLogQuery),
  );
}
