import { type Selectable, sql } from 'kysely';

import type { Actor } from '../auth/actor.js';
import { writeAuditEntry } from '../audit/audit-log.js';
import type { Executor, Trx } from '../db/database.js';
import type { PersonsTable } from '../db/schema.js';
import { AppError, notFound } from '../errors/app-error.js';
import { assertCurrentVersion } from '../errors/version.js';
import { leadStatusNotEnabledReason, leadStatusTransition } from '../leads/lead-status-rules.js';
import {
  assertSelectableLeadStatus,
  getDefaultLeadStatusId,
  recordLeadStatusChange,
  recordLeadStatusChanges,
} from '../leads/lead-status.service.js';
import { leadStatusRuleMayWriteCompany } from '../automation/automation-rules.js';
import { getAutomationRule } from '../automation/automation-settings.service.js';
import { type AutomationOutcome, lockCompaniesForAutomation, runLeadStatusRule } from '../automation/category-automation.service.js';
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

/** Columns of a company and its category that decide whether the company's persons have an enabled lead status. */
function selectCompanyLeadRows(trx: Trx) {
  return trx
    .selectFrom('companies as c')
    .leftJoin('categories as cat', 'cat.id', 'c.category_id')
    .select(['c.id', 'c.name', 'c.deleted_at', 'c.category_id', 'cat.name_nl', 'cat.name_en', 'cat.lead_status_enabled']);
}

type CompanyLeadRow = Awaited<ReturnType<ReturnType<typeof selectCompanyLeadRows>['executeTakeFirstOrThrow']>>;

function toCompanyLeadState(actor: Actor, row: CompanyLeadRow): CompanyLeadState {
  const category =
    row.category_id === null
      ? null
      : { id: row.category_id, name: localize(actor.language, row.name_nl, row.name_en), leadStatusEnabled: row.lead_status_enabled ?? false };
  return { company: { id: row.id, name: row.name }, category, enabled: category?.leadStatusEnabled ?? false };
}

/** Checks that a person can be linked to the company: it exists and is not deleted. */
function assertLinkableCompany(companyId: number, row: CompanyLeadRow | undefined, field: string): asserts row is CompanyLeadRow {
  if (!row) throw new AppError('REFERENCE_NOT_FOUND', `company ${companyId} does not exist`, [{ field, message: 'unknown company', code: 'unknownReference' }]);
  if (row.deleted_at !== null) {
    throw new AppError('REFERENCE_NOT_FOUND', `company ${companyId} is deleted; restore it or choose another company`, [
      { field, message: 'deleted company', code: 'deletedItem' },
    ]);
  }
}

/**
 * Share-locks a company and reads whether its persons have an enabled lead status. The share lock
 * keeps a concurrent category change (which locks the company for update) from slipping in between
 * this check and the person's write.
 */
async function lockCompanyLeadState(
  trx: Trx,
  actor: Actor,
  companyId: number | null,
  options: { allowDeleted: boolean } = { allowDeleted: false },
): Promise<CompanyLeadState> {
  const field = '/companyId';
  if (companyId === null) return { company: null, category: null, enabled: false };

  const company = await selectCompanyLeadRows(trx).where('c.id', '=', companyId).forShare('c').executeTakeFirst();
  assertLinkableCompany(companyId, company, field);
  return toCompanyLeadState(actor, company);
}

function assertLastName(lastName: string | undefined): void {
  if (lastName !== undefined && lastName.trim() === '') {
    throw new AppError('VALIDATION_FAILED', 'last name must not be empty', [{ field: '/lastName', message: 'required', code: 'required' }]);
  }
}

function notEnabledError(personId: number | null, state: CompanyLeadState): AppError {
  return new AppError('LEAD_STATUS_NOT_ENABLED', leadStatusNotEnabledReason(personId, state.company, state.category), [
    { field: '/leadStatusId', message: 'lead status is not enabled for this person', code: 'invalid' },
  ]);
}

/** A written person with what category automation did to its company, if anything. */
export interface PersonWriteResult {
  person: Person;
  automation: AutomationOutcome | null;
}

/**
 * Creates a person. In a company whose category has lead status enabled the person starts at the
 * default status unless the input names another one. Elsewhere a lead status is rejected.
 */
export async function createPerson(trx: Trx, actor: Actor, input: PersonInput): Promise<Person> {
  return (await createPersonWithAutomation(trx, actor, input)).person;
}

/**
 * Creates a person as createPerson does and runs the lead status rule of category automation when
 * the input names a lead status. Returns the person with the rule's outcome: a suggestion when
 * the rule asks for confirmation.
 */
export async function createPersonWithAutomation(trx: Trx, actor: Actor, input: PersonInput): Promise<PersonWriteResult> {
  assertLastName(input.lastName);
  const rule = await getAutomationRule(trx, 'leadStatusSet');
  if (leadStatusRuleMayWriteCompany(rule, [input.leadStatusId])) await lockCompaniesForAutomation(trx, [input.companyId ?? null]);
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

  // The default status a new lead gets is not "set" by anyone, so only a named status fires the rule.
  const explicitStatus = input.leadStatusId != null ? leadStatusId : null;
  const [automation = null] = await runLeadStatusRule(trx, actor, rule, [{ companyId: input.companyId ?? null, leadStatusId: explicitStatus }], 'interactive');
  return { person: await getPerson(trx, actor, inserted.id), automation };
}

/**
 * Locks a person for update after share-locking its company. A company category change locks the
 * company first and its persons after it, so taking the locks in the same order avoids deadlocks.
 */
async function lockPerson(trx: Trx, actor: Actor, id: number) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await trx.selectFrom('persons').select('company_id').where('id', '=', id).executeTakeFirst();
    if (!current) throw notFound('person', id);

    // The person's own company may be deleted (a deleted person in a deleted company is restorable).
    const state = await lockCompanyLeadState(trx, actor, current.company_id, { allowDeleted: true });
    const person = await trx.selectFrom('persons').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    // A concurrent move to another company committed between the two reads: lock again.
    if (person.company_id === current.company_id) return { person, state };
  }
  throw new AppError('VERSION_CONFLICT', `person ${id} is being moved between companies by someone else; reload it and try again`);
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
  return (await updatePersonWithAutomation(trx, actor, id, patch, expectedVersion)).person;
}

/**
 * Updates a person as updatePerson does and runs the lead status rule of category automation when
 * the patch sets the rule's status. When the person also moves to another company, the rule runs
 * on the new company. Returns the person with the rule's outcome: a suggestion when the rule asks
 * for confirmation.
 */
export async function updatePersonWithAutomation(
  trx: Trx,
  actor: Actor,
  id: number,
  patch: Partial<PersonInput>,
  expectedVersion: number,
): Promise<PersonWriteResult> {
  const rule = await getAutomationRule(trx, 'leadStatusSet');
  if (leadStatusRuleMayWriteCompany(rule, [patch.leadStatusId])) {
    const current = await trx.selectFrom('persons').select('company_id').where('id', '=', id).executeTakeFirst();
    await lockCompaniesForAutomation(trx, [patch.companyId !== undefined ? patch.companyId : (current?.company_id ?? null)]);
  }

  const { person, state: oldState } = await lockPerson(trx, actor, id);
  assertCurrentVersion('person', id, person.version, expectedVersion);
  if (person.deleted_at !== null) throw new AppError('VALIDATION_FAILED', `person ${id} is deleted; restore it before editing`);
  // A patch with only the version changes nothing, so the version and the audit log stay as they are.
  if (Object.keys(patch).length === 0) return { person: await getPerson(trx, actor, id), automation: null };
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
        { field: '/leadStatusId', message: 'required for a lead', code: 'required' },
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

  // Saving a status the person already has fires the rule only when the person changes company.
  const setsStatus = patch.leadStatusId != null && patch.leadStatusId === leadStatusId && (statusChanges || companyChanges);
  const [automation = null] = setsStatus
    ? await runLeadStatusRule(trx, actor, rule, [{ companyId: targetCompanyId, leadStatusId }], 'interactive')
    : [];
  return { person: await getPerson(trx, actor, id), automation };
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

/**
 * Raised by createPersons and updatePersons when one item is invalid, before anything is written.
 * It carries the code and message that createPerson or updatePerson raises for that item alone,
 * its position in `index`, and field paths that start with the position, such as "/3/leadStatusId".
 */
export class BulkItemError extends AppError {
  constructor(
    readonly index: number,
    readonly itemError: AppError,
  ) {
    super(
      itemError.code,
      itemError.message,
      itemError.fields?.map((field) => ({ ...field, field: `/${index}${field.field}` })),
    );
    this.name = 'BulkItemError';
  }
}

/**
 * A person as createPersons and updatePersons wrote it: the stored fields, without the category,
 * lead status and owner details that getPerson adds.
 */
export type WrittenPerson = Pick<
  Person,
  | 'id'
  | 'companyId'
  | 'salutation'
  | 'firstName'
  | 'middleName'
  | 'lastName'
  | 'jobTitle'
  | 'email'
  | 'phone'
  | 'mobile'
  | 'ownerId'
  | 'leadStatusId'
  | 'leadSource'
  | 'formerEmployee'
  | 'version'
>;

/** Rows per INSERT or UPDATE statement of the bulk functions: at most 18 parameters each, far below PostgreSQL's 65,535. */
const PERSONS_PER_STATEMENT = 1_000;

/**
 * Creates many persons with a few statements in all, for the import. Each person gets what
 * createPerson gives it. In a company whose category has lead status enabled, that is the default
 * lead status unless the input names another one. A first status gets a lead status change record,
 * and every person an audit entry, all in the caller's transaction. A named lead status runs the
 * lead status rule of category automation, whose rules with confirmation are skipped. When an
 * input is invalid, throws BulkItemError for the first such input, before writing anything.
 * Returns the persons as written, in input order.
 */
export async function createPersons(
  trx: Trx,
  actor: Actor,
  inputs: readonly PersonInput[],
  options: BulkPersonWriteOptions = {},
): Promise<WrittenPerson[]> {
  if (inputs.length === 0) return [];
  const rule = await getAutomationRule(trx, 'leadStatusSet');
  if (leadStatusRuleMayWriteCompany(rule, inputs.map((input) => input.leadStatusId))) {
    await lockCompaniesForAutomation(trx, inputs.map((input) => input.companyId ?? null));
  }
  const companies = await lockCompanyLeadRows(trx, inputs.map((input) => input.companyId ?? null));
  const ownerErrors = await collectOwnerErrors(trx, inputs.map((input) => input.ownerId));
  const statusErrors = await collectLeadStatusErrors(trx, inputs.map((input) => input.leadStatusId));
  const defaultStatusId = await getDefaultLeadStatusId(trx);

  const leadStatusIds = checkEachItem(inputs, (input) => {
    assertLastName(input.lastName);
    const state = linkableCompanyState(actor, companies, input.companyId ?? null);
    throwIfFound(ownerErrors, input.ownerId);
    if (input.leadStatusId != null) {
      if (!state.enabled) throw notEnabledError(null, state);
      throwIfFound(statusErrors, input.leadStatusId);
      return input.leadStatusId;
    }
    return state.enabled ? defaultStatusId : null;
  });

  const ids = await reservePersonIds(trx, inputs.length);
  const now = new Date();
  const rows = inputs.map((input, index) => {
    const leadStatusId = leadStatusIds[index] ?? null;
    return {
      id: ids[index] as number,
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
    };
  });
  for (const chunk of chunks(rows, PERSONS_PER_STATEMENT)) await insertPersonRows(trx, chunk);

  const firstStatuses = rows.filter((row) => row.lead_status_id !== null);
  await recordLeadStatusChanges(
    trx,
    actor,
    firstStatuses.map((row) => ({ personId: row.id, fromStatusId: null, toStatusId: row.lead_status_id, at: now, source: actor.source })),
  );
  await writePersonAuditEntries(trx, actor, 'create', inputs.map((input, index) => ({ personId: ids[index] as number, changes: { ...input } })));

  const namedStatuses = rows.filter((_row, index) => inputs[index]?.leadStatusId != null);
  await runLeadStatusRule(
    trx,
    actor,
    rule,
    namedStatuses.map((row) => ({ companyId: row.company_id, leadStatusId: row.lead_status_id })),
    'batch',
    options.keepCategoryOf,
  );
  return rows.map((row) => toWrittenPerson({ ...row, version: 1 }));
}

/** Options of createPersons and updatePersons. */
export interface BulkPersonWriteOptions {
  /**
   * Companies whose category the same write set explicitly, such as an import row that names a
   * category: the lead status rule of category automation leaves them alone, as the user's choice wins.
   */
  keepCategoryOf?: ReadonlySet<number>;
}

/** One update of updatePersons: like the arguments of updatePerson. */
export interface PersonUpdate {
  id: number;
  patch: Partial<PersonInput>;
  expectedVersion: number;
}

/**
 * Updates many persons with a few statements in all, for the import. Each update follows the
 * rules of updatePerson. The version must be current. A move to another company counts as a
 * category change of that person alone: a new lead cycle when lead status becomes enabled, the
 * status retained when it stops. A lead status can only be set where it is enabled, and every
 * status change writes one lead status change record. Setting a lead status runs the lead status
 * rule of category automation, whose rules with confirmation are skipped. Each person may appear
 * once. When an update is invalid, throws BulkItemError for the first such update, before writing
 * anything. Returns the persons as written, in input order.
 */
export async function updatePersons(
  trx: Trx,
  actor: Actor,
  updates: readonly PersonUpdate[],
  options: BulkPersonWriteOptions = {},
): Promise<WrittenPerson[]> {
  if (updates.length === 0) return [];
  const ids = updates.map((update) => update.id);
  if (new Set(ids).size !== ids.length) throw new Error('updatePersons got the same person more than once; merge the updates first');

  const rule = await getAutomationRule(trx, 'leadStatusSet');
  if (leadStatusRuleMayWriteCompany(rule, updates.map((update) => update.patch.leadStatusId))) {
    const current = await trx.selectFrom('persons').select(['id', 'company_id']).where('id', '=', sql<number>`any(${ids}::int[])`).execute();
    const companyOf = new Map(current.map((row) => [row.id, row.company_id]));
    await lockCompaniesForAutomation(
      trx,
      updates.map((update) => (update.patch.companyId !== undefined ? update.patch.companyId : (companyOf.get(update.id) ?? null))),
    );
  }

  const { persons, companies } = await lockPersonsInBulk(trx, updates);
  const ownerErrors = await collectOwnerErrors(
    trx,
    updates.filter((update) => update.patch.ownerId !== persons.get(update.id)?.owner_id).map((update) => update.patch.ownerId),
  );
  const statusErrors = await collectLeadStatusErrors(trx, updates.map((update) => update.patch.leadStatusId));
  const defaultStatusId = await getDefaultLeadStatusId(trx);

  const decisions = checkEachItem(updates, ({ id, patch, expectedVersion }) => {
    const person = persons.get(id);
    if (person === undefined) throw notFound('person', id);
    assertCurrentVersion('person', id, person.version, expectedVersion);
    if (person.deleted_at !== null) throw new AppError('VALIDATION_FAILED', `person ${id} is deleted; restore it before editing`);
    assertLastName(patch.lastName);
    if (patch.ownerId != null && patch.ownerId !== person.owner_id) throwIfFound(ownerErrors, patch.ownerId);

    const oldState = companyStateAllowDeleted(actor, companies, person.company_id);
    const targetCompanyId = patch.companyId !== undefined ? patch.companyId : person.company_id;
    const companyChanges = targetCompanyId !== person.company_id;
    const newState = companyChanges ? linkableCompanyState(actor, companies, targetCompanyId) : oldState;

    let leadStatusId = person.lead_status_id;
    let source = actor.source;
    if (companyChanges && leadStatusTransition(oldState.enabled, newState.enabled).kind === 'startCycle') {
      leadStatusId = defaultStatusId;
      source = 'companyChange';
    }
    if (patch.leadStatusId !== undefined && patch.leadStatusId !== leadStatusId) {
      if (!newState.enabled) throw notEnabledError(id, newState);
      if (patch.leadStatusId === null) {
        throw new AppError('VALIDATION_FAILED', `lead status of person ${id} cannot be emptied while lead status is enabled`, [
          { field: '/leadStatusId', message: 'required for a lead', code: 'required' },
        ]);
      }
      throwIfFound(statusErrors, patch.leadStatusId);
      leadStatusId = patch.leadStatusId;
      source = actor.source;
    }
    const statusChanges = leadStatusId !== person.lead_status_id || (source === 'companyChange' && leadStatusId !== null);
    const setsStatus = patch.leadStatusId != null && patch.leadStatusId === leadStatusId && (statusChanges || companyChanges);
    return { person, patch, leadStatusId, source, statusChanges, setsStatus, targetCompanyId };
  });

  const now = new Date();
  const rows = decisions.map(({ person, patch, leadStatusId, statusChanges }) => ({
    id: person.id,
    company_id: patch.companyId !== undefined ? patch.companyId : person.company_id,
    salutation: patch.salutation !== undefined ? patch.salutation : person.salutation,
    first_name: patch.firstName !== undefined ? patch.firstName : person.first_name,
    middle_name: patch.middleName !== undefined ? patch.middleName : person.middle_name,
    last_name: patch.lastName !== undefined ? patch.lastName.trim() : person.last_name,
    job_title: patch.jobTitle !== undefined ? patch.jobTitle : person.job_title,
    email: patch.email !== undefined ? patch.email : person.email,
    phone: patch.phone !== undefined ? patch.phone : person.phone,
    mobile: patch.mobile !== undefined ? patch.mobile : person.mobile,
    owner_id: patch.ownerId !== undefined ? patch.ownerId : person.owner_id,
    lead_source: patch.leadSource !== undefined ? patch.leadSource : person.lead_source,
    former_employee: patch.formerEmployee !== undefined ? patch.formerEmployee : person.former_employee,
    lead_status_id: statusChanges ? leadStatusId : person.lead_status_id,
    // Null keeps the stored time, which has microseconds that a JavaScript Date would cut off.
    lead_status_changed_at: statusChanges ? now : null,
    updated_at: now,
  }));
  for (const chunk of chunks(rows, PERSONS_PER_STATEMENT)) await writePersonRows(trx, chunk);

  await recordLeadStatusChanges(
    trx,
    actor,
    decisions
      .filter((decision) => decision.statusChanges)
      .map(({ person, leadStatusId, source }) => ({ personId: person.id, fromStatusId: person.lead_status_id, toStatusId: leadStatusId, at: now, source })),
  );
  await writePersonAuditEntries(trx, actor, 'update', updates.map((update) => ({ personId: update.id, changes: { ...update.patch } })));

  await runLeadStatusRule(
    trx,
    actor,
    rule,
    decisions.filter((decision) => decision.setsStatus).map((decision) => ({ companyId: decision.targetCompanyId, leadStatusId: decision.leadStatusId })),
    'batch',
    options.keepCategoryOf,
  );
  return rows.map((row, index) => {
    const decision = decisions[index] as (typeof decisions)[number];
    return toWrittenPerson({ ...row, lead_status_id: decision.statusChanges ? decision.leadStatusId : decision.person.lead_status_id, version: decision.person.version + 1 });
  });
}

/**
 * Locks persons for update after share-locking their companies and the companies they move to.
 * Companies come before persons, as in lockPerson and updateCompany, and each group goes in id
 * order, which keeps this from deadlocking with them. When a person moves to another company
 * between the two reads, its new company is locked too and the persons are read again, up to
 * three times, as lockPerson does.
 */
async function lockPersonsInBulk(trx: Trx, updates: readonly PersonUpdate[]) {
  const ids = updates.map((update) => update.id);
  const targets = updates.map((update) => update.patch.companyId ?? null);
  const companies = new Map<number, CompanyLeadRow>();

  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await trx.selectFrom('persons').select('company_id').where('id', '=', sql<number>`any(${ids}::int[])`).execute();
    await lockCompanyLeadRows(trx, [...current.map((person) => person.company_id), ...targets], companies);

    const locked = await trx
      .selectFrom('persons')
      .selectAll()
      .where('id', '=', sql<number>`any(${ids}::int[])`)
      .orderBy('id')
      .forUpdate()
      .execute();
    const persons = new Map(locked.map((person) => [person.id, person]));
    const moved = locked.find((person) => person.company_id !== null && !companies.has(person.company_id));
    if (moved === undefined) return { persons, companies };
    if (attempt === 2) {
      throw new BulkItemError(
        ids.indexOf(moved.id),
        new AppError('VERSION_CONFLICT', `person ${moved.id} is being moved between companies by someone else; reload it and try again`),
      );
    }
  }
  throw new Error('unreachable: the last attempt returns or throws');
}

/**
 * Share-locks the companies, in id order, that are not in `locked` yet, and adds their rows to it.
 * Returns `locked`.
 */
async function lockCompanyLeadRows(
  trx: Trx,
  companyIds: ReadonlyArray<number | null>,
  locked = new Map<number, CompanyLeadRow>(),
): Promise<Map<number, CompanyLeadRow>> {
  const missing = [...new Set(companyIds)].filter((id): id is number => id !== null && !locked.has(id));
  if (missing.length === 0) return locked;

  const rows = await selectCompanyLeadRows(trx)
    .where('c.id', '=', sql<number>`any(${missing}::int[])`)
    .orderBy('c.id')
    .forShare('c')
    .execute();
  for (const row of rows) locked.set(row.id, row);
  return locked;
}

/** Like lockCompanyLeadState, from companies locked in bulk. */
function linkableCompanyState(actor: Actor, companies: ReadonlyMap<number, CompanyLeadRow>, companyId: number | null): CompanyLeadState {
  if (companyId === null) return { company: null, category: null, enabled: false };
  const row = companies.get(companyId);
  assertLinkableCompany(companyId, row, '/companyId');
  return toCompanyLeadState(actor, row);
}

/** Like lockCompanyLeadStateAllowDeleted, from companies locked in bulk. */
function companyStateAllowDeleted(actor: Actor, companies: ReadonlyMap<number, CompanyLeadRow>, companyId: number | null): CompanyLeadState {
  if (companyId === null) return { company: null, category: null, enabled: false };
  const row = companies.get(companyId);
  if (row === undefined) throw new Error(`company ${companyId} of a locked person was not locked`);
  return toCompanyLeadState(actor, row);
}

/**
 * Finds which of the ids fail a check, and keeps the AppError that the check raises for each, so
 * that every item with the id can raise it in turn. `findValid` returns the ids that pass with one
 * query, and `check` runs only for the others. Null and undefined ids are skipped.
 */
async function collectErrors(
  ids: ReadonlyArray<number | null | undefined>,
  findValid: (ids: number[]) => Promise<number[]>,
  check: (id: number) => Promise<void>,
): Promise<Map<number, AppError>> {
  const errors = new Map<number, AppError>();
  const distinct = [...new Set(ids)].filter((id): id is number => id !== null && id !== undefined);
  if (distinct.length === 0) return errors;

  const valid = new Set(await findValid(distinct));
  for (const id of distinct.filter((candidate) => !valid.has(candidate))) {
    try {
      await check(id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.set(id, error);
    }
  }
  return errors;
}

/** Checks owners as assertActiveUser does, with one query when all are active users. */
function collectOwnerErrors(trx: Trx, ownerIds: ReadonlyArray<number | null | undefined>): Promise<Map<number, AppError>> {
  const findActive = async (ids: number[]) => {
    const rows = await trx.selectFrom('users').select('id').where('id', '=', sql<number>`any(${ids}::int[])`).where('active', '=', true).execute();
    return rows.map((row) => row.id);
  };
  return collectErrors(ownerIds, findActive, (id) => assertActiveUser(trx, id));
}

/** Checks lead statuses as assertSelectableLeadStatus does, with one query when all can be chosen. */
function collectLeadStatusErrors(trx: Trx, statusIds: ReadonlyArray<number | null | undefined>): Promise<Map<number, AppError>> {
  const findSelectable = async (ids: number[]) => {
    const rows = await trx
      .selectFrom('lead_statuses')
      .select('id')
      .where('id', '=', sql<number>`any(${ids}::int[])`)
      .where('deleted', '=', false)
      .execute();
    return rows.map((row) => row.id);
  };
  return collectErrors(statusIds, findSelectable, (id) => assertSelectableLeadStatus(trx, id));
}

function throwIfFound(errors: ReadonlyMap<number, AppError>, id: number | null | undefined): void {
  const error = id === null || id === undefined ? undefined : errors.get(id);
  if (error !== undefined) throw error;
}

/** Runs `check` on every item in order and turns the first AppError into a BulkItemError for that item. */
function checkEachItem<Item, Result>(items: readonly Item[], check: (item: Item) => Result): Result[] {
  return items.map((item, index) => {
    try {
      return check(item);
    } catch (error) {
      if (error instanceof AppError) throw new BulkItemError(index, error);
      throw error;
    }
  });
}

/**
 * Takes `count` ids from the persons' identity sequence, in ascending order, so that rows inserted
 * in bulk are known by id without relying on the order of RETURNING.
 */
async function reservePersonIds(trx: Trx, count: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    select nextval(pg_get_serial_sequence('persons', 'id'))::integer as id from generate_series(1, ${count})
  `.execute(trx);
  return result.rows.map((row) => row.id).sort((a, b) => a - b);
}

type PersonRowValues = Pick<
  Selectable<PersonsTable>,
  | 'id'
  | 'company_id'
  | 'salutation'
  | 'first_name'
  | 'middle_name'
  | 'last_name'
  | 'job_title'
  | 'email'
  | 'phone'
  | 'mobile'
  | 'owner_id'
  | 'lead_source'
  | 'former_employee'
  | 'lead_status_id'
  | 'lead_status_changed_at'
  | 'updated_at'
>;

/**
 * Writes the new values of locked persons with one UPDATE statement. The rows travel as one JSON
 * parameter, which json_populate_recordset turns into rows of the persons table type. A null
 * lead_status_changed_at keeps the stored one.
 */
async function writePersonRows(trx: Trx, rows: readonly PersonRowValues[]): Promise<void> {
  await sql`
    update persons as p
    set company_id = v.company_id, salutation = v.salutation, first_name = v.first_name, middle_name = v.middle_name,
        last_name = v.last_name, job_title = v.job_title, email = v.email, phone = v.phone, mobile = v.mobile,
        owner_id = v.owner_id, lead_source = v.lead_source, former_employee = v.former_employee,
        lead_status_id = v.lead_status_id, lead_status_changed_at = coalesce(v.lead_status_changed_at, p.lead_status_changed_at),
        updated_at = v.updated_at, version = p.version + 1
    from json_populate_recordset(null::persons, ${JSON.stringify(rows)}::json) as v
    where p.id = v.id
  `.execute(trx);
}

/**
 * Inserts persons with one INSERT statement. The rows travel as one JSON parameter, which
 * json_populate_recordset turns into rows of the persons table type.
 */
async function insertPersonRows(trx: Trx, rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  const columns = sql.join(Object.keys(rows[0] ?? {}).map((column) => sql.ref(column)));
  await sql`
    insert into persons (${columns})
    select ${columns} from json_populate_recordset(null::persons, ${JSON.stringify(rows)}::json)
  `.execute(trx);
}

/** Writes one audit entry per person, as writeAuditEntry does, with one multi-row insert per chunk. */
async function writePersonAuditEntries(
  trx: Trx,
  actor: Actor,
  action: 'create' | 'update',
  entries: ReadonlyArray<{ personId: number; changes: Record<string, unknown> }>,
): Promise<void> {
  const rows = entries.map((entry) => ({
    user_id: actor.userId,
    entity: 'person',
    entity_id: entry.personId,
    action,
    changes: JSON.stringify(entry.changes),
  }));
  for (const chunk of chunks(rows, PERSONS_PER_STATEMENT)) await trx.insertInto('audit_log').values(chunk).execute();
}

function toWrittenPerson(row: Omit<PersonRowValues, 'lead_status_changed_at' | 'updated_at'> & { version: number }): WrittenPerson {
  return {
    id: row.id,
    companyId: row.company_id,
    salutation: row.salutation,
    firstName: row.first_name,
    middleName: row.middle_name,
    lastName: row.last_name,
    jobTitle: row.job_title,
    email: row.email,
    phone: row.phone,
    mobile: row.mobile,
    ownerId: row.owner_id,
    leadStatusId: row.lead_status_id,
    leadSource: row.lead_source,
    formerEmployee: row.former_employee,
    version: row.version,
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
