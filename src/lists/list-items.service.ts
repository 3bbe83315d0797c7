import { sql } from 'kysely';

import type { Actor } from '../auth/actor.js';
import { writeAuditEntry } from '../audit/audit-log.js';
import type { Executor, Trx } from '../db/database.js';
import type { CategoryGroup } from '../db/schema.js';
import { AppError, notFound } from '../errors/app-error.js';
import { assertCurrentVersion } from '../errors/version.js';
import { startLeadCycleForCompanies } from '../leads/lead-status.service.js';
import { type Category, type LeadStatus, toCategory, toLeadStatus } from './list-item.js';

export type ListTable = 'categories' | 'lead_statuses';

const ITEM_NAMES: Record<ListTable, string> = { categories: 'category', lead_statuses: 'lead status' };

/** Names and descriptions as a client sends them; `name`/`description` mean "in my language". */
export interface ListItemTextInput {
  name?: string;
  description?: string | null;
  nameNl?: string | null;
  nameEn?: string | null;
  descriptionNl?: string | null;
  descriptionEn?: string | null;
}

export interface CategoryInput extends ListItemTextInput {
  categoryGroup?: CategoryGroup;
  leadStatusEnabled?: boolean;
}

export interface LeadStatusInput extends ListItemTextInput {
  isDefault?: boolean;
}

interface ResolvedText {
  name_nl?: string | null;
  name_en?: string | null;
  description_nl?: string | null;
  description_en?: string | null;
}

function cleanName(value: string | null | undefined, field: string): string | null | undefined {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  if (trimmed === '') throw new AppError('VALIDATION_FAILED', `${field} must not be empty`, [{ field: `/${field}`, message: 'must not be empty', code: 'required' }]);
  return trimmed;
}

/** Maps the client's text fields onto the two language columns. */
function resolveText(actor: Actor, input: ListItemTextInput): ResolvedText {
  const text: ResolvedText = {};
  const name = cleanName(input.name, 'name');
  if (name !== undefined) text[actor.language === 'en' ? 'name_en' : 'name_nl'] = name;
  if (input.description !== undefined) text[actor.language === 'en' ? 'description_en' : 'description_nl'] = input.description;

  const nameNl = cleanName(input.nameNl, 'nameNl');
  const nameEn = cleanName(input.nameEn, 'nameEn');
  if (nameNl !== undefined) text.name_nl = nameNl;
  if (nameEn !== undefined) text.name_en = nameEn;
  if (input.descriptionNl !== undefined) text.description_nl = input.descriptionNl;
  if (input.descriptionEn !== undefined) text.description_en = input.descriptionEn;
  return text;
}

/**
 * Rejects a name that another item of the list already uses in either language, compared without
 * regard to case and including deleted items: a deleted item can be restored, and then two items
 * would share a name. The caller holds the list's table lock.
 */
async function assertNamesFree(trx: Trx, table: ListTable, names: (string | null | undefined)[], exceptId: number | null): Promise<void> {
  for (const name of names) {
    if (name === undefined || name === null) continue;
    const clash = await trx
      .selectFrom(table as 'lead_statuses')
      .select(['id', 'deleted'])
      .where((eb) => eb.or([eb(sql`lower(name_nl)`, '=', name.toLowerCase()), eb(sql`lower(name_en)`, '=', name.toLowerCase())]))
      .$if(exceptId !== null, (query) => query.where('id', '<>', exceptId as number))
      .executeTakeFirst();
    if (clash) {
      const deletedNote = clash.deleted ? ' (a deleted item; restore it instead)' : '';
      throw new AppError('NAME_TAKEN', `the name "${name}" is already used by ${ITEM_NAMES[table]} ${clash.id}${deletedNote}`, [
        { field: '/name', message: 'name already in use', code: 'taken' },
      ]);
    }
  }
}

/** Serialises changes to one list, so that two concurrent adds cannot both take a free name. */
async function lockList(trx: Trx, table: ListTable): Promise<void> {
  await sql`lock table ${sql.table(table)} in share row exclusive mode`.execute(trx);
}

function assertGroupAllowsLeadStatus(group: CategoryGroup, leadStatusEnabled: boolean): void {
  if (leadStatusEnabled && group !== 'potentialCustomer') {
    throw new AppError(
      'LEAD_STATUS_NOT_ALLOWED_FOR_GROUP',
      `lead status can only be enabled on a category of the group potentialCustomer, not ${group}`,
      [{ field: '/leadStatusEnabled', message: 'only allowed in the group potentialCustomer' }],
    );
  }
}

export async function listCategories(db: Executor, actor: Actor, includeDeleted: boolean): Promise<Category[]> {
  const rows = await db
    .selectFrom('categories')
    .selectAll()
    .$if(!includeDeleted, (query) => query.where('deleted', '=', false))
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map((row) => toCategory(row, actor.language));
}

export async function listLeadStatuses(db: Executor, actor: Actor, includeDeleted: boolean): Promise<LeadStatus[]> {
  const rows = await db
    .selectFrom('lead_statuses')
    .selectAll()
    .$if(!includeDeleted, (query) => query.where('deleted', '=', false))
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map((row) => toLeadStatus(row, actor.language));
}

export async function getCategory(db: Executor, actor: Actor, id: number): Promise<Category> {
  const row = await db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('category', id);
  return toCategory(row, actor.language);
}

export async function getLeadStatus(db: Executor, actor: Actor, id: number): Promise<LeadStatus> {
  const row = await db.selectFrom('lead_statuses').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('lead status', id);
  return toLeadStatus(row, actor.language);
}

async function nextSortOrder(trx: Trx, table: ListTable): Promise<number> {
  const row = await trx
    .selectFrom(table as 'lead_statuses')
    .select((eb) => eb.fn.max('sort_order').as('max'))
    .executeTakeFirst();
  return (row?.max ?? 0) + 10;
}

export async function createCategory(trx: Trx, actor: Actor, input: CategoryInput): Promise<Category> {
  const text = resolveText(actor, input);
  if (!text.name_nl && !text.name_en) {
    throw new AppError('VALIDATION_FAILED', 'a category needs a name', [{ field: '/name', message: 'required', code: 'required' }]);
  }
  if (!input.categoryGroup) {
    throw new AppError('VALIDATION_FAILED', 'a category needs a category group', [{ field: '/categoryGroup', message: 'required', code: 'required' }]);
  }
  assertGroupAllowsLeadStatus(input.categoryGroup, input.leadStatusEnabled ?? false);

  await lockList(trx, 'categories');
  await assertNamesFree(trx, 'categories', [text.name_nl, text.name_en], null);
  const inserted = await trx
    .insertInto('categories')
    .values({
      ...text,
      category_group: input.categoryGroup,
      lead_status_enabled: input.leadStatusEnabled ?? false,
      sort_order: await nextSortOrder(trx, 'categories'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAuditEntry(trx, actor, { entity: 'category', entityId: inserted.id, action: 'create', changes: { ...input } });
  return getCategory(trx, actor, inserted.id);
}

export async function createLeadStatus(trx: Trx, actor: Actor, input: LeadStatusInput): Promise<LeadStatus> {
  const text = resolveText(actor, input);
  if (!text.name_nl && !text.name_en) {
    throw new AppError('VALIDATION_FAILED', 'a lead status needs a name', [{ field: '/name', message: 'required', code: 'required' }]);
  }

  await lockList(trx, 'lead_statuses');
  await assertNamesFree(trx, 'lead_statuses', [text.name_nl, text.name_en], null);
  if (input.isDefault) await trx.updateTable('lead_statuses').set({ is_default: false }).where('is_default', '=', true).execute();
  const inserted = await trx
    .insertInto('lead_statuses')
    .values({ ...text, is_default: input.isDefault ?? false, sort_order: await nextSortOrder(trx, 'lead_statuses') })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAuditEntry(trx, actor, { entity: 'leadStatus', entityId: inserted.id, action: 'create', changes: { ...input } });
  return getLeadStatus(trx, actor, inserted.id);
}

function assertKeepsAName(row: { name_nl: string | null; name_en: string | null }, text: ResolvedText): void {
  const nameNl = text.name_nl !== undefined ? text.name_nl : row.name_nl;
  const nameEn = text.name_en !== undefined ? text.name_en : row.name_en;
  if (!nameNl && !nameEn) {
    throw new AppError('VALIDATION_FAILED', 'an item needs a name in at least one language', [{ field: '/name', message: 'required', code: 'required' }]);
  }
}

/**
 * Updates a category. Enabling lead status on a category in use starts a new lead cycle for the
 * persons of its companies, as if each company had moved into a lead-enabled category. Disabling
 * it keeps their statuses as retained values.
 */
export async function updateCategory(trx: Trx, actor: Actor, id: number, input: CategoryInput, expectedVersion: number): Promise<Category> {
  await lockList(trx, 'categories');
  const row = await trx.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('category', id);
  assertCurrentVersion('category', id, row.version, expectedVersion);

  const text = resolveText(actor, input);
  assertKeepsAName(row, text);
  const group = input.categoryGroup ?? row.category_group;
  const enabled = input.leadStatusEnabled ?? row.lead_status_enabled;
  assertGroupAllowsLeadStatus(group, enabled);
  await assertNamesFree(trx, 'categories', [text.name_nl, text.name_en], id);

  const now = new Date();
  await trx
    .updateTable('categories')
    .set((eb) => ({ ...text, category_group: group, lead_status_enabled: enabled, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();

  if (enabled && !row.lead_status_enabled) {
    const companies = await trx.selectFrom('companies').select('id').where('category_id', '=', id).orderBy('id').forUpdate().execute();
    await startLeadCycleForCompanies(
      trx,
      { ...actor, source: 'categoryChange' },
      companies.map((company) => company.id),
      now,
    );
  }
  await writeAuditEntry(trx, actor, { entity: 'category', entityId: id, action: 'update', changes: { ...input } });
  return getCategory(trx, actor, id);
}

export async function updateLeadStatus(trx: Trx, actor: Actor, id: number, input: LeadStatusInput, expectedVersion: number): Promise<LeadStatus> {
  await lockList(trx, 'lead_statuses');
  const row = await trx.selectFrom('lead_statuses').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('lead status', id);
  assertCurrentVersion('lead status', id, row.version, expectedVersion);

  const text = resolveText(actor, input);
  assertKeepsAName(row, text);
  await assertNamesFree(trx, 'lead_statuses', [text.name_nl, text.name_en], id);
  if (input.isDefault === false && row.is_default) {
    throw new AppError('VALIDATION_FAILED', `lead status ${id} is the default; make another status the default instead`, [
      { field: '/isDefault', message: 'make another status the default' },
    ]);
  }
  if (input.isDefault === true && row.deleted) {
    throw new AppError('ITEM_DELETED', `lead status ${id} is deleted; restore it before making it the default`);
  }
  if (input.isDefault === true && !row.is_default) {
    await trx.updateTable('lead_statuses').set({ is_default: false }).where('is_default', '=', true).execute();
  }

  await trx
    .updateTable('lead_statuses')
    .set((eb) => ({
      ...text,
      ...(input.isDefault === true ? { is_default: true } : {}),
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
  await writeAuditEntry(trx, actor, { entity: 'leadStatus', entityId: id, action: 'update', changes: { ...input } });
  return getLeadStatus(trx, actor, id);
}

/** Soft-deletes or restores an item; records that hold it keep it. The default status stays. */
export async function setListItemDeleted(trx: Trx, actor: Actor, table: ListTable, id: number, deleted: boolean): Promise<void> {
  await lockList(trx, table);
  const row = await trx
    .selectFrom(table as 'lead_statuses')
    .select(['id', 'deleted'])
    .$if(table === 'lead_statuses', (query) => query.select('is_default'))
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(ITEM_NAMES[table], id);
  if (deleted && (row as { is_default?: boolean }).is_default) {
    throw new AppError('DEFAULT_LEAD_STATUS_PROTECTED', `lead status ${id} is the default for new leads and cannot be deleted; make another status the default first`);
  }
  if (row.deleted === deleted) return;

  await trx
    .updateTable(table as 'lead_statuses')
    .set((eb) => ({ deleted, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
  await writeAuditEntry(trx, actor, {
    entity: table === 'categories' ? 'category' : 'leadStatus',
    entityId: id,
    action: deleted ? 'delete' : 'restore',
    changes: {},
  });
}

/** Moves items into the given order; ids not listed keep their place after the listed ones. */
export async function reorderListItems(trx: Trx, actor: Actor, table: ListTable, orderedIds: number[]): Promise<void> {
  await lockList(trx, table);
  const rows = await trx
    .selectFrom(table as 'lead_statuses')
    .select(['id'])
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  const known = new Set(rows.map((row) => row.id));
  const unknown = orderedIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', `unknown ${ITEM_NAMES[table]} ids: ${unknown.join(', ')}`, [{ field: '/ids', message: 'unknown id', code: 'unknownReference' }]);
  }
  if (new Set(orderedIds).size !== orderedIds.length) {
    throw new AppError('VALIDATION_FAILED', 'each id may appear only once', [{ field: '/ids', message: 'duplicate id' }]);
  }

  const listed = new Set(orderedIds);
  const finalOrder = [...orderedIds, ...rows.map((row) => row.id).filter((id) => !listed.has(id))];
  for (const [index, id] of finalOrder.entries()) {
    await trx
      .updateTable(table as 'lead_statuses')
      .set({ sort_order: (index + 1) * 10 })
      .where('id', '=', id)
      .execute();
  }
  await writeAuditEntry(trx, actor, { entity: table === 'categories' ? 'category' : 'leadStatus', entityId: 0, action: 'reorder', changes: { ids: finalOrder } });
}

/** Counts the records that hold an item, shown before a change so its reach is visible. */
export async function countListItemUsage(db: Executor, table: ListTable, id: number): Promise<{ companies: number; persons: number }> {
  const exists = await db.selectFrom(table as 'lead_statuses').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) throw notFound(ITEM_NAMES[table], id);

  if (table === 'lead_statuses') {
    const persons = await db
      .selectFrom('persons')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('lead_status_id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return { companies: 0, persons: Number(persons.count) };
  }

  const companies = await db
    .selectFrom('companies')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('category_id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  const persons = await db
    .selectFrom('persons as p')
    .innerJoin('companies as c', 'c.id', 'p.company_id')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('c.category_id', '=', id)
    .where('p.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { companies: Number(companies.count), persons: Number(persons.count) };
}
