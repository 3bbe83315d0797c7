import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';

import {
  IdParams,
  NullableCategoryGroup,
  OrNull,
  ItemsOf,
  NamedRef,
  NullableInteger,
  NullableString,
  OptionalId,
  OptionalText,
  VersionField,
  errorResponses,
} from '../server/schemas.js';
import { GroupCountsSchema, GroupQuerystring, ListQuerystring, pageSchema } from '../server/list-schemas.js';
import { expectedVersionOf, withVersionCheck } from '../server/versioning.js';
import { CsvResponse, type ExportQuery, ExportQuerystring, onlyIds, parseExportIds, sendCsv } from '../exports/csv.js';
import { exportPersonsCsv } from './person-export.js';
import { countPersonGroups, listPersons, parsePersonGroupParameters, parsePersonListParameters } from './person-list.js';
import { type PersonInput, toPerson } from './person.js';
import { getLeadStatusHistory } from '../leads/lead-status-history.js';
import { createPersonWithAutomation, deletePerson, getPerson, restorePerson, updatePersonWithAutomation } from './person.service.js';
import { withAutomation } from '../automation/automation.routes.js';

export const PersonSchema = Type.Object(
  {
    id: Type.Integer(),
    companyId: NullableInteger,
    company: NamedRef,
    salutation: NullableString,
    firstName: NullableString,
    middleName: NullableString,
    lastName: Type.String(),
    fullName: Type.String(),
    jobTitle: NullableString,
    email: NullableString,
    phone: NullableString,
    mobile: NullableString,
    ownerId: NullableInteger,
    owner: NamedRef,
    category: OrNull(Type.Object({ id: Type.Integer(), name: Type.String(), deleted: Type.Boolean(), leadStatusEnabled: Type.Boolean() })),
    categoryGroup: NullableCategoryGroup,
    leadStatusId: NullableInteger,
    leadStatus: OrNull(Type.Object({ id: Type.Integer(), name: Type.String(), description: NullableString, deleted: Type.Boolean() })),
    leadStatusEnabled: Type.Boolean({ description: "true when the company's category has lead status enabled" }),
    leadStatusRetained: Type.Boolean({ description: 'true when a status is kept while lead status is not enabled (hidden, read-only)' }),
    leadStatusChangedAt: NullableString,
    daysInStatus: NullableInteger,
    leadSource: NullableString,
    formerEmployee: Type.Boolean(),
    registeredAt: Type.String(),
    updatedAt: Type.String(),
    version: Type.Integer(),
    deletedAt: NullableString,
  },
  { $id: 'Person' },
);

const personFields = {
  companyId: OptionalId,
  salutation: OptionalText(50),
  firstName: OptionalText(100),
  middleName: OptionalText(50),
  jobTitle: OptionalText(200),
  email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 320 }), Type.Null()])),
  phone: OptionalText(50, 'phone'),
  mobile: OptionalText(50, 'phone'),
  ownerId: OptionalId,
  leadStatusId: OptionalId,
  leadSource: OptionalText(200),
  formerEmployee: Type.Optional(Type.Boolean()),
};

const PersonCreateBody = Type.Object({ ...personFields, lastName: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
const PersonUpdateBody = Type.Object(
  { ...personFields, lastName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), version: Type.Optional(VersionField) },
  { additionalProperties: false },
);
const VersionQuery = Type.Object({ version: Type.Optional(VersionField) });
/** A created or changed person with what category automation did to its company. */
const PersonWriteResponse = withAutomation(PersonSchema);


export async function personRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/persons',
    {
      schema: {
        tags: ['persons'],
        summary: 'A page of persons matching the filter, in a stable sort, with the total count',
        querystring: ListQuerystring,
        response: { 200: pageSchema('Person'), ...errorResponses },
      },
    },
    async (request) => {
      const query = parsePersonListParameters(request.query as Record<string, unknown>);
      const now = app.clock();
      const page = await listPersons(app.db, request.actor, { ...query, timeZone: app.config.timeZone, now });
      return { items: page.rows.map((row) => toPerson(row, request.actor.language, now)), total: page.total, nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/persons/group-counts',
    {
      schema: {
        tags: ['persons'],
        summary: 'Number of matching persons per value of one or two list fields, with a group for no value',
        querystring: GroupQuerystring,
        response: { 200: GroupCountsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const query = parsePersonGroupParameters(request.query as Record<string, unknown>);
      return countPersonGroups(app.db, request.actor, { ...query, timeZone: app.config.timeZone, now: app.clock() });
    },
  );

  app.get(
    '/api/persons/export.csv',
    {
      schema: {
        tags: ['persons'],
        summary: 'The persons matching the filter as CSV (UTF-8 with BOM), in the sort order, with the chosen columns',
        querystring: ExportQuerystring,
        response: { 200: CsvResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { separator = 'comma', columns, ids, ...listParameters } = request.query as ExportQuery;
      const query = onlyIds(parsePersonListParameters(listParameters), parseExportIds(ids));
      const csv = exportPersonsCsv(app.db, request.actor, { query, columns, separator, timeZone: app.config.timeZone, now: app.clock() });
      return sendCsv(reply, request.actor.language === 'en' ? 'persons.csv' : 'personen.csv', csv);
    },
  );


  app.get(
    '/api/persons/:id',
    { schema: { tags: ['persons'], summary: 'One person with derived category and lead status', params: IdParams, response: { 200: Type.Ref('Person'), ...errorResponses } } },
    async (request, reply) => {
      const person = await getPerson(app.db, request.actor, (request.params as { id: number }).id);
      return reply.header('ETag', `"${person.version}"`).send(person);
    },
  );

  app.post(
    '/api/persons',
    {
      schema: {
        tags: ['persons'],
        summary: 'Create a person; in a lead-enabled company it starts at the default lead status unless leadStatusId is given',
        body: PersonCreateBody,
        response: { 201: PersonWriteResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { person, automation } = await app.db.transaction().execute((trx) => createPersonWithAutomation(trx, request.actor, request.body as PersonInput));
      return reply.code(201).header('ETag', `"${person.version}"`).header('Location', `/api/persons/${person.id}`).send({ ...person, automation });
    },
  );

  app.patch(
    '/api/persons/:id',
    {
      schema: {
        tags: ['persons'],
        summary: 'Change a person; needs the version it is based on (If-Match or version). Setting a lead status may fire category automation (see automation)',
        params: IdParams,
        querystring: Type.Object({
          via: Type.Optional(Type.Literal('board', { description: 'records a lead status change as made on the board' })),
        }),
        body: PersonUpdateBody,
        response: { 200: PersonWriteResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const { version: bodyVersion, ...patch } = request.body as Partial<PersonInput> & { version?: number };
      const { version, fromHeader } = expectedVersionOf(request, bodyVersion);
      const actor = (request.query as { via?: 'board' }).via === 'board' ? { ...request.actor, source: 'board' as const } : request.actor;
      const { person, automation } = await withVersionCheck(fromHeader, () =>
        app.db.transaction().execute((trx) => updatePersonWithAutomation(trx, actor, id, patch, version)),
      );
      return reply.header('ETag', `"${person.version}"`).send({ ...person, automation });
    },
  );

  app.delete(
    '/api/persons/:id',
    {
      schema: {
        tags: ['persons'],
        summary: 'Delete a person (soft; restorable)',
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const { version, fromHeader } = expectedVersionOf(request, (request.query as { version?: number }).version);
      await withVersionCheck(fromHeader, () => app.db.transaction().execute((trx) => deletePerson(trx, request.actor, id, version)));
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/persons/:id/restore',
    { schema: { tags: ['persons'], summary: 'Restore a deleted person (and its company if deleted too)', params: IdParams, response: { 200: Type.Ref('Person'), ...errorResponses } } },
    async (request) => {
      const { id } = request.params as { id: number };
      return app.db.transaction().execute((trx) => restorePerson(trx, request.actor, id));
    },
  );

  app.get(
    '/api/persons/:id/lead-status-history',
    {
      schema: {
        tags: ['persons'],
        summary: "The person's lead status changes, newest first",
        params: IdParams,
        response: { 200: ItemsOf(Type.Ref('LeadStatusChange')), ...errorResponses },
      },
    },
    async (request) => ({ items: await getLeadStatusHistory(app.db, request.actor, (request.params as { id: number }).id) }),
  );
}
