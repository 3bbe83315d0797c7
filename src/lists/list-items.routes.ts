import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';

import { CATEGORY_GROUPS, type CategoryGroup } from '../db/schema.js';
import { IdParams, IncludeDeletedQuery, ItemsOf, VersionField, errorResponses } from '../server/schemas.js';
import { expectedVersionOf, withVersionCheck } from '../server/versioning.js';
import { categoryGroupName } from './list-item.js';
import {
  type CategoryInput,
  type LeadStatusInput,
  type ListTable,
  countListItemUsage,
  createCategory,
  createLeadStatus,
  getCategory,
  getLeadStatus,
  listCategories,
  listLeadStatuses,
  reorderListItems,
  setListItemDeleted,
  updateCategory,
  updateLeadStatus,
} from './list-items.service.js';

const NAME_MAX = 100;
const DESCRIPTION_MAX = 500;

const listItemProperties = {
  id: Type.Integer(),
  name: Type.String({ description: "in the user's language, or the other language when only that one is set" }),
  description: Type.Union([Type.String(), Type.Null()]),
  nameNl: Type.Union([Type.String(), Type.Null()]),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  descriptionNl: Type.Union([Type.String(), Type.Null()]),
  descriptionEn: Type.Union([Type.String(), Type.Null()]),
  sortOrder: Type.Integer(),
  deleted: Type.Boolean(),
  version: Type.Integer(),
};

const CategoryGroupSchema = Type.Union(CATEGORY_GROUPS.map((group) => Type.Literal(group)));

export const CategorySchema = Type.Object(
  { ...listItemProperties, categoryGroup: CategoryGroupSchema, leadStatusEnabled: Type.Boolean() },
  { $id: 'Category' },
);
export const LeadStatusSchema = Type.Object({ ...listItemProperties, isDefault: Type.Boolean() }, { $id: 'LeadStatus' });

const textInput = {
  name: Type.Optional(Type.String({ minLength: 1, maxLength: NAME_MAX, description: "name in the user's language" })),
  description: Type.Optional(Type.Union([Type.String({ maxLength: DESCRIPTION_MAX }), Type.Null()])),
  nameNl: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: NAME_MAX }), Type.Null()])),
  nameEn: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: NAME_MAX }), Type.Null()])),
  descriptionNl: Type.Optional(Type.Union([Type.String({ maxLength: DESCRIPTION_MAX }), Type.Null()])),
  descriptionEn: Type.Optional(Type.Union([Type.String({ maxLength: DESCRIPTION_MAX }), Type.Null()])),
};

const CategoryCreateBody = Type.Object(
  { ...textInput, categoryGroup: CategoryGroupSchema, leadStatusEnabled: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
const CategoryUpdateBody = Type.Object(
  { ...textInput, categoryGroup: Type.Optional(CategoryGroupSchema), leadStatusEnabled: Type.Optional(Type.Boolean()), version: Type.Optional(VersionField) },
  { additionalProperties: false },
);
const LeadStatusCreateBody = Type.Object({ ...textInput, isDefault: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
const LeadStatusUpdateBody = Type.Object(
  { ...textInput, isDefault: Type.Optional(Type.Boolean()), version: Type.Optional(VersionField) },
  { additionalProperties: false },
);
const ReorderBody = Type.Object({ ids: Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { minItems: 1, maxItems: 1000 }) }, { additionalProperties: false });
const UsageSchema = Type.Object({ companies: Type.Integer(), persons: Type.Integer() });

interface ListRouteSpec {
  path: string;
  table: ListTable;
  tag: string;
  itemRef: string;
}

/** Routes that both lists share: reorder, delete, restore and usage counts. */
function registerSharedListRoutes(app: FastifyInstance, spec: ListRouteSpec): void {
  const admin = { admin: true };

  app.post(
    `${spec.path}/reorder`,
    {
      config: admin,
      schema: { tags: [spec.tag], summary: 'Put the items in this order', body: ReorderBody, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (request, reply) => {
      const { ids } = request.body as { ids: number[] };
      await app.db.transaction().execute((trx) => reorderListItems(trx, request.actor, spec.table, ids));
      return reply.code(204).send();
    },
  );

  app.delete(
    `${spec.path}/:id`,
    {
      config: admin,
      schema: { tags: [spec.tag], summary: 'Delete an item (soft: records keep it; restorable)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      await app.db.transaction().execute((trx) => setListItemDeleted(trx, request.actor, spec.table, id, true));
      return reply.code(204).send();
    },
  );

  app.post(
    `${spec.path}/:id/restore`,
    {
      config: admin,
      schema: { tags: [spec.tag], summary: 'Restore a deleted item', params: IdParams, response: { 200: Type.Ref(spec.itemRef), ...errorResponses } },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      await app.db.transaction().execute((trx) => setListItemDeleted(trx, request.actor, spec.table, id, false));
      return spec.table === 'categories' ? getCategory(app.db, request.actor, id) : getLeadStatus(app.db, request.actor, id);
    },
  );

  app.get(
    `${spec.path}/:id/usage`,
    {
      schema: { tags: [spec.tag], summary: 'How many companies and persons hold this item', params: IdParams, response: { 200: UsageSchema, ...errorResponses } },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      return countListItemUsage(app.db, spec.table, id);
    },
  );
}

export async function listItemRoutes(app: FastifyInstance): Promise<void> {

  app.get(
    '/api/category-groups',
    {
      schema: {
        tags: ['categories'],
        summary: 'The five fixed category groups',
        response: { 200: ItemsOf(Type.Object({ id: CategoryGroupSchema, name: Type.String() })), ...errorResponses },
      },
    },
    async (request) => ({
      items: CATEGORY_GROUPS.map((group: CategoryGroup) => ({ id: group, name: categoryGroupName(group, request.actor.language) })),
    }),
  );

  app.get(
    '/api/categories',
    {
      schema: {
        tags: ['categories'],
        summary: 'Categories in list order',
        querystring: IncludeDeletedQuery,
        response: { 200: ItemsOf(Type.Ref('Category')), ...errorResponses },
      },
    },
    async (request) => {
      const { includeDeleted } = request.query as { includeDeleted?: boolean };
      return { items: await listCategories(app.db, request.actor, includeDeleted ?? false) };
    },
  );

  app.get(
    '/api/categories/:id',
    { schema: { tags: ['categories'], params: IdParams, response: { 200: Type.Ref('Category'), ...errorResponses } } },
    async (request) => getCategory(app.db, request.actor, (request.params as { id: number }).id),
  );

  app.post(
    '/api/categories',
    {
      config: { admin: true },
      schema: { tags: ['categories'], summary: 'Add a category', body: CategoryCreateBody, response: { 201: Type.Ref('Category'), ...errorResponses } },
    },
    async (request, reply) => {
      const created = await app.db.transaction().execute((trx) => createCategory(trx, request.actor, request.body as CategoryInput));
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/api/categories/:id',
    {
      config: { admin: true },
      schema: {
        tags: ['categories'],
        summary: 'Rename, translate, regroup or enable lead status; enabling starts a lead cycle for the persons of its companies',
        params: IdParams,
        body: CategoryUpdateBody,
        response: { 200: Type.Ref('Category'), ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const { version: bodyVersion, ...input } = request.body as CategoryInput & { version?: number };
      const { version, fromHeader } = expectedVersionOf(request, bodyVersion);
      return withVersionCheck(fromHeader, () => app.db.transaction().execute((trx) => updateCategory(trx, request.actor, id, input, version)));
    },
  );

  app.get(
    '/api/lead-statuses',
    {
      schema: {
        tags: ['lead statuses'],
        summary: 'Lead statuses in list order',
        querystring: IncludeDeletedQuery,
        response: { 200: ItemsOf(Type.Ref('LeadStatus')), ...errorResponses },
      },
    },
    async (request) => {
      const { includeDeleted } = request.query as { includeDeleted?: boolean };
      return { items: await listLeadStatuses(app.db, request.actor, includeDeleted ?? false) };
    },
  );

  app.get(
    '/api/lead-statuses/:id',
    { schema: { tags: ['lead statuses'], params: IdParams, response: { 200: Type.Ref('LeadStatus'), ...errorResponses } } },
    async (request) => getLeadStatus(app.db, request.actor, (request.params as { id: number }).id),
  );

  app.post(
    '/api/lead-statuses',
    {
      config: { admin: true },
      schema: { tags: ['lead statuses'], summary: 'Add a lead status', body: LeadStatusCreateBody, response: { 201: Type.Ref('LeadStatus'), ...errorResponses } },
    },
    async (request, reply) => {
      const created = await app.db.transaction().execute((trx) => createLeadStatus(trx, request.actor, request.body as LeadStatusInput));
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/api/lead-statuses/:id',
    {
      config: { admin: true },
      schema: {
        tags: ['lead statuses'],
        summary: 'Rename, translate or make the default status',
        params: IdParams,
        body: LeadStatusUpdateBody,
        response: { 200: Type.Ref('LeadStatus'), ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const { version: bodyVersion, ...input } = request.body as LeadStatusInput & { version?: number };
      const { version, fromHeader } = expectedVersionOf(request, bodyVersion);
      return withVersionCheck(fromHeader, () => app.db.transaction().execute((trx) => updateLeadStatus(trx, request.actor, id, input, version)));
    },
  );

  registerSharedListRoutes(app, {
    path: '/api/categories',
    table: 'categories',
    tag: 'categories',
    itemRef: 'Category',
  });
  registerSharedListRoutes(app, {
    path: '/api/lead-statuses',
    table: 'lead_statuses',
    tag: 'lead statuses',
    itemRef: 'LeadStatus',
  });
}
