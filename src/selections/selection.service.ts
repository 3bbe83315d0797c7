import { type RawBuilder, sql } from 'kysely';

import type { Actor } from '../auth/actor.js';
import { writeAuditEntry } from '../audit/audit-log.js';
import { selectCompanyRows } from '../companies/company.repository.js';
import type { CriteriaSets } from '../criteria/criteria.js';
import { COMPANY_FIELDS } from '../criteria/company-fields.js';
import type { FieldCatalogue } from '../criteria/fields.js';
import { buildFilter, type FilterOptions } from '../criteria/list-query.js';
import { PERSON_FIELDS } from '../criteria/person-fields.js';
import { validateCriteria } from '../criteria/validate-criteria.js';
import type { Executor, Trx } from '../db/database.js';
import type { SelectionEntity, SelectionKind, SelectionVisibility } from '../db/schema.js';
import { AppError, notFound, validationFailed } from '../errors/app-error.js';
import { assertCurrentVersion } from '../errors/version.js';
import { selectPersonRows } from '../persons/person.repository.js';

export interface Selection {
  id: number;
  name: string;
  description: string | null;
  entity: SelectionEntity;
  kind: SelectionKind;
  /** The criteria of a dynamic selection; null for a static one. */
  criteria: CriteriaSets | null;
  owner: { id: number; name: string };
  visibility: SelectionVisibility;
  /** Whether the signed-in user may change or delete it. */
  editable: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface SelectionInput {
  name: string;
  description?: string | null;
  entity: SelectionEntity;
  kind: SelectionKind;
  criteria?: CriteriaSets;
  visibility?: SelectionVisibility;
  /** Initial members of a static selection. */
  memberIds?: number[];
}

export interface SelectionPatch {
  name?: string;
  description?: string | null;
  criteria?: CriteriaSets;
  visibility?: SelectionVisibility;
}

/** At most this many ids per request that adds or removes members. */
export const MAX_MEMBER_IDS = 10_000;

export function catalogueOf(entity: SelectionEntity): FieldCatalogue {
  return entity === 'person' ? PERSON_FIELDS : COMPANY_FIELDS;
}

function selectSelections(db: Executor) {
  return db
    .selectFrom('selections as s')
    .innerJoin('users as u', 'u.id', 's.owner_id')
    .select([
      's.id',
      's.name',
      's.description',
      's.entity',
      's.kind',
      's.criteria',
      's.owner_id',
      's.visibility',
      's.created_at',
      's.updated_at',
      's.version',
      'u.name as owner_name',
    ]);
}

type SelectionRow = Awaited<ReturnType<ReturnType<typeof selectSelections>['executeTakeFirstOrThrow']>>;

function toSelection(row: SelectionRow, actor: Actor): Selection {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    entity: row.entity,
    kind: row.kind,
    criteria: (row.criteria as CriteriaSets | null) ?? null,
    owner: { id: row.owner_id, name: row.owner_name },
    visibility: row.visibility,
    editable: mayChange(row, actor),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** Tells whether the actor may change a selection: its owner, or an administrator when it is visible to everyone. */
function mayChange(row: Pick<SelectionRow, 'owner_id' | 'visibility'>, actor: Actor): boolean {
  return row.owner_id === actor.userId || (actor.role === 'administrator' && row.visibility === 'everyone');
}

/** Lists the selections the user may see, by name; those of other users only when visible to everyone. */
export async function listSelections(db: Executor, actor: Actor, entity?: SelectionEntity): Promise<Selection[]> {
  let query = selectSelections(db).where((eb) => eb.or([eb('s.visibility', '=', 'everyone'), eb('s.owner_id', '=', actor.userId ?? -1)]));
  if (entity !== undefined) query = query.where('s.entity', '=', entity);
  const rows = await query.orderBy(sql`lower(s.name)`).orderBy('s.id').execute();
  return rows.map((row) => toSelection(row, actor));
}

/** Reads a selection; one that is visible only to another user is not found. */
export async function getSelection(db: Executor, actor: Actor, id: number): Promise<Selection> {
  const row = await selectSelections(db).where('s.id', '=', id).executeTakeFirst();
  if (!row || (row.visibility === 'owner' && row.owner_id !== actor.userId)) throw notFound('selection', id);
  return toSelection(row, actor);
}

async function lockForChange(trx: Trx, actor: Actor, id: number, expectedVersion?: number) {
  const row = await trx.selectFrom('selections').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row || (row.visibility === 'owner' && row.owner_id !== actor.userId)) throw notFound('selection', id);
  if (!mayChange(row, actor)) {
    throw new AppError('FORBIDDEN', `selection ${id} belongs to another user; only its owner or an administrator may change it`);
  }
  if (expectedVersion !== undefined) assertCurrentVersion('selection', id, row.version, expectedVersion);
  return row;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw validationFailed('/name', 'required', 'required');
  return trimmed;
}

function checkCriteria(entity: SelectionEntity, criteria: unknown): CriteriaSets {
  return validateCriteria(criteria, catalogueOf(entity), { path: '/criteria' }).criteria;
}

export async function createSelection(trx: Trx, actor: Actor, input: SelectionInput): Promise<Selection> {
  if (actor.userId === null) throw new AppError('FORBIDDEN', 'a selection needs a signed-in owner');
  const name = checkName(input.name);
  if (input.kind === 'dynamic' && input.criteria === undefined) throw validationFailed('/criteria', 'a dynamic selection needs criteria', 'required');
  if (input.kind === 'static' && input.criteria !== undefined) throw validationFailed('/criteria', 'a static selection keeps members, not criteria');
  if (input.kind === 'dynamic' && input.memberIds !== undefined) throw validationFailed('/memberIds', 'a dynamic selection has no members of its own');
  const criteria = input.kind === 'dynamic' ? checkCriteria(input.entity, input.criteria) : null;

  const row = await trx
    .insertInto('selections')
    .values({
      name,
      description: input.description ?? null,
      entity: input.entity,
      kind: input.kind,
      criteria: criteria === null ? null : JSON.stringify(criteria),
      owner_id: actor.userId,
      visibility: input.visibility ?? 'everyone',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.memberIds !== undefined && input.memberIds.length > 0) await insertMembers(trx, row.id, input.entity, input.memberIds, '/memberIds');
  await writeAuditEntry(trx, actor, { entity: 'selection', entityId: row.id, action: 'create', changes: { name, kind: input.kind } });
  return getSelection(trx, actor, row.id);
}

export async function updateSelection(trx: Trx, actor: Actor, id: number, patch: SelectionPatch, expectedVersion: number): Promise<Selection> {
  const current = await lockForChange(trx, actor, id, expectedVersion);
  if (patch.criteria !== undefined && current.kind === 'static') throw validationFailed('/criteria', 'a static selection keeps members, not criteria');
  const changes: Record<string, unknown> = {};
  if (patch.name !== undefined) changes.name = checkName(patch.name);
  if (patch.description !== undefined) changes.description = patch.description;
  if (patch.visibility !== undefined) changes.visibility = patch.visibility;
  if (patch.criteria !== undefined) changes.criteria = JSON.stringify(checkCriteria(current.entity, patch.criteria));

  await trx
    .updateTable('selections')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
  await writeAuditEntry(trx, actor, { entity: 'selection', entityId: id, action: 'update', changes });
  return getSelection(trx, actor, id);
}

export async function deleteSelection(trx: Trx, actor: Actor, id: number, expectedVersion: number): Promise<void> {
  const current = await lockForChange(trx, actor, id, expectedVersion);
  await trx.deleteFrom('selections').where('id', '=', id).execute();
  await writeAuditEntry(trx, actor, { entity: 'selection', entityId: id, action: 'delete', changes: { name: current.name } });
}

/**
 * Names a copy "Name (kopie)", or "Name (kopie 2)" and so on when the user already has a selection
 * of that name, so each copy has its own name in the list.
 */
async function copyName(trx: Trx, actor: Actor, sourceName: string): Promise<string> {
  const word = actor.language === 'nl' ? 'kopie' : 'copy';
  const owned = actor.userId === null ? [] : await trx.selectFrom('selections').select('name').where('owner_id', '=', actor.userId).execute();
  const ownedNames = new Set(owned.map((row) => row.name));
  let candidate = `${sourceName} (${word})`;
  for (let number = 2; ownedNames.has(candidate); number += 1) candidate = `${sourceName} (${word} ${number})`;
  return candidate;
}

/** Copies a selection, members or criteria included, as a new selection of the user. */
export async function copySelection(trx: Trx, actor: Actor, id: number, name?: string): Promise<Selection> {
  const source = await getSelection(trx, actor, id);
  const copy = await createSelection(trx, actor, {
    name: name ?? (await copyName(trx, actor, source.name)),
    description: source.description,
    entity: source.entity,
    kind: source.kind,
    ...(source.criteria === null ? {} : { criteria: source.criteria }),
    visibility: source.visibility,
  });
  if (source.kind === 'static') {
    await sql`
      insert into selection_members (selection_id, record_id)
      select ${copy.id}, record_id from selection_members where selection_id = ${id}`.execute(trx);
  }
  return copy;
}

/**
 * Turns a dynamic selection into a static one whose members are the records that match its
 * criteria now, deleted records left out.
 */
export async function makeSelectionStatic(trx: Trx, actor: Actor, id: number, expectedVersion: number): Promise<Selection> {
  const current = await lockForChange(trx, actor, id, expectedVersion);
  if (current.kind === 'static') throw new AppError('VALIDATION_FAILED', `selection ${id} is already static`, [{ field: '/kind', message: 'already static', code: 'invalid' }]);

  const { rows, filter } = selectionRowSource(trx, actor, { id, entity: current.entity, kind: 'dynamic', criteria: current.criteria as CriteriaSets });
  await sql`
    insert into selection_members (selection_id, record_id)
    select ${id}, ids.id from (${rows.clearSelect().select(sql<number>`${catalogueOf(current.entity).id}`.as('id')).where(filter)}) as ids`.execute(trx);
  await trx
    .updateTable('selections')
    .set((eb) => ({ kind: 'static', criteria: null, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
  await writeAuditEntry(trx, actor, { entity: 'selection', entityId: id, action: 'makeStatic', changes: {} });
  return getSelection(trx, actor, id);
}

/** Adds records to a static selection; ids already in it are left as they are. Returns how many were added. */
export async function addMembers(trx: Trx, actor: Actor, id: number, ids: readonly number[]): Promise<number> {
  const current = await lockForChange(trx, actor, id);
  if (current.kind !== 'static') throw validationFailed('/ids', 'members can be added to a static selection only; its criteria decide a dynamic one');
  const added = await insertMembers(trx, id, current.entity, ids);
  await touch(trx, id);
  return added;
}

/** Removes records from a static selection. Returns how many were removed. */
export async function removeMembers(trx: Trx, actor: Actor, id: number, ids: readonly number[]): Promise<number> {
  const current = await lockForChange(trx, actor, id);
  if (current.kind !== 'static') throw validationFailed('/ids', 'members can be removed from a static selection only; its criteria decide a dynamic one');
  const result = await trx.deleteFrom('selection_members').where('selection_id', '=', id).where('record_id', 'in', [...ids]).executeTakeFirst();
  await touch(trx, id);
  return Number(result.numDeletedRows);
}

async function touch(trx: Trx, id: number): Promise<void> {
  await trx
    .updateTable('selections')
    .set((eb) => ({ updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

async function insertMembers(trx: Trx, selectionId: number, entity: SelectionEntity, ids: readonly number[], field = '/ids'): Promise<number> {
  const unique = [...new Set(ids)];
  const table = entity === 'person' ? 'persons' : 'companies';
  const existing = await trx.selectFrom(table).select('id').where('id', 'in', unique).execute();
  const known = new Set(existing.map((row) => row.id));
  const unknown = unique.filter((candidate) => !known.has(candidate));
  if (unknown.length > 0) {
    throw new AppError('REFERENCE_NOT_FOUND', `${entity} ids not found: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ' …' : ''}; send ids of existing records`, [
      { field, message: `unknown ${entity} ids`, code: 'unknownReference' },
    ]);
  }
  const result = await trx
    .insertInto('selection_members')
    .values(unique.map((recordId) => ({ selection_id: selectionId, record_id: recordId })))
    .onConflict((conflict) => conflict.columns(['selection_id', 'record_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Returns the filter options that limit a list, count or export to a selection's records: its
 * criteria for a dynamic selection, its members for a static one.
 */
export function selectionFilter(selection: Pick<Selection, 'id' | 'kind' | 'criteria'>): Pick<FilterOptions, 'alsoMatch' | 'idsFrom'> {
  if (selection.kind === 'dynamic') return { alsoMatch: selection.criteria ?? [] };
  return { idsFrom: sql`select record_id from selection_members where selection_id = ${selection.id}` as RawBuilder<unknown> };
}

function selectionRowSource(db: Executor, actor: Actor, selection: Pick<Selection, 'id' | 'entity' | 'kind' | 'criteria'>) {
  const catalogue = catalogueOf(selection.entity);
  const filter = buildFilter(catalogue, actor, selectionFilter(selection));
  const rows = selection.entity === 'person' ? selectPersonRows(db) : selectCompanyRows(db);
  return { rows: rows as ReturnType<typeof selectPersonRows>, filter };
}
