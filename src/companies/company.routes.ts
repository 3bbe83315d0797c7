import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';

import { CsvResponse, type ExportQuery, ExportQuerystring, onlyIds, parseExportIds, sendCsv } from '../exports/csv.js';
import { CompanyHistoryQuery, getCompanyLeadStatusHistory } from '../leads/lead-status-history.js';
import { IdParams, NamedRef, NullableCategoryGroup, OrNull, NullableInteger, NullableString, OptionalId, OptionalText, VersionField, errorResponses } from '../server/schemas.js';
import { GroupCountsSchema, GroupQuerystring, ListQuerystring, pageSchema } from '../server/list-schemas.js';
import { expectedVersionOf, withVersionCheck } from '../server/versioning.js';
import { exportCompaniesCsv } from './company-export.js';
import { countCompanyGroups, listCompanies, parseCompanyGroupParameters, parseCompanyListParameters, withPersonCounts } from './company-list.js';
import { type CompanyInput, toCompany } from './company.js';
import { createCompany, deleteCompany, getCompany, previewCategoryChange, restoreCompany, updateCompany } from './company.service.js';

export const CompanySchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    categoryId: NullableInteger,
    category: OrNull(Type.Object({ id: Type.Integer(), name: Type.String(), deleted: Type.Boolean(), leadStatusEnabled: Type.Boolean() })),
    categoryGroup: NullableCategoryGroup,
    ownerId: NullableInteger,
    owner: NamedRef,
    street: NullableString,
    postcode: NullableString,
    city: NullableString,
    country: NullableString,
    phone: NullableString,
    website: NullableString,
    registeredAt: Type.String(),
    updatedAt: Type.String(),
    version: Type.Integer(),
    deletedAt: NullableString,
    personCount: Type.Optional(Type.Integer({ description: 'In lists only: the persons of the company that are not deleted' })),
  },
  { $id: 'Company' },
);

const companyFields = {
  categoryId: OptionalId,
  ownerId: OptionalId,
  street: OptionalText(200),
  postcode: OptionalText(20),
  city: OptionalText(100),
  country: OptionalText(100),
  phone: OptionalText(50, 'phone'),
  website: OptionalText(300, 'website'),
};

const CompanyCreateBody = Type.Object({ ...companyFields, name: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
const CompanyUpdateBody = Type.Object(
  { ...companyFields, name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), version: Type.Optional(VersionField) },
  { additionalProperties: false },
);
const PreviewQuery = Type.Object({ categoryId: Type.Union([Type.Integer({ minimum: 1, maximum: 2147483647 }), Type.Literal('none')]) });
const PreviewSchema = Type.Object({
  startCycle: Type.Integer({ description: 'persons that start a new lead cycle at the default status' }),
  keep: Type.Integer({ description: 'persons that keep their lead status' }),
  retain: Type.Integer({ description: 'persons whose status is kept hidden and read-only' }),
  none: Type.Integer({ description: 'persons without an enabled lead status before and after' }),
});

export async function companyRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/companies',
    {
      schema: {
        tags: ['companies'],
        summary: 'A page of companies matching the filter, in a stable sort, with the total count',
        querystring: ListQuerystring,
        response: { 200: pageSchema('Company'), ...errorResponses },
      },
    },
    async (request) => {
      const query = parseCompanyListParameters(request.query as Record<string, unknown>);
      const page = await listCompanies(app.db, request.actor, { ...query, timeZone: app.config.timeZone });
      const items = await withPersonCounts(app.db, page.rows.map((row) => toCompany(row, request.actor.language)));
      return { items, total: page.total, nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/companies/group-counts',
    {
      schema: {
        tags: ['companies'],
        summary: 'Number of matching companies per value of one or two list fields, with a group for no value',
        querystring: GroupQuerystring,
        response: { 200: GroupCountsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const query = parseCompanyGroupParameters(request.query as Record<string, unknown>);
      return countCompanyGroups(app.db, request.actor, { ...query, timeZone: app.config.timeZone });
    },
  );

  app.get(
    '/api/companies/export.csv',
    {
      schema: {
        tags: ['companies'],
        summary: 'The companies matching the filter as CSV (UTF-8 with BOM), in the sort order, with the chosen columns',
        querystring: ExportQuerystring,
        response: { 200: CsvResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { separator = 'comma', columns, ids, ...listParameters } = request.query as ExportQuery;
      const query = onlyIds(parseCompanyListParameters(listParameters), parseExportIds(ids));
      const csv = exportCompaniesCsv(app.db, request.actor, { query, columns, separator, timeZone: app.config.timeZone, now: app.clock() });
      return sendCsv(reply, request.actor.language === 'en' ? 'companies.csv' : 'bedrijven.csv', csv);
    },
  );


  app.get(
    '/api/companies/:id',
    { schema: { tags: ['companies'], params: IdParams, response: { 200: Type.Ref('Company'), ...errorResponses } } },
    async (request, reply) => {
      const company = await getCompany(app.db, request.actor, (request.params as { id: number }).id);
      return reply.header('ETag', `"${company.version}"`).send(company);
    },
  );

  app.post(
    '/api/companies',
    { schema: { tags: ['companies'], summary: 'Create a company', body: CompanyCreateBody, response: { 201: Type.Ref('Company'), ...errorResponses } } },
    async (request, reply) => {
      const company = await app.db.transaction().execute((trx) => createCompany(trx, request.actor, request.body as CompanyInput));
      return reply.code(201).header('ETag', `"${company.version}"`).header('Location', `/api/companies/${company.id}`).send(company);
    },
  );

  app.patch(
    '/api/companies/:id',
    {
      schema: {
        tags: ['companies'],
        summary: "Change a company; a new category applies the lead status rules to its persons",
        params: IdParams,
        body: CompanyUpdateBody,
        response: { 200: Type.Ref('Company'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const { version: bodyVersion, ...patch } = request.body as Partial<CompanyInput> & { version?: number };
      const { version, fromHeader } = expectedVersionOf(request, bodyVersion);
      const company = await withVersionCheck(fromHeader, () =>
        app.db.transaction().execute((trx) => updateCompany(trx, request.actor, id, patch, version)),
      );
      return reply.header('ETag', `"${company.version}"`).send(company);
    },
  );

  app.get(
    '/api/companies/:id/lead-status-history',
    {
      schema: {
        tags: ['companies'],
        summary: "Lead status changes of the company's persons, newest first, a page at a time",
        params: IdParams,
        querystring: CompanyHistoryQuery,
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('CompanyLeadStatusChange')), nextCursor: NullableString }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      return getCompanyLeadStatusHistory(app.db, request.actor, id, request.query as { limit?: number; cursor?: string });
    },
  );

  app.get(
    '/api/companies/:id/category-change-preview',
    {
      schema: {
        tags: ['companies'],
        summary: "What a new category would do to the lead statuses of the company's persons",
        params: IdParams,
        querystring: PreviewQuery,
        response: { 200: PreviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const { categoryId } = request.query as { categoryId: number | 'none' };
      return previewCategoryChange(app.db, id, categoryId === 'none' ? null : categoryId);
    },
  );

  app.delete(
    '/api/companies/:id',
    {
      schema: {
        tags: ['companies'],
        summary: 'Delete a company and its persons (soft; restorable)',
        params: IdParams,
        querystring: Type.Object({ version: Type.Optional(VersionField) }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const { version, fromHeader } = expectedVersionOf(request, (request.query as { version?: number }).version);
      await withVersionCheck(fromHeader, () => app.db.transaction().execute((trx) => deleteCompany(trx, request.actor, id, version)));
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/companies/:id/restore',
    { schema: { tags: ['companies'], summary: 'Restore a deleted company with the persons deleted with it', params: IdParams, response: { 200: Type.Ref('Company'), ...errorResponses } } },
    async (request) => app.db.transaction().execute((trx) => restoreCompany(trx, request.actor, (request.params as { id: number }).id)),
  );
}
