import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';

import { withAutomation } from '../automation/automation.routes.js';
import { SALE_STATUSES } from '../db/schema.js';
import { IdParams, NamedRef, NullableInteger, NullableString, OptionalId, OrNull, VersionField, errorResponses } from '../server/schemas.js';
import { expectedVersionOf, withVersionCheck } from '../server/versioning.js';
import type { SaleInput, SalePatch, SaleStatus } from './sale.js';
import { createSale, deleteSale, getSale, listSales, updateSale } from './sale.service.js';

export const SaleSchema = Type.Object(
  {
    id: Type.Integer(),
    title: Type.String(),
    companyId: Type.Integer(),
    company: Type.Object({ id: Type.Integer(), name: Type.String() }),
    personId: NullableInteger,
    person: NamedRef,
    ownerId: NullableInteger,
    owner: NamedRef,
    amount: OrNull(Type.Number({ description: 'at most two decimals; no currency is stored' })),
    status: Type.String({ enum: [...SALE_STATUSES] }),
    saleDate: Type.String({ format: 'date' }),
    reason: NullableString,
    registeredAt: Type.String(),
    updatedAt: Type.String(),
    version: Type.Integer(),
    deletedAt: NullableString,
  },
  { $id: 'Sale' },
);

const SaleStatusSchema = Type.Union(SALE_STATUSES.map((status) => Type.Literal(status)));
const Amount = Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 999_999_999_999.99 }), Type.Null()]));
const SaleDate = Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD' }));
const Reason = Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]));

const SaleCreateBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    companyId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
    personId: OptionalId,
    ownerId: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 2147483647 }), Type.Null()], { description: 'defaults to the signed-in user' })),
    amount: Amount,
    saleDate: Type.Optional(Type.String({ format: 'date', description: "YYYY-MM-DD; defaults to today in the server's time zone" })),
    reason: Reason,
  },
  { additionalProperties: false },
);

const SaleUpdateBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    personId: OptionalId,
    ownerId: OptionalId,
    amount: Amount,
    status: Type.Optional(Type.Union(SALE_STATUSES.map((status) => Type.Literal(status)), { description: 'sold or lost runs the saleSold or saleLost automation rule' })),
    saleDate: SaleDate,
    reason: Reason,
    version: Type.Optional(VersionField),
  },
  { additionalProperties: false },
);

const SaleListQuery = Type.Object(
  {
    companyId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
    personId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
    status: Type.Optional(SaleStatusSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 40, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);

/** A registered or changed sale with what category automation did to its company. */
const SaleWriteResponse = withAutomation(SaleSchema);

/** Today's date in the time zone, as YYYY-MM-DD. */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export async function saleRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/sales',
    {
      schema: {
        tags: ['sales'],
        summary: 'A page of sales that are not deleted, newest sale date first; filter by companyId for a company card',
        querystring: SaleListQuery,
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Sale')), nextCursor: NullableString }), ...errorResponses },
      },
    },
    async (request) => {
      const query = request.query as { companyId?: number; personId?: number; status?: SaleStatus; limit: number; cursor?: string };
      return listSales(app.db, query);
    },
  );

  app.get(
    '/api/sales/:id',
    { schema: { tags: ['sales'], summary: 'One sale, deleted ones included', params: IdParams, response: { 200: Type.Ref('Sale'), ...errorResponses } } },
    async (request, reply) => {
      const sale = await getSale(app.db, (request.params as { id: number }).id);
      return reply.header('ETag', `"${sale.version}"`).send(sale);
    },
  );

  app.post(
    '/api/sales',
    {
      schema: {
        tags: ['sales'],
        summary: 'Register an open sale of a company; runs the saleRegistered automation rule',
        body: SaleCreateBody,
        response: { 201: SaleWriteResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const input = request.body as SaleInput;
      const { sale, automation } = await app.db.transaction().execute((trx) => createSale(trx, request.actor, input, todayIn(app.config.timeZone)));
      return reply.code(201).header('ETag', `"${sale.version}"`).header('Location', `/api/sales/${sale.id}`).send({ ...sale, automation });
    },
  );

  app.patch(
    '/api/sales/:id',
    {
      schema: {
        tags: ['sales'],
        summary: 'Change a sale or mark it sold or lost; needs the version it is based on (If-Match or version)',
        params: IdParams,
        body: SaleUpdateBody,
        response: { 200: SaleWriteResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const { version: bodyVersion, ...patch } = request.body as SalePatch & { version?: number };
      const { version, fromHeader } = expectedVersionOf(request, bodyVersion);
      const { sale, automation } = await withVersionCheck(fromHeader, () =>
        app.db.transaction().execute((trx) => updateSale(trx, request.actor, id, patch, version)),
      );
      return reply.header('ETag', `"${sale.version}"`).send({ ...sale, automation });
    },
  );

  app.delete(
    '/api/sales/:id',
    {
      schema: {
        tags: ['sales'],
        summary: 'Delete a sale (soft); needs the version it is based on (If-Match or ?version=)',
        params: IdParams,
        querystring: Type.Object({ version: Type.Optional(VersionField) }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const { version, fromHeader } = expectedVersionOf(request, (request.query as { version?: number }).version);
      await withVersionCheck(fromHeader, () => app.db.transaction().execute((trx) => deleteSale(trx, request.actor, id, version)));
      return reply.code(204).send();
    },
  );
}
