import { Type } from '@sinclair/typebox';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

import type { Actor } from '../auth/actor.js';

import { BULK_UPDATE_OUTCOMES, BULK_UPDATE_STATUSES } from '../db/schema.js';
import { IdParams, NullableString, OrNull, errorResponses } from '../server/schemas.js';
import {
  type BulkChanges,
  type BulkTarget,
  type CompanyBulkChanges,
  previewCompanyBulkUpdate,
  startCompanyBulkUpdate,
  getBulkUpdate,
  listBulkUpdateRecords,
  previewBulkUpdate,
  runBulkUpdate,
  startBulkUpdate,
  stopBulkUpdate,
} from './bulk-update.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((value) => Type.Literal(value)));
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });

const TargetSchema = Type.Object(
  {
    selectionId: Type.Optional(Id),
    filter: Type.Optional(Type.Unknown({ description: 'criteria sets, as the list filter takes them' })),
    ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 10_000 })),
  },
  { additionalProperties: false, description: 'exactly one of selectionId, filter or ids' },
);

const CompanyBulkBody = Type.Object(
  {
    target: TargetSchema,
    changes: Type.Object({ categoryId: Type.Union([Id, Type.Null()]) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

const BulkBody = Type.Object(
  {
    target: TargetSchema,
    changes: Type.Object(
      { leadStatusId: Type.Optional(Id), ownerId: Type.Optional(Type.Union([Id, Type.Null()])) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

const PreviewSchema = Type.Object({
  total: Type.Integer(),
  change: Type.Integer({ description: 'persons the update would change' }),
  unchanged: Type.Integer({ description: 'persons that already have the values' }),
  refused: Type.Array(Type.Object({ reason: Type.Literal('leadStatusNotEnabled'), count: Type.Integer() })),
});

const StateSchema = Type.Object({
  id: Type.Integer(),
  status: literals(BULK_UPDATE_STATUSES),
  changes: Type.Object({
    leadStatusId: Type.Optional(Type.Integer()),
    ownerId: Type.Optional(OrNull(Type.Integer())),
    categoryId: Type.Optional(OrNull(Type.Integer())),
  }),
  total: Type.Integer(),
  done: Type.Integer(),
  changed: Type.Integer(),
  unchanged: Type.Integer(),
  refused: Type.Integer(),
  createdAt: Type.String(),
  finishedAt: NullableString,
});

/** Bulk updates of persons and companies: preview, start, follow, stop, and the per-record log. */
export async function bulkUpdateRoutes(app: FastifyInstance): Promise<void> {
  /** Runs a started bulk update after the response; a failure marks it interrupted. */
  const runInBackground = (id: number, actor: Actor, log: FastifyBaseLogger) => {
    runBulkUpdate(app.db, actor, id).catch(async (error: unknown) => {
      log.error({ err: error, bulkUpdateId: id }, 'bulk update failed');
      await app.db.updateTable('bulk_updates').set({ status: 'interrupted', finished_at: new Date() }).where('id', '=', id).execute().catch(() => undefined);
    });
  };

  app.post(
    '/api/persons/bulk-update/preview',
    {
      schema: {
        tags: ['bulk updates'],
        summary: 'How many persons a bulk update would change, leave as they are, or cannot change and why',
        body: BulkBody,
        response: { 200: PreviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { target, changes } = request.body as { target: BulkTarget; changes: BulkChanges };
      return previewBulkUpdate(app.db, request.actor, target, changes);
    },
  );

  app.post(
    '/api/persons/bulk-update',
    {
      schema: {
        tags: ['bulk updates'],
        summary: 'Start a bulk update; it runs in batches of 500 persons, each in its own transaction',
        body: BulkBody,
        response: { 202: StateSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { target, changes } = request.body as { target: BulkTarget; changes: BulkChanges };
      const actor = { ...request.actor, source: 'bulkUpdate' as const };
      const id = await startBulkUpdate(app.db, actor, target, changes);
      runInBackground(id, actor, request.log);
      return reply.code(202).send(await getBulkUpdate(app.db, request.actor, id));
    },
  );

  app.post(
    '/api/companies/bulk-update/preview',
    {
      schema: {
        tags: ['bulk updates'],
        summary: 'How many companies a bulk category change would move, and how many of their persons it touches',
        body: CompanyBulkBody,
        response: {
          200: Type.Object({ total: Type.Integer(), change: Type.Integer(), unchanged: Type.Integer(), persons: Type.Integer() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { target, changes } = request.body as { target: BulkTarget; changes: CompanyBulkChanges };
      return previewCompanyBulkUpdate(app.db, request.actor, target, changes);
    },
  );

  app.post(
    '/api/companies/bulk-update',
    {
      schema: {
        tags: ['bulk updates'],
        summary: "Start a bulk category change; it runs in batches of 100 companies, each with its persons' lead statuses",
        body: CompanyBulkBody,
        response: { 202: StateSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { target, changes } = request.body as { target: BulkTarget; changes: CompanyBulkChanges };
      const actor = { ...request.actor, source: 'bulkUpdate' as const };
      const id = await startCompanyBulkUpdate(app.db, actor, target, changes);
      runInBackground(id, actor, request.log);
      return reply.code(202).send(await getBulkUpdate(app.db, request.actor, id));
    },
  );

  app.get(
    '/api/bulk-updates/:id',
    { schema: { tags: ['bulk updates'], summary: 'Progress and counts of a bulk update', params: IdParams, response: { 200: StateSchema, ...errorResponses } } },
    async (request) => getBulkUpdate(app.db, request.actor, (request.params as { id: number }).id),
  );

  app.post(
    '/api/bulk-updates/:id/stop',
    {
      schema: {
        tags: ['bulk updates'],
        summary: 'Stop a bulk update after the batch it is working on; persons not reached stay as they were',
        params: IdParams,
        response: { 200: StateSchema, ...errorResponses },
      },
    },
    async (request) => stopBulkUpdate(app.db, request.actor, (request.params as { id: number }).id),
  );

  app.get(
    '/api/bulk-updates/:id/records',
    {
      schema: {
        tags: ['bulk updates'],
        summary: 'The outcome for each person or company a bulk update handled, in id order',
        params: IdParams,
        querystring: Type.Object({ after: Type.Optional(Id), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                recordId: Type.Integer({ description: 'the person or company id' }),
                name: NullableString,
                outcome: literals(BULK_UPDATE_OUTCOMES),
                reason: NullableString,
                doneAt: Type.String(),
              }),
            ),
            nextAfter: OrNull(Type.Integer()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const { after, limit = 100 } = request.query as { after?: number; limit?: number };
      const rows = await listBulkUpdateRecords(app.db, request.actor, id, { ...(after === undefined ? {} : { after }), limit });
      return {
        items: rows.map((row) => ({
          recordId: row.record_id,
          name: row.name,
          outcome: row.outcome,
          reason: row.reason,
          doneAt: row.done_at?.toISOString() ?? '',
        })),
        nextAfter: rows.length === limit ? (rows.at(-1)?.record_id ?? null) : null,
      };
    },
  );
}
