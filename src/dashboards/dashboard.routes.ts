import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';

import { CURRENT_USER } from '../criteria/criteria.js';
import { StatusTimelineEntrySchema, getStatusTimeline } from '../leads/status-timeline.js';
import { IdParams, ItemsOf, OrNull, VersionField, errorResponses } from '../server/schemas.js';
import { expectedVersionOf, withVersionCheck } from '../server/versioning.js';
import {
  type DashboardInput,
  type DashboardPatch,
  createDashboard,
  deleteDashboard,
  getDashboard,
  listDashboards,
  updateDashboard,
} from './dashboard.service.js';
import { PeriodSchema, TileDataTileSchema, TilesInputSchema } from './tile.js';
import { type TileDataRequest, computeTileData } from './tile-data.js';

const summaryFields = {
  id: Type.Integer(),
  name: Type.String(),
  owner: OrNull(Type.Object({ id: Type.Integer(), name: Type.String() })),
  shared: Type.Boolean(),
  editable: Type.Boolean({ description: 'whether the signed-in user may change or delete it' }),
  isDefault: Type.Boolean(),
  updatedAt: Type.String(),
  version: Type.Integer(),
};
const DashboardSummarySchema = Type.Object(summaryFields);
const DashboardSchema = Type.Object({ ...summaryFields, tiles: Type.Array(Type.Ref('Tile')) });

const NameField = Type.String({ minLength: 1, maxLength: 200 });
const CreateBody = Type.Object({ name: NameField, tiles: Type.Optional(TilesInputSchema) }, { additionalProperties: false });
const UpdateBody = Type.Object(
  {
    name: Type.Optional(NameField),
    tiles: Type.Optional(TilesInputSchema),
    shared: Type.Optional(Type.Boolean({ description: 'administrators only' })),
    version: Type.Optional(VersionField),
  },
  { additionalProperties: false },
);
const TileDataBody = Type.Object(
  {
    tile: TileDataTileSchema,
    period: Type.Optional(Type.Union([PeriodSchema, Type.Null()], { description: "dashboard-wide period; replaces the tile's own" })),
    ownerId: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1, maximum: 2147483647 }), Type.Literal(CURRENT_USER), Type.Null()], {
        description: 'dashboard-wide owner filter: a user id, "currentUser", or null for records without an owner',
      }),
    ),
  },
  { additionalProperties: false },
);
const TileDataResponse = Type.Object(
  { type: Type.String() },
  {
    additionalProperties: true,
    description:
      'By tile type: bigNumber {value, previous, criteria}; pie, bar and column {groups}; line {buckets}; list {total, rows, criteria}; funnel {steps, conversions}; conversion {from, to, rate}; timeInStatus {groups} with the average days per status and its stays. Every criteria selects exactly the records of its number.',
  },
);

/** Dashboards: CRUD, the data of one tile, and the status timeline of a person. */
export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/dashboards',
    {
      schema: {
        tags: ['dashboards'],
        summary: "The dashboards the user may see: the user's own and the shared ones",
        response: { 200: ItemsOf(DashboardSummarySchema), ...errorResponses },
      },
    },
    async (request) => ({ items: await listDashboards(app.db, request.actor) }),
  );

  app.post(
    '/api/dashboards',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Create a private dashboard of the user',
        body: CreateBody,
        response: { 201: DashboardSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const dashboard = await app.db.transaction().execute((trx) => createDashboard(trx, request.actor, request.body as DashboardInput));
      return reply.code(201).header('ETag', `"${dashboard.version}"`).send(dashboard);
    },
  );

  app.get(
    '/api/dashboards/:id',
    { schema: { tags: ['dashboards'], params: IdParams, response: { 200: DashboardSchema, ...errorResponses } } },
    async (request, reply) => {
      const dashboard = await getDashboard(app.db, request.actor, (request.params as { id: number }).id);
      return reply.header('ETag', `"${dashboard.version}"`).send(dashboard);
    },
  );

  app.patch(
    '/api/dashboards/:id',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Change name, tiles or (administrators) sharing; needs the version',
        params: IdParams,
        body: UpdateBody,
        response: { 200: DashboardSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const { version: bodyVersion, ...patch } = request.body as DashboardPatch & { version?: number };
      const { version, fromHeader } = expectedVersionOf(request, bodyVersion);
      const dashboard = await withVersionCheck(fromHeader, () => app.db.transaction().execute((trx) => updateDashboard(trx, request.actor, id, patch, version)));
      return reply.header('ETag', `"${dashboard.version}"`).send(dashboard);
    },
  );

  app.delete(
    '/api/dashboards/:id',
    {
      schema: {
        tags: ['dashboards'],
        summary: 'Delete a dashboard',
        params: IdParams,
        querystring: Type.Object({ version: Type.Optional(VersionField) }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const { version, fromHeader } = expectedVersionOf(request, (request.query as { version?: number }).version);
      await withVersionCheck(fromHeader, () => app.db.transaction().execute((trx) => deleteDashboard(trx, request.actor, id, version)));
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/dashboards/tile-data',
    {
      schema: {
        tags: ['dashboards'],
        summary: "Compute one tile's numbers, each with the criteria of the records it counts",
        body: TileDataBody,
        response: { 200: TileDataResponse, ...errorResponses },
      },
    },
    async (request) => {
      const context = { actor: request.actor, timeZone: app.config.timeZone, now: app.clock() };
      return computeTileData(app.db, context, request.body as TileDataRequest);
    },
  );

  app.get(
    '/api/persons/:id/status-timeline',
    {
      schema: {
        tags: ['persons'],
        summary: "The person's periods in each lead status from the history, newest first",
        params: IdParams,
        response: { 200: ItemsOf(StatusTimelineEntrySchema), ...errorResponses },
      },
    },
    async (request) => ({ items: await getStatusTimeline(app.db, request.actor, (request.params as { id: number }).id, app.clock()) }),
  );
}
