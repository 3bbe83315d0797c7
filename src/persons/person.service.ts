import type { Actor } from '../auth/actor.js';
import { writeAuditEntry } from '../audit/audit-log.js';
import type { Executor, Trx } from '../db/database.js';
import { AppError, notFound } from '../errors/app-error.js';
import { assertCurrentVersion } from '../errors/version.js';
import { leadStatusNotEnabledReason, leadStatusTransition } from '../leads/lead-status-rules.js';
import { assertSelectableLeadStatus, getDefaultLeadStatusId, recordLeadStatusChange } from '../leads/lead-status.service.js';
import { localize } from '../lists/localize.js';
import { assertActiveUser } from '../lists/references.js';
import { type Person, type PersonInput, toPerson } from './person.js';
import { selectPersonRows } from './person.repository.js';

export async function getPerson(db: Executor, actor: Actor, id: number): Promise<Person> {
  const row = await selectPersonRows(db).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('person', id);
  return toPerson(row, actor.language);
}

interface CompanyLeadState {
  company: { id: number; name: string } | null;
  category: { id: number; name: string; leadStatusEnabled: boolean } | null;
  enabled: boolean;
}

/**
 * Share-locks a company and reads whether its persons have an enabled lead status. The share lock
 * keeps a concurrent category change (which locks the company for update) from slipping in between
 * this check and the person's write.
 */
async function lockCompanyLeadState(trx: Trx, actor: Actor, companyId: number | null, field = '/companyId'): Promise<CompanyLeadState> {
  if (companyId === null) return { company: null, category: null, enabled: false };

  const company = await trx
    .selectFrom('companies as c')
    .leftJoin('categories as cat', 'cat.id', 'c.category_id')
    .select(['c.id', 'c.name', 'c.deleted_at', 'c.category_id', 'cat.name_nl', 'cat.name_en', 'cat.lead_status_enabled'])
    .where('c.id', '=', companyId)
    .forShare('c')
    .executeTakeFirst();
  if (!company) throw new AppError('REFERENCE_NOT_FOUND', `company ${companyId} does not exist`, [{ field, message: 'unknown company' }]);
  if (company.deleted_at !== null) {
    throw new AppError('REFERENCE_NOT_FOUND', `company ${companyId} is deleted; restore it or choose another company`, [
      { field, message: 'deleted company' },
    ]);
  }

  const category =
    company.category_id === null
      ? null
      : {
          id: company.category_id,
          name: localize(actor.language, company.name_nl, company.name_en),
          leadStatusEnabled: company.lead_status_enabled ?? false,
        };
  return { company: { id: company.id, name: company.name }, category, enabled: category?.leadStatusEnabled ?? false };
}

function assertLastName(lastName: string | undefined): void {
  if (lastName !== undefined && lastName.trim() === '') {
    throw new AppError('VALIDATION_FAILED', 'last name must not be empty', [{ field: '/lastName', message: 'required' }]);
  }
}

function notEnabledError(personId: number | null, state: CompanyLeadState): AppError {
  return new AppError('LEAD_STATUS_NOT_ENABLED', leadStatusNotEnabledReason(personId, state.company, state.category), [
    { field: '/leadStatusId', message: 'lead status is not enabled for this person' },
  ]);
}

/**
 * Creates a person. In a company whose category has lead status enabled the person starts at the
 * default status unless the input names another one. Elsewhere a lead status is rejected.
 */
export async function createPerson(trx: Trx, actor: Actor, input: PersonInput): Promise<Person> {
  assertLastName(input.lastName);
  const state = await lockCompanyLeadState(trx, actor, input.companyId ?? null);
  if (input.ownerId != null) await assertActiveUser(trx, input.ownerId);

  let leadStatusId: number | null = null;
  if (input.leadStatusId != null) {
    if (!state.enabled) throw notEnabledError(null, state);
    await assertSelectableLeadStatus(trx, input.leadStatusId);
    leadStatusId = input.leadStatusId;
  } else if (state.enabled) {
    leadStatusId = await getDefaultLeadStatusId(trx);
  }

  const now = new Date();
  const inserted = await trx
    .insertInto('persons')
    .values({
      company_id: input.companyId ?? null,
      salutation: input.salutation ?? null,
      first_name: input.firstName ?? null,
      middle_name: input.middleName ?? null,
      last_name: input.lastName.trim(),
      job_title: input.jobTitle ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      mobile: input.mobile ?? null,
      owner_id: input.ownerId ?? null,
      lead_status_id: leadStatusId,
      lead_status_changed_at: leadStatusId === null ? null : now,
      lead_source: input.leadSource ?? null,
      former_employee: input.formerEmployee ?? false,
      registered_at: input.registeredAt ?? now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  if (leadStatusId !== null) {
    await recordLeadStatusChange(trx, actor, { personId: inserted.id, fromStatusId: null, toStatusId: leadStatusId, at: now });
  }
  await writeAuditEntry(trx, actor, { entity: 'person', entityId: inserted.id, action: 'create', changes: { ...input } });
  return getPerson(trx, actor, inserted.id);
}

/**
 * Locks a person for update after share-locking its company. A company category change locks the
 * company first and its persons after it, so taking the locks in the same order avoids deadlocks.
 */
async function lockPerson(trx: Trx, actor: Actor, id: number) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await trx.selectFrom('persons').select('company_id').where('id', '=', id).executeTakeFirst();
    if (!current) throw notFound('person', id);

    const state = await lockCompanyLeadStateAllowDeleted(trx, actor, current.company_id);
    const person = await trx.selectFrom('persons').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    // A concurrent move to another company committed between the two reads: lock again.
    if (person.company_id === current.company_id) return { person, state };
  }
  throw new AppError('VERSION_CONFLICT', `person ${id} is being moved between companies by someone else; reload it and try again`);
}

/** Like lockCompanyLeadState, but for the company a person already belongs to, even if deleted. */
async function lockCompanyLeadStateAllowDeleted(trx: Trx, actor: Actor, companyId: number | null): Promise<CompanyLeadState> {
  if (companyId === null) return { company: null, category: null, enabled: false };
  const row = await trx
    .selectFrom('companies as c')
    .leftJoin('categories as cat', 'cat.id', 'c.category_id')
    .select(['c.id', 'c.name', 'c.category_id', 'cat.name_nl', 'cat.name_en', 'cat.lead_status_enabled'])
    .where('c.id', '=', companyId)
    .forShare('c')
    .executeTakeFirstOrThrow();
  const category =
    row.category_id === null
      ? null
      : { id: row.category_id, name: localize(actor.language, row.name_nl, row.name_en), leadStatusEnabled: row.lead_status_enabled ?? false };
  return { company: { id: row.id, name: row.name }, category, enabled: category?.leadStatusEnabled ?? false };
}

/**
 * Updates a person. Moving to another company counts as a category change for this person alone,
 * so a lead status given in the same request is checked against the new company.
 */
export async function updatePerson(
  trx: Trx,
  actor: Actor,
  id: number,
  patch: Partial<PersonInput>,
  expectedVersion: number,
): Promise<Person> {
  const { person, state: oldState } = await lockPerson(trx, actor, id);
  assertCurrentVersion('person', id, person.version, expectedVersion);
  if (person.deleted_at !== null) throw new AppError('VALIDATION_FAILED', `person ${id} is deleted; restore it before editing`);
  assertLastName(patch.lastName);
  if (patch.ownerId != null && patch.ownerId !== person.owner_id) await assertActiveUser(trx, patch.ownerId);

  const targetCompanyId = patch.companyId !== undefined ? patch.companyId : person.company_id;
  const companyChanges = targetCompanyId !== person.company_id;
  const newState = companyChanges ? await lockCompanyLeadState(trx, actor, targetCompanyId) : oldState;

  let leadStatusId = person.lead_status_id;
  let source = actor.source;
  if (companyChanges && leadStatusTransition(oldState.enabled, newState.enabled).kind === 'startCycle') {
    leadStatusId = await getDefaultLeadStatusId(trx);
    source = 'companyChange';
  }
  if (patch.leadStatusId !== undefined && patch.leadStatusId !== leadStatusId) {
    if (!newState.enabled) throw notEnabledError(id, newState);
    if (patch.leadStatusId === null) {
      throw new AppError('VALIDATION_FAILED', `lead status of person ${id} cannot be emptied while lead status is enabled`, [
        { field: '/leadStatusId', message: 'required for a lead' },
      ]);
    }
    await assertSelectableLeadStatus(trx, patch.leadStatusId);
    leadStatusId = patch.leadStatusId;
    source = actor.source;
  }

  const now = new Date();
  const statusChanges = leadStatusId !== person.lead_status_id || (source === 'companyChange' && leadStatusId !== null);
  await trx
    .updateTable('persons')
    .set((eb) => ({
      ...(patch.companyId !== undefined ? { company_id: patch.companyId } : {}),
      ...(patch.salutation !== undefined ? { salutation: patch.salutation } : {}),
      ...(patch.firstName !== undefined ? { first_name: patch.firstName } : {}),
      ...(patch.middleName !== undefined ? { middle_name: patch.middleName } : {}),
      ...(patch.lastName !== undefined ? { last_name: patch.lastName.trim() } : {}),
      ...(patch.jobTitle !== undefined ? { job_title: patch.jobTitle } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
      ...(patch.mobile !== undefined ? { mobile: patch.mobile } : {}),
      ...(patch.ownerId !== undefined ? { owner_id: patch.ownerId } : {}),
      ...(patch.leadSource !== undefined ? { lead_source: patch.leadSource } : {}),
      ...(patch.formerEmployee !== undefined ? { former_employee: patch.formerEmployee } : {}),
      ...(statusChanges ? { lead_status_id: leadStatusId, lead_status_changed_at: now } : {}),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();

  if (statusChanges) {
    await recordLeadStatusChange(trx, { ...actor, source }, { personId: id, fromStatusId: person.lead_status_id, toStatusId: leadStatusId, at: now });
  }
  await writeAuditEntry(trx, actor, { entity: 'person', entityId: id, action: 'update', changes: { ...patch } });
  return getPerson(trx, actor, id);
}

export async function deletePerson(trx: Trx, actor: Actor, id: number, expectedVersion: number): Promise<void> {
  const { person } = await lockPerson(trx, actor, id);
  assertCurrentVersion('person', id, person.version, expectedVersion);
  if (person.deleted_at !== null) return;

  const now = new Date();
  await trx
    .updateTable('persons')
    .set((eb) => ({ deleted_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
  await writeAuditEntry(trx, actor, { entity: 'person', entityId: id, action: 'delete', changes: {} });
}

/** Restores a soft-deleted person, and its company too when that was deleted as well. */
export async function restorePerson(trx: Trx, actor: Actor, id: number): Promise<Person> {
  const { person } = await lockPerson(trx, actor, id);
  if (person.deleted_at === null) return getPerson(trx, actor, id);

  const now = new Date();
  if (person.company_id !== null) {
    await trx
      .updateTable('companies')
      .set((eb) => ({ deleted_at: null, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', person.company_id)
      .where('deleted_at', 'is not', null)
      .execute();
  }
  await trx
    .updateTable('persons')
    .set((eb) => ({ deleted_at: null, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
  await writeAuditEntry(trx, actor, { entity: 'person', entityId: id, action: 'restore', changes: {} });
  return getPerson(trx, actor, id);
}

export interface LeadStatusHistoryEntry {
  id: number;
  from: { id: number; name: string; deleted: boolean } | null;
  to: { id: number; name: string; deleted: boolean } | null;
  changedAt: string;
  changedBy: { id: number; name: string } | null;
  source: string;
}

/** Lists a person's lead status changes, newest first. */
export async function getLeadStatusHistory(db: Executor, actor: Actor, personId: number): Promise<LeadStatusHistoryEntry[]> {
  const exists = await db.selectFrom('persons').select('id').where('id', '=', personId).executeTakeFirst();
  if (!exists) throw notFound('person', personId);

  const rows = await db
    .selectFrom('lead_status_changes as h')
    .leftJoin('lead_statuses as f', 'f.id', 'h.from_status_id')
    .leftJoin('lead_statuses as t', 't.id', 'h.to_status_id')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .select([
      'h.id',
      'h.from_status_id',
      'h.to_status_id',
      'h.changed_at',
      'h.changed_by',
      'h.source',
      'f.name_nl as from_nl',
      'f.name_en as from_en',
      'f.deleted as from_deleted',
      't.name_nl as to_nl',
      't.name_en as to_en',
      't.deleted as to_deleted',
      'u.name as user_name',
    ])
    .where('h.person_id', '=', personId)
    .orderBy('h.changed_at', 'desc')
    .orderBy('h.id', 'desc')
    .execute();

  return rows.map((row) => ({
    id: row.id,
    from: row.from_status_id === null ? null : { id: row.from_status_id, name: localize(actor.language, row.from_nl, row.from_en), deleted: row.from_deleted ?? false },
    to: row.to_status_id === null ? null : { id: row.to_status_id, name: localize(actor.language, row.to_nl, row.to_en), deleted: row.to_deleted ?? false },
    changedAt: row.changed_at.toISOString(),
    changedBy: row.changed_by === null ? null : { id: row.changed_by, name: row.user_name ?? '' },
    source: row.source,
  }));
}
