import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';

import { countCompanyGroups, listCompanies, parseCompanyGroupParameters, parseCompanyListParameters, withPersonCounts } from '../companies/company-list.js';
import { toCompany } from '../companies/company.js';
import { SELECTION_ENTITIES, SELECTION_KINDS, SELECTION_VISIBILITIES, type SelectionEntity } from '../db/schema.js';
import { validationFailed } from '../errors/app-error.js';
import { CsvResponse, type ExportQuery, ExportQuerystring, sendCsv } from '../exports/csv.js';
import { countPersonGroups, listPersons, parsePersonGroupParameters, parsePersonListParameters } from '../persons/person-list.js';
import { toPerson } from '../persons/person.js';
import { GroupCountsSchema, GroupQuerystring, ListQuerystring, pageSchema } from '../server/list-schemas.js';
import { IdParams, NullableString, VersionField, errorResponses } from '../server/schemas.js';
import { expectedVersionOf, withVersionCheck } from '../server/versioning.js';
import { exportSelectionCsv } from './selection-export.js';
import {
  MAX_MEMBER_IDS,
  type Selection,
  type SelectionInput,
  type SelectionPatch,
  addMembers,
  copySelection,
  createSelection,
  deleteSelection,
  getSelection,
  listSelections,
  makeSelectionStatic,
  removeMembers,
  selectionFilter,
  updateSelection,
} from './selection.service.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((value) => Type.Literal(value)));
const CriteriaJson = Type.Unknown({ description: 'criteria sets, as the list filter takes them: [[{"field","operator","values"}]]' });

export const SelectionSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    description: NullableString,
    entity: literals(SELECTION_ENTITIES),
    kind: literals(SELECTION_KINDS),
    criteria: Type.Unknown({ description: 'criteria sets of a dynamic selection; null for a static one' }),
    owner: Type.Object({ id: Type.Integer(), name: Type.String() }),
    visibility: literals(SELECTION_VISIBILITIES),
    editable: Type.Boolean({ description: 'whether the signed-in user may change or delete it' }),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    version: Type.Integer(),
  },
  { $id: 'Selection' },
);

const NameField = Type.String({ minLength: 1, maxLength: 200 });
const DescriptionField = Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]));
const IdList = Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { minItems: 1, maxItems: MAX_MEMBER_IDS });

const CreateBody = Type.Object(
  {
    name: NameField,
    description: DescriptionField,
    entity: literals(SELECTION_ENTITIES),
    kind: literals(SELECTION_KINDS),
    criteria: Type.Optional(CriteriaJson),
    visibility: Type.Optional(literals(SELECTION_VISIBILITIES)),
    memberIds: Type.Optional(IdList),
  },
  { additionalProperties: false },
);
const UpdateBody = Type.Object(
  {
    name: Type.Optional(NameField),
    description: DescriptionField,
    criteria: Type.Optional(CriteriaJson),
    visibility: Type.Optional(literals(SELECTION_VISIBILITIES)),
    version: Type.Optional(VersionField),
  },
  { additionalProperties: false },
);
const IdsBody = Type.Object({ ids: IdList }, { additionalProperties: false });

/** Selections of persons or companies: CRUD, members, the records as a list, counts and CSV export. */
export async function selectionRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/selections',
    {
      schema: {
        tags: ['selections'],
        summary: "The selections the user may see: everyone's shared ones and the user's own",
        querystring: Type.Object({ entity: Type.Optional(literals(SELECTION_ENTITIES)) }),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Selection')) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listSelections(app.db, request.actor, (request.query as { entity?: SelectionEntity }).entity) }),
  );

  app.post(
    '/api/selections',
    {
      schema: {
        tags: ['selections'],
        summary: 'Save a selection: dynamic (criteria) or static (members)',
        body: CreateBody,
        response: { 201: Type.Ref('Selection'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const selection = await app.db.transaction().execute((trx) => createSelection(trx, request.actor, request.body as SelectionInput));
      return reply.code(201).header('ETag', `"${selection.version}"`).send(selection);
    },
  );

  app.get(
    '/api/selections/:id',
    { schema: { tags: ['selections'], params: IdParams, response: { 200: Type.Ref('Selection'), ...errorResponses } } },
    async (request, reply) => {
      const selection = await getSelection(app.db, request.actor, (request.params as { id: number }).id);
      return reply.header('ETag', `"${selection.version}"`).send(selection);
    },
  );

  app.patch(
    '/api/selections/:id',
    {
      schema: {
        tags: ['selections'],
        summary: 'Change name, description, visibility or (dynamic) criteria; needs the version',
        params: IdParams,
        body: UpdateBody,
        response: { 200: Type.Ref('Selection'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const { version: bodyVersion, ...patch } = request.body as SelectionPatch & { version?: number };
      const { version, fromHeader } = expectedVersionOf(request, bodyVersion);
      const selection = await withVersionCheck(fromHeader, () => app.db.transaction().execute((trx) => updateSelection(trx, request.actor, id, patch, version)));
      return reply.header('ETag', `"${selection.version}"`).send(selection);
    },
  );

  app.delete(
    '/api/selections/:id',
    {
      schema: {
        tags: ['selections'],
        summary: 'Delete a selection (its records stay)',
        params: IdParams,
        querystring: Type.Object({ version: Type.Optional(VersionField) }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const { version, fromHeader } = expectedVersionOf(request, (request.query as { version?: number }).version);
      await withVersionCheck(fromHeader, () => app.db.transaction().execute((trx) => deleteSelection(trx, request.actor, id, version)));
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/selections/:id/copy',
    {
      schema: {
        tags: ['selections'],
        summary: 'Copy a selection as a new selection of the user',
        params: IdParams,
        body: Type.Optional(Type.Object({ name: Type.Optional(NameField) }, { additionalProperties: false })),
        response: { 201: Type.Ref('Selection'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const name = (request.body as { name?: string } | undefined)?.name;
      const copy = await app.db.transaction().execute((trx) => copySelection(trx, request.actor, id, name));
      return reply.code(201).send(copy);
    },
  );

  app.post(
    '/api/selections/:id/make-static',
    {
      schema: {
        tags: ['selections'],
        summary: 'Turn a dynamic selection into a static one holding the records that match now',
        params: IdParams,
        body: Type.Object({ version: Type.Optional(VersionField) }, { additionalProperties: false }),
        response: { 200: Type.Ref('Selection'), ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const { version, fromHeader } = expectedVersionOf(request, (request.body as { version?: number }).version);
      return withVersionCheck(fromHeader, () => app.db.transaction().execute((trx) => makeSelectionStatic(trx, request.actor, id, version)));
    },
  );

  app.post(
    '/api/selections/:id/members',
    {
      schema: {
        tags: ['selections'],
        summary: 'Add records to a static selection',
        params: IdParams,
        body: IdsBody,
        response: { 200: Type.Object({ added: Type.Integer() }), ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const { ids } = request.body as { ids: number[] };
      return { added: await app.db.transaction().execute((trx) => addMembers(trx, request.actor, id, ids)) };
    },
  );

  app.post(
    '/api/selections/:id/members/remove',
    {
      schema: {
        tags: ['selections'],
        summary: 'Remove records from a static selection',
        params: IdParams,
        body: IdsBody,
        response: { 200: Type.Object({ removed: Type.Integer() }), ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const { ids } = request.body as { ids: number[] };
      return { removed: await app.db.transaction().execute((trx) => removeMembers(trx, request.actor, id, ids)) };
    },
  );

  /** Reads the selection of the request's path, which must list records of `entity`. */
  const selectionOf = async (request: { params: unknown; actor: Parameters<typeof getSelection>[1] }, entity: SelectionEntity): Promise<Selection> => {
    const selection = await getSelection(app.db, request.actor, (request.params as { id: number }).id);
    if (selection.entity !== entity) {
      const path = selection.entity === 'person' ? 'persons' : 'companies';
      throw validationFailed('/id', `selection ${selection.id} lists ${path}; use its /${path} path`);
    }
    return selection;
  };

  app.get(
    '/api/selections/:id/persons',
    {
      schema: {
        tags: ['selections'],
        summary: "A page of a person selection's persons, with the list's filter, sort and cursor",
        params: IdParams,
        querystring: ListQuerystring,
        response: { 200: pageSchema('Person'), ...errorResponses },
      },
    },
    async (request) => {
      const selection = await selectionOf(request, 'person');
      const query = parsePersonListParameters(request.query as Record<string, unknown>);
      const page = await listPersons(app.db, request.actor, { ...query, ...selectionFilter(selection), timeZone: app.config.timeZone });
      const now = new Date();
      return { items: page.rows.map((row) => toPerson(row, request.actor.language, now)), total: page.total, nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/selections/:id/persons/group-counts',
    {
      schema: {
        tags: ['selections'],
        summary: "Counts of a person selection's persons per value of one or two fields (the board's columns)",
        params: IdParams,
        querystring: GroupQuerystring,
        response: { 200: GroupCountsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const selection = await selectionOf(request, 'person');
      const query = parsePersonGroupParameters(request.query as Record<string, unknown>);
      return countPersonGroups(app.db, request.actor, { ...query, ...selectionFilter(selection), timeZone: app.config.timeZone });
    },
  );

  app.get(
    '/api/selections/:id/companies',
    {
      schema: {
        tags: ['selections'],
        summary: "A page of a company selection's companies, with the list's filter, sort and cursor",
        params: IdParams,
        querystring: ListQuerystring,
        response: { 200: pageSchema('Company'), ...errorResponses },
      },
    },
    async (request) => {
      const selection = await selectionOf(request, 'company');
      const query = parseCompanyListParameters(request.query as Record<string, unknown>);
      const page = await listCompanies(app.db, request.actor, { ...query, ...selectionFilter(selection), timeZone: app.config.timeZone });
      const items = await withPersonCounts(app.db, page.rows.map((row) => toCompany(row, request.actor.language)));
      return { items, total: page.total, nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/selections/:id/companies/group-counts',
    {
      schema: {
        tags: ['selections'],
        summary: "Counts of a company selection's companies per value of one or two fields",
        params: IdParams,
        querystring: GroupQuerystring,
        response: { 200: GroupCountsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const selection = await selectionOf(request, 'company');
      const query = parseCompanyGroupParameters(request.query as Record<string, unknown>);
      return countCompanyGroups(app.db, request.actor, { ...query, ...selectionFilter(selection), timeZone: app.config.timeZone });
    },
  );

  app.get(
    '/api/selections/:id/export.csv',
    {
      schema: {
        tags: ['selections'],
        summary: "The selection's records as CSV (UTF-8 with BOM), narrowed and sorted like its list, with the chosen columns",
        params: IdParams,
        querystring: ExportQuerystring,
        response: { 200: CsvResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const selection = await getSelection(app.db, request.actor, (request.params as { id: number }).id);
      const context = { timeZone: app.config.timeZone, now: app.clock() };
      const csv = exportSelectionCsv(app.db, request.actor, selection, request.query as ExportQuery, context);
      const fileName = `${selection.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'selectie'}.csv`;
      return sendCsv(reply, fileName, csv);
    },
  );
}
