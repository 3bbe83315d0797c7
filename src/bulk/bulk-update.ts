import { type RawBuilder, type SqlBool, sql } from 'kysely';

import type { Actor } from '../auth/actor.js';
import { selectCompanyRows } from '../companies/company.repository.js';
import { updateCompany } from '../companies/company.service.js';
import type { CriteriaSets } from '../criteria/criteria.js';
import type { FieldCatalogue } from '../criteria/fields.js';
import { buildFilter } from '../criteria/list-query.js';
import { validateCriteria } from '../criteria/validate-criteria.js';
import { COMPANY_FIELDS } from '../criteria/company-fields.js';
import { PERSON_FIELDS } from '../criteria/person-fields.js';
import type { Db, Executor, Trx } from '../db/database.js';
import type { BulkUpdateOutcome, BulkUpdateStatus } from '../db/schema.js';
import { AppError, notFound, validationFailed } from '../errors/app-error.js';
import { assertSelectableLeadStatus } from '../leads/lead-status.service.js';
import { assertActiveUser, loadSelectableCategory } from '../lists/references.js';
import { BulkItemError, type PersonUpdate, updatePersons } from '../persons/person.service.js';
import { selectPersonRows } from '../persons/person.repository.js';
import { getSelection, selectionFilter } from '../selections/selection.service.js';

/** Persons changed per transaction. */
export const BULK_BATCH_SIZE = 500;
/** Pause between batches in milliseconds, so other requests get their turn. */
const BATCH_PAUSE_MS = 5;
/** At most this many records in one bulk update. */
export const MAX_BULK_RECORDS = 1_000_000;

/** The persons a bulk update covers: a selection, a list filter, or ticked rows. */
export interface BulkTarget {
  selectionId?: number;
  filter?: CriteriaSets;
  ids?: number[];
}

/** The values a bulk update sets: a lead status, our contact (owner), or both. */
export interface BulkChanges {
  leadStatusId?: number;
  ownerId?: number | null;
}

export interface BulkPreview {
  total: number;
  /** Persons the update would change. */
  change: number;
  /** Persons that already have the values. */
  unchanged: number;
  /** Persons it cannot change, with the reason. */
  refused: Array<{ reason: 'leadStatusNotEnabled'; count: number }>;
}

export interface BulkUpdateState {
  id: number;
  status: BulkUpdateStatus;
  changes: BulkChanges;
  total: number;
  done: number;
  changed: number;
  unchanged: number;
  refused: number;
  createdAt: string;
  finishedAt: string | null;
}

type BulkEntity = 'person' | 'company';

/** The list base query, field catalogue and table of each entity a bulk update can change. */
const ENTITIES = {
  person: {
    catalogue: PERSON_FIELDS,
    table: 'persons',
    plural: 'persons',
    other: 'companies',
    selectIds: (db: Executor) => selectPersonRows(db).clearSelect().select('p.id'),
  },
  company: {
    catalogue: COMPANY_FIELDS,
    table: 'companies',
    plural: 'companies',
    other: 'persons',
    selectIds: (db: Executor) => selectCompanyRows(db).clearSelect().select('c.id'),
  },
} as const;

/** Builds the WHERE expression of a bulk update's target records, deleted ones left out. */
async function targetFilter(db: Executor, actor: Actor, target: BulkTarget, entity: BulkEntity) {
  const { catalogue, table, other } = ENTITIES[entity];
  const namedTargets = [target.selectionId, target.filter, target.ids].filter((part) => part !== undefined).length;
  if (namedTargets !== 1) throw validationFailed('/target', 'name exactly one of selectionId, filter or ids', 'invalid');

  if (target.selectionId !== undefined) {
    const selection = await getSelection(db, actor, target.selectionId);
    if (selection.entity !== entity) throw validationFailed('/target/selectionId', `selection ${selection.id} lists ${other}, not ${ENTITIES[entity].plural}`);
    return buildFilter(catalogue, actor, selectionFilter(selection));
  }
  if (target.filter !== undefined) return buildFilter(catalogue, actor, { filter: targetCriteria(target.filter, catalogue) });
  const ids = await knownIds(db, table, target.ids ?? []);
  return buildFilter(catalogue, actor, { idsFrom: sql`select unnest(${ids}::integer[])` });
}

/** Validates a target filter, given as one set of lines or as sets, with error paths under /target/filter. */
function targetCriteria(filter: unknown, catalogue: FieldCatalogue): CriteriaSets {
  const isOneSet = Array.isArray(filter) && filter.length > 0 && filter.every((line) => !Array.isArray(line));
  return validateCriteria(isOneSet ? [filter] : filter, catalogue, { path: '/target/filter', isOneSet }).criteria;
}

/** Returns the ids without repeats; an id that names no record is refused, naming it. */
async function knownIds(db: Executor, table: 'persons' | 'companies', ids: readonly number[]): Promise<number[]> {
  const unique = [...new Set(ids)];
  const found = new Set((await db.selectFrom(table).select('id').where('id', 'in', unique).execute()).map((row) => row.id));
  const unknown = unique.filter((id) => !found.has(id));
  if (unknown.length > 0) {
    throw new AppError('REFERENCE_NOT_FOUND', `${table === 'persons' ? 'person' : 'company'} ids not found: ${unknown.slice(0, 10).join(', ')}; send ids of existing records`, [
      { field: '/target/ids', message: 'unknown ids', code: 'unknownReference' },
    ]);
  }
  return unique;
}

async function checkChanges(db: Executor, changes: BulkChanges): Promise<void> {
  if (changes.leadStatusId === undefined && changes.ownerId === undefined) {
    throw validationFailed('/changes', 'set leadStatusId, ownerId or both', 'required');
  }
  if (changes.leadStatusId !== undefined) await assertSelectableLeadStatus(db, changes.leadStatusId, '/changes/leadStatusId');
  if (changes.ownerId !== undefined && changes.ownerId !== null) await assertActiveUser(db, changes.ownerId, '/changes/ownerId');
}

/** SQL for "this person needs no change": it already has every value the update sets. */
function unchangedExpression(changes: BulkChanges) {
  const parts = [];
  if (changes.leadStatusId !== undefined) parts.push(sql`p.lead_status_id is not distinct from ${changes.leadStatusId}`);
  if (changes.ownerId !== undefined) parts.push(sql`p.owner_id is not distinct from ${changes.ownerId}`);
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/** SQL for "lead status cannot be set on this person": its company's category has it disabled. */
const NOT_ENABLED = sql<boolean>`(not coalesce(cat.lead_status_enabled, false) or c.deleted_at is not null)`;

/** Counts what a bulk update would do, without changing anything. */
export async function previewBulkUpdate(db: Executor, actor: Actor, target: BulkTarget, changes: BulkChanges): Promise<BulkPreview> {
  await checkChanges(db, changes);
  const filter = await targetFilter(db, actor, target, 'person');
  const cannotChange = changes.leadStatusId === undefined ? sql`false` : sql`${NOT_ENABLED} and p.lead_status_id is distinct from ${changes.leadStatusId}`;
  const row = await selectPersonRows(db)
    .clearSelect()
    .select([
      sql<number>`cast(count(*) as integer)`.as('total'),
      sql<number>`cast(count(*) filter (where ${unchangedExpression(changes)}) as integer)`.as('unchanged'),
      sql<number>`cast(count(*) filter (where ${cannotChange} and not ${unchangedExpression(changes)}) as integer)`.as('refused'),
    ])
    .where(filter)
    .executeTakeFirstOrThrow();
  const total = Number(row.total);
  const unchanged = Number(row.unchanged);
  const refused = Number(row.refused);
  return {
    total,
    change: total - unchanged - refused,
    unchanged,
    refused: refused === 0 ? [] : [{ reason: 'leadStatusNotEnabled', count: refused }],
  };
}

/**
 * Starts a bulk update: records the persons it covers, then changes them in batches, each in a
 * transaction of its own, on the path every edit takes (rules, history, versions). Returns at once
 * with the run's id; `runBulkUpdate` does the work.
 */
export async function startBulkUpdate(db: Db, actor: Actor, target: BulkTarget, changes: BulkChanges): Promise<number> {
  await checkChanges(db, changes);
  return createRun(db, actor, 'person', changes, await targetFilter(db, actor, target, 'person'));
}

/** Records a new run and the ids of every record it covers, in one transaction. */
async function createRun(db: Db, actor: Actor, entity: BulkEntity, changes: BulkChanges | CompanyBulkChanges, filter: RawBuilder<SqlBool>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const run = await trx
      .insertInto('bulk_updates')
      .values({ entity, changes: JSON.stringify(changes), total: 0, created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const inserted = await sql`
      insert into bulk_update_records (bulk_update_id, record_id)
      select ${run.id}, ids.id from (${ENTITIES[entity].selectIds(trx).where(filter)}) as ids`.execute(trx);
    const total = Number(inserted.numAffectedRows ?? 0);
    if (total > MAX_BULK_RECORDS) {
      throw validationFailed('/target', `covers ${total} ${ENTITIES[entity].plural}; a bulk update may cover at most ${MAX_BULK_RECORDS}, so narrow the target`);
    }
    await trx.updateTable('bulk_updates').set({ total }).where('id', '=', run.id).execute();
    return run.id;
  });
}

/** Returns the next record ids of a run that have no outcome yet, in id order. */
async function nextRecordIds(trx: Trx, id: number, limit: number): Promise<number[]> {
  const rows = await trx
    .selectFrom('bulk_update_records')
    .select('record_id')
    .where('bulk_update_id', '=', id)
    .where('outcome', 'is', null)
    .orderBy('record_id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.record_id);
}

/**
 * Works through a bulk update batch by batch until every record has an outcome or a stop is
 * requested. Each batch locks its records, changes those that need it and writes every outcome in
 * one transaction, so a stop or a crash leaves whole batches.
 */
export async function runBulkUpdate(db: Db, actor: Actor, id: number): Promise<BulkUpdateStatus> {
  const run = await db.selectFrom('bulk_updates').select(['changes', 'entity']).where('id', '=', id).executeTakeFirstOrThrow();
  for (;;) {
    const state = await db.selectFrom('bulk_updates').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    if (state.status === 'stopping') return finish(db, id, 'stopped');
    const remaining = await db
      .transaction()
      .execute((trx) =>
        run.entity === 'person' ? runBatch(trx, actor, id, run.changes as BulkChanges) : runCompanyBatch(trx, actor, id, run.changes as CompanyBulkChanges),
      );
    if (remaining === 0) return finish(db, id, 'done');
    // The embedded engine has one connection. A short pause lets requests that arrived during the
    // batch, such as a stop or a progress check, run before the next batch takes it again.
    await new Promise((resolve) => setTimeout(resolve, BATCH_PAUSE_MS));
  }
}

async function finish(db: Db, id: number, status: BulkUpdateStatus): Promise<BulkUpdateStatus> {
  await db.updateTable('bulk_updates').set({ status, finished_at: new Date() }).where('id', '=', id).execute();
  return status;
}

/** Runs one batch; returns how many persons are still to do after it (0 when finished). */
async function runBatch(trx: Trx, actor: Actor, id: number, changes: BulkChanges): Promise<number> {
  const todo = await nextRecordIds(trx, id, BULK_BATCH_SIZE);
  if (todo.length === 0) return 0;

  const persons = await selectPersonRows(trx)
    .clearSelect()
    .select(['p.id', 'p.version', 'p.deleted_at', sql<boolean>`${unchangedExpression(changes)}`.as('unchanged'), sql<boolean>`${NOT_ENABLED}`.as('not_enabled')])
    .where('p.id', 'in', todo)
    .execute();

  const outcomes = new Map<number, { outcome: BulkUpdateOutcome; reason: string | null }>();
  let updates: PersonUpdate[] = [];
  for (const person of persons) {
    if (person.deleted_at !== null) outcomes.set(person.id, { outcome: 'refused', reason: 'deleted' });
    else if (person.unchanged) outcomes.set(person.id, { outcome: 'unchanged', reason: null });
    else if (changes.leadStatusId !== undefined && person.not_enabled) outcomes.set(person.id, { outcome: 'refused', reason: 'LEAD_STATUS_NOT_ENABLED' });
    else updates.push({ id: person.id, patch: { ...changes }, expectedVersion: person.version });
  }
  const found = new Set(persons.map((person) => person.id));
  for (const recordId of todo) {
    if (!found.has(recordId)) outcomes.set(recordId, { outcome: 'refused', reason: 'NOT_FOUND' });
  }

  // updatePersons checks every rule again under its locks; an update it refuses is logged and the
  // rest of the batch goes ahead.
  for (;;) {
    try {
      await updatePersons(trx, actor, updates);
      break;
    } catch (error) {
      if (!(error instanceof BulkItemError)) throw error;
      const refused = updates[error.index];
      if (refused === undefined) throw error;
      outcomes.set(refused.id, { outcome: 'refused', reason: error.itemError.code });
      updates = updates.filter((_update, index) => index !== error.index);
    }
  }
  for (const update of updates) outcomes.set(update.id, { outcome: 'changed', reason: null });

  const now = new Date();
  for (const outcome of ['changed', 'unchanged', 'refused'] as const) {
    for (const reason of new Set([...outcomes.values()].filter((entry) => entry.outcome === outcome).map((entry) => entry.reason))) {
      const ids = [...outcomes.entries()].filter(([, entry]) => entry.outcome === outcome && entry.reason === reason).map(([recordId]) => recordId);
      await trx
        .updateTable('bulk_update_records')
        .set({ outcome, reason, done_at: now })
        .where('bulk_update_id', '=', id)
        .where('record_id', 'in', ids)
        .execute();
    }
  }
  return todo.length;
}

/** Asks a running bulk update to stop after the batch it is working on. */
export async function stopBulkUpdate(db: Executor, actor: Actor, id: number): Promise<BulkUpdateState> {
  // Reading it first also checks that the actor may see the run, before anything changes.
  await getBulkUpdate(db, actor, id);
  await db.updateTable('bulk_updates').set({ status: 'stopping' }).where('id', '=', id).where('status', '=', 'running').execute();
  return getBulkUpdate(db, actor, id);
}

export async function getBulkUpdate(db: Executor, actor: Actor, id: number): Promise<BulkUpdateState> {
  const run = await db.selectFrom('bulk_updates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!run || (run.created_by !== actor.userId && actor.role !== 'administrator')) throw notFound('bulk update', id);
  const counts = await db
    .selectFrom('bulk_update_records')
    .select(['outcome', sql<number>`cast(count(*) as integer)`.as('count')])
    .where('bulk_update_id', '=', id)
    .groupBy('outcome')
    .execute();
  const countOf = (outcome: BulkUpdateOutcome) => Number(counts.find((row) => row.outcome === outcome)?.count ?? 0);
  const changed = countOf('changed');
  const unchanged = countOf('unchanged');
  const refused = countOf('refused');
  return {
    id: run.id,
    status: run.status,
    changes: run.changes as BulkChanges,
    total: run.total,
    done: changed + unchanged + refused,
    changed,
    unchanged,
    refused,
    createdAt: run.created_at.toISOString(),
    finishedAt: run.finished_at === null ? null : run.finished_at.toISOString(),
  };
}

/** Lists the outcome of every record a bulk update has handled, in id order, a page at a time, with the record's name. */
export async function listBulkUpdateRecords(db: Executor, actor: Actor, id: number, page: { after?: number; limit: number }) {
  await getBulkUpdate(db, actor, id);
  const run = await db.selectFrom('bulk_updates').select('entity').where('id', '=', id).executeTakeFirstOrThrow();
  const name =
    run.entity === 'person'
      ? sql<string | null>`(select concat_ws(' ', p.first_name, p.middle_name, p.last_name) from persons as p where p.id = r.record_id)`
      : sql<string | null>`(select c.name from companies as c where c.id = r.record_id)`;
  let query = db
    .selectFrom('bulk_update_records as r')
    .select(['r.record_id', 'r.outcome', 'r.reason', 'r.done_at', name.as('name')])
    .where('r.bulk_update_id', '=', id)
    .where('r.outcome', 'is not', null);
  if (page.after !== undefined) query = query.where('r.record_id', '>', page.after);
  return query.orderBy('r.record_id').limit(page.limit).execute();
}

/** Marks runs that a stopped server left unfinished; their remaining persons stay untouched. */
export async function markInterruptedBulkUpdates(db: Executor): Promise<number> {
  const result = await db
    .updateTable('bulk_updates')
    .set({ status: 'interrupted', finished_at: new Date() })
    .where('status', 'in', ['running', 'stopping'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The value a company bulk update sets: a category (null for none). */
export interface CompanyBulkChanges {
  categoryId: number | null;
}

export interface CompanyBulkPreview {
  total: number;
  change: number;
  unchanged: number;
  /** Persons of the companies that change, whose lead status the new category affects. */
  persons: number;
}

/** Companies changed per transaction; each may carry hundreds of persons. */
export const COMPANY_BULK_BATCH_SIZE = 100;

async function checkCompanyChanges(db: Executor, changes: CompanyBulkChanges): Promise<void> {
  if (changes.categoryId !== null) await loadSelectableCategory(db, changes.categoryId, '/changes/categoryId');
}

/** Counts what moving the companies to another category would do, without changing anything. */
export async function previewCompanyBulkUpdate(db: Executor, actor: Actor, target: BulkTarget, changes: CompanyBulkChanges): Promise<CompanyBulkPreview> {
  await checkCompanyChanges(db, changes);
  const filter = await targetFilter(db, actor, target, 'company');
  const unchanged = sql<boolean>`c.category_id is not distinct from ${changes.categoryId}`;
  const row = await selectCompanyRows(db)
    .clearSelect()
    .select([
      sql<number>`cast(count(*) as integer)`.as('total'),
      sql<number>`cast(count(*) filter (where ${unchanged}) as integer)`.as('unchanged'),
      sql<number>`cast(coalesce(sum((select count(*) from persons as p where p.company_id = c.id and p.deleted_at is null)) filter (where not ${unchanged}), 0) as integer)`.as('persons'),
    ])
    .where(filter)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), change: Number(row.total) - Number(row.unchanged), unchanged: Number(row.unchanged), persons: Number(row.persons) };
}

/** Starts a bulk category change of companies; `runBulkUpdate` does the work. */
export async function startCompanyBulkUpdate(db: Db, actor: Actor, target: BulkTarget, changes: CompanyBulkChanges): Promise<number> {
  await checkCompanyChanges(db, changes);
  return createRun(db, actor, 'company', changes, await targetFilter(db, actor, target, 'company'));
}

/** Runs one batch of companies through updateCompany, which moves their persons' lead statuses. */
async function runCompanyBatch(trx: Trx, actor: Actor, id: number, changes: CompanyBulkChanges): Promise<number> {
  const todo = await nextRecordIds(trx, id, COMPANY_BULK_BATCH_SIZE);
  if (todo.length === 0) return 0;

  const now = new Date();
  for (const companyId of todo) {
    const company = await trx.selectFrom('companies').select(['version', 'category_id', 'deleted_at']).where('id', '=', companyId).executeTakeFirst();
    let outcome: BulkUpdateOutcome = 'changed';
    let reason: string | null = null;
    if (company === undefined) [outcome, reason] = ['refused', 'NOT_FOUND'];
    else if (company.deleted_at !== null) [outcome, reason] = ['refused', 'deleted'];
    else if (company.category_id === changes.categoryId) outcome = 'unchanged';
    else await updateCompany(trx, actor, companyId, { categoryId: changes.categoryId }, company.version);
    await trx
      .updateTable('bulk_update_records')
      .set({ outcome, reason, done_at: now })
      .where('bulk_update_id', '=', id)
      .where('record_id', '=', companyId)
      .execute();
  }
  return todo.length;
}
