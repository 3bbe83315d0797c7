import { sql } from 'kysely';

import type { Actor } from '../auth/actor.js';
import type { CompanyInput } from '../companies/company.js';
import { updateCompany } from '../companies/company.service.js';
import type { Trx } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { isLeadStatusEnabled, leadStatusNotEnabledReason } from '../leads/lead-status-rules.js';
import { assertActiveUser, loadSelectableCategory } from '../lists/references.js';
import { formatFullName, type PersonInput } from '../persons/person.js';
import { BulkItemError, createPersons, type PersonUpdate, updatePersons, type WrittenPerson } from '../persons/person.service.js';
import { findCompaniesByDomain, findCompaniesByName, type StoredCompany, type StoredPerson } from './import.repository.js';
import { displayName, type ImportCategory, type ImportListItem } from './name-lookup.js';
import { type BatchCompany, loadPersons, matchPerson, PersonIndex } from './person-index.js';
import type { CompanyPlan, PersonPlan, PlannedRow } from './row-plan.js';
import { nameKey, normalizeDomain } from './values.js';

/** Outcome of one row that the batch wrote or found unchanged. */
export interface WrittenRow {
  rowNumber: number;
  outcome: 'created' | 'updated' | 'unchanged';
  personId: number;
  /** Summary of the changes for the dry run's per-row report, such as `person 7 "Jan de Vries": phone; company 3 "X": categoryId`. */
  description: string;
  warnings: string[];
}

/**
 * Raised when a service rejects the data of one row (an AppError, such as a value it finds
 * invalid). The caller rolls the batch back and writes it again without that row, so that the
 * batch stays all-or-nothing and the other rows still get in.
 */
export class RowRejectedError extends Error {
  constructor(
    readonly rowNumber: number,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(reason, options);
    this.name = 'RowRejectedError';
  }
}

/** Lists and settings that writeBatch needs besides the rows. */
export interface BatchContext {
  actor: Actor;
  categories: ReadonlyMap<number, ImportCategory>;
  leadStatuses: ReadonlyMap<number, ImportListItem>;
  /** Category for companies the import creates when their rows give none. */
  newCompanyCategoryId: number | null;
}

/**
 * Writes one batch of planned rows in the given transaction. Companies come first, so that a
 * category change (which may start a new lead cycle for the company's persons) happens before the
 * persons are read. New companies are inserted together, and existing ones that the file changes
 * go through the company service one by one. Persons are decided row by row and written together
 * through the bulk functions of the person service, which apply the same lead status rules as the
 * single-person functions. Throws RowRejectedError when the rules reject a row; any other error
 * means the batch cannot be written.
 */
export async function writeBatch(trx: Trx, context: BatchContext, rows: readonly PlannedRow[]): Promise<WrittenRow[]> {
  const companies = await writeCompanies(trx, context, rows);
  const persons = new PersonIndex(await loadPersons(trx, rows, companies.resolved));
  await persons.loadCompanyCategories(trx, companies.resolved);

  // A row that names a category sets the company's category itself, so the lead status rule of
  // category automation does not move that company.
  const keepCategoryOf = new Set(
    [...companies.resolved.entries()].filter(([plan]) => plan.categoryId !== null).map(([, company]) => company.id),
  );
  const writes = new PendingPersonWrites(trx, context.actor, persons, keepCategoryOf);
  const decided: Array<{ row: PlannedRow; warnings: string[]; finish: () => PersonResult }> = [];
  for (const row of rows) {
    const warnings = [...row.warnings];
    const company = row.person.company === null ? null : (companies.resolved.get(row.person.company) ?? null);
    if (row.person.company !== null && company === null) {
      warnings.push(
        `no company has the domain ${row.person.company.domain} and the row gives no company name, so the person gets no company`,
      );
    }
    decided.push({ row, warnings, finish: await decidePerson(context, row, company, persons, writes, warnings) });
  }
  await writes.flush();

  return decided.map(({ row, warnings, finish }) => {
    const result = finish();
    const companyNote = companies.notes.get(row.rowNumber);
    const description = companyNote === undefined ? result.description : `${result.description}; ${companyNote.description}`;
    const outcome = result.outcome === 'unchanged' && companyNote !== undefined ? 'updated' : result.outcome;
    return { rowNumber: row.rowNumber, outcome, personId: result.personId, description, warnings };
  });
}

interface CompanyWrites {
  resolved: Map<CompanyPlan, BatchCompany>;
  /** The first row of the batch for each company that was created or changed, with what changed. */
  notes: Map<number, { description: string }>;
}

async function writeCompanies(trx: Trx, context: BatchContext, rows: readonly PlannedRow[]): Promise<CompanyWrites> {
  const plans = new Map<CompanyPlan, number>();
  for (const row of rows) {
    if (row.person.company !== null && !plans.has(row.person.company)) plans.set(row.person.company, row.rowNumber);
  }

  const names = [...plans.keys()].map((plan) => plan.name).filter((name): name is string => name !== null);
  const byName = await findCompaniesByName(trx, names);

  const byDomain = new Map<string, StoredCompany>();
  const unmatchedDomains = [...plans.keys()]
    .filter((plan) => plan.domain !== null && (plan.name === null || !byName.has(plan.name)))
    .map((plan) => plan.domain as string);
  for (const company of await findCompaniesByDomain(trx, unmatchedDomains)) {
    if (!byDomain.has(company.domain)) byDomain.set(company.domain, company);
  }

  const resolved = new Map<CompanyPlan, BatchCompany>();
  const notes = new Map<number, { description: string }>();
  // Two plans can find the same company (one by name, one by domain); the second compares with
  // and updates the version the first one left.
  const updatedInBatch = new Map<number, StoredCompany>();
  const creations: NewCompany[] = [];
  for (const [plan, firstRowNumber] of plans) {
    const found = (plan.name === null ? undefined : byName.get(plan.name)) ?? (plan.domain === null ? undefined : byDomain.get(plan.domain));
    const stored = found === undefined ? undefined : (updatedInBatch.get(found.id) ?? found);
    if (stored === undefined) {
      if (plan.name !== null) creations.push({ plan, firstRowNumber, input: newCompanyInput(plan, context) });
      continue;
    }

    const patch = companyPatch(stored, plan);
    if (Object.keys(patch).length === 0) {
      resolved.set(plan, stored);
      continue;
    }
    try {
      const updated = await updateCompany(trx, context.actor, stored.id, patch, stored.version);
      updatedInBatch.set(updated.id, updated);
      resolved.set(plan, updated);
      notes.set(firstRowNumber, { description: `company ${updated.id} "${updated.name}": ${Object.keys(patch).join(', ')}` });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      throw companyRejected(plan, firstRowNumber, error);
    }
  }

  for (const { plan, firstRowNumber, company } of await createCompanies(trx, context.actor, creations)) {
    resolved.set(plan, company);
    notes.set(firstRowNumber, { description: `new company "${company.name}"${categorySuffix(company, context)}` });
  }
  return { resolved, notes };
}

function companyRejected(plan: CompanyPlan, firstRowNumber: number, error: AppError): RowRejectedError {
  return new RowRejectedError(firstRowNumber, `company "${plan.name ?? plan.domain}" could not be saved: ${error.message}`, { cause: error });
}

/** A company that the batch creates, with the first row that names it. */
interface NewCompany {
  plan: CompanyPlan;
  firstRowNumber: number;
  input: CompanyInput;
}

/**
 * Inserts the batch's new companies with one statement per thousand, and one audit entry each.
 * The checks are createCompany's: a name, a category that exists and is not deleted, and an
 * active owner. The first company that fails them rejects its row before anything is written.
 */
async function createCompanies(trx: Trx, actor: Actor, creations: readonly NewCompany[]): Promise<Array<NewCompany & { company: BatchCompany }>> {
  if (creations.length === 0) return [];
  const categoryErrors = await collectAppErrors(creations.map(({ input }) => input.categoryId), (id) => loadSelectableCategory(trx, id));
  const ownerErrors = await collectAppErrors(creations.map(({ input }) => input.ownerId), (id) => assertActiveUser(trx, id));
  for (const { plan, firstRowNumber, input } of creations) {
    const error =
      input.name.trim() === ''
        ? new AppError('VALIDATION_FAILED', 'company name must not be empty', [{ field: '/name', message: 'required', code: 'required' }])
        : (errorFor(categoryErrors, input.categoryId) ?? errorFor(ownerErrors, input.ownerId));
    if (error !== undefined) throw companyRejected(plan, firstRowNumber, error);
  }

  const reserved = await sql<{ id: number }>`
    select nextval(pg_get_serial_sequence('companies', 'id'))::integer as id from generate_series(1, ${creations.length})
  `.execute(trx);
  const ids = reserved.rows.map((row) => row.id).sort((a, b) => a - b);
  const companies = creations.map(({ input }, index) => ({
    id: ids[index] as number,
    name: input.name.trim(),
    category_id: input.categoryId ?? null,
    owner_id: input.ownerId ?? null,
    street: input.street ?? null,
    postcode: input.postcode ?? null,
    city: input.city ?? null,
    country: input.country ?? null,
    phone: input.phone ?? null,
    website: input.website ?? null,
  }));
  for (const chunk of chunks(companies, ROWS_PER_STATEMENT)) await trx.insertInto('companies').values(chunk).execute();

  const audit = creations.map(({ input }, index) => ({
    user_id: actor.userId,
    entity: 'company',
    entity_id: (companies[index] as { id: number }).id,
    action: 'create',
    changes: JSON.stringify({ ...input }),
  }));
  for (const chunk of chunks(audit, ROWS_PER_STATEMENT)) await trx.insertInto('audit_log').values(chunk).execute();

  return creations.map((creation, index) => {
    const company = companies[index] as (typeof companies)[number];
    return { ...creation, company: { id: company.id, name: company.name, categoryId: company.category_id } };
  });
}

/** Rows per multi-row INSERT: at most 10 parameters each, far below PostgreSQL's 65,535. */
const ROWS_PER_STATEMENT = 1_000;

/** Runs a check once per distinct id and keeps the AppError it raises for that id. Null and undefined ids are skipped. */
async function collectAppErrors(ids: ReadonlyArray<number | null | undefined>, check: (id: number) => Promise<unknown>): Promise<Map<number, AppError>> {
  const errors = new Map<number, AppError>();
  for (const id of new Set(ids)) {
    if (id === null || id === undefined) continue;
    try {
      await check(id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.set(id, error);
    }
  }
  return errors;
}

function errorFor(errors: ReadonlyMap<number, AppError>, id: number | null | undefined): AppError | undefined {
  return id === null || id === undefined ? undefined : errors.get(id);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

function newCompanyInput(plan: CompanyPlan, context: BatchContext): CompanyInput {
  return {
    name: plan.name ?? '',
    categoryId: plan.categoryId ?? context.newCompanyCategoryId,
    ownerId: plan.ownerId,
    street: plan.street,
    postcode: plan.postcode,
    city: plan.city,
    country: plan.country,
    phone: plan.phone,
    website: plan.website,
  };
}

function categorySuffix(company: BatchCompany, context: BatchContext): string {
  const category = company.categoryId === null ? undefined : context.categories.get(company.categoryId);
  return category === undefined ? '' : ` in category "${displayName(category)}"`;
}

/**
 * Computes the fields of a stored company that the file changes. An empty cell never clears a
 * value, and the owner is only filled in when the company has none. A website counts as changed
 * only when its host name differs, so that "example.nl" does not replace "https://www.example.nl/".
 */
function companyPatch(stored: StoredCompany, plan: CompanyPlan): Partial<CompanyInput> {
  const patch: Partial<CompanyInput> = {};
  if (plan.categoryId !== null && plan.categoryId !== stored.categoryId) patch.categoryId = plan.categoryId;
  if (plan.ownerId !== null && stored.ownerId === null) patch.ownerId = plan.ownerId;
  for (const field of ['street', 'postcode', 'city', 'country', 'phone'] as const) {
    const value = plan[field];
    if (value !== null && value !== stored[field]) patch[field] = value;
  }
  if (plan.website !== null && (stored.website === null || normalizeDomain(stored.website) !== normalizeDomain(plan.website))) {
    patch.website = plan.website;
  }
  return patch;
}

/** Outcome of one row's person, known once the batch's writes are flushed. */
interface PersonResult {
  outcome: WrittenRow['outcome'];
  personId: number;
  description: string;
}

/**
 * Decides what a row does to its person and queues the write. Returns a function that gives the
 * row's outcome once the queued writes are flushed. When the row matches or names a person that a
 * queued write creates or changes, the queue is flushed first and the row matched again. The row
 * then matches that person as stored, with its id and version, as if every row was written alone.
 */
async function decidePerson(
  context: BatchContext,
  row: PlannedRow,
  company: BatchCompany | null,
  persons: PersonIndex,
  writes: PendingPersonWrites,
  warnings: string[],
): Promise<() => PersonResult> {
  const plan = row.person;
  let matchWarnings: string[] = [];
  let stored = matchPerson(plan, company?.id ?? null, persons, matchWarnings);
  const mentioned = stored ?? (matchWarnings.length > 0 && plan.email !== null ? persons.withEmail(plan.email)[0] : undefined);
  if (mentioned !== undefined && writes.includes(mentioned.id)) {
    await writes.flush();
    matchWarnings = [];
    stored = matchPerson(plan, company?.id ?? null, persons, matchWarnings);
  }
  warnings.push(...matchWarnings);
  const targetCompanyId = company?.id ?? stored?.companyId ?? null;
  const leadStatusId = allowedLeadStatus(context, plan, stored?.id ?? null, persons.company(targetCompanyId), warnings, stored?.leadStatusId ?? null);

  if (stored === undefined) {
    const created = writes.create(row.rowNumber, {
      ...newPersonInput(plan, targetCompanyId, leadStatusId),
      ...(plan.registeredAt !== null ? { registeredAt: plan.registeredAt } : {}),
    });
    return () => {
      const person = created.person();
      return { outcome: 'created', personId: person.id, description: `new person ${describePerson(person)}${statusSuffix(context, person)}` };
    };
  }

  const patch = personPatch(stored, plan, targetCompanyId, leadStatusId);
  const sameAs = plan.firstRowNumber === row.rowNumber ? '' : ` (same person as row ${plan.firstRowNumber})`;
  if (Object.keys(patch).length === 0) {
    const description = `person ${stored.id} ${describePerson(stored)}${sameAs}`;
    return () => ({ outcome: 'unchanged', personId: stored.id, description });
  }

  const updated = writes.update(row.rowNumber, stored, patch);
  return () => {
    const person = updated.person();
    return { outcome: 'updated', personId: person.id, description: `person ${person.id} ${describePerson(person)}: ${Object.keys(patch).join(', ')}${sameAs}` };
  };
}

/** A queued person write; its person is known after the flush. */
class QueuedWrite {
  private written: WrittenPerson | undefined;

  constructor(readonly rowNumber: number) {}

  complete(person: WrittenPerson): void {
    this.written = person;
  }

  person(): WrittenPerson {
    if (this.written === undefined) throw new Error(`the person of row ${this.rowNumber} was read before its batch was written`);
    return this.written;
  }
}

/**
 * Ids that queued new persons have in the person index until they are written: above the largest
 * PostgreSQL integer, so no stored person has one, and in creation order, so candidates sort as
 * they will once written.
 */
const FIRST_QUEUED_ID = 2 ** 31;

/**
 * The person writes of a batch, queued and then written together by createPersons and
 * updatePersons. The person index shows queued changes at once, so that later rows match against
 * them. Each queued person carries the values its row gives; decidePerson flushes before a row
 * can use anything else about it.
 */
class PendingPersonWrites {
  private creations: Array<{ write: QueuedWrite; input: PersonInput; queuedId: number }> = [];
  private updates: Array<{ write: QueuedWrite; update: PersonUpdate }> = [];
  private readonly queuedIds = new Set<number>();
  private nextQueuedId = FIRST_QUEUED_ID;

  constructor(
    private readonly trx: Trx,
    private readonly actor: Actor,
    private readonly persons: PersonIndex,
    private readonly keepCategoryOf: ReadonlySet<number>,
  ) {}

  /** Tells whether a queued write creates or changes the person with this id. */
  includes(personId: number): boolean {
    return this.queuedIds.has(personId);
  }

  create(rowNumber: number, input: PersonInput): QueuedWrite {
    const write = new QueuedWrite(rowNumber);
    const queuedId = this.nextQueuedId++;
    this.creations.push({ write, input, queuedId });
    this.queuedIds.add(queuedId);
    this.persons.store({
      id: queuedId,
      companyId: input.companyId ?? null,
      salutation: input.salutation ?? null,
      firstName: input.firstName ?? null,
      middleName: input.middleName ?? null,
      lastName: input.lastName,
      jobTitle: input.jobTitle ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      mobile: input.mobile ?? null,
      ownerId: input.ownerId ?? null,
      leadStatusId: input.leadStatusId ?? null,
      leadSource: input.leadSource ?? null,
      version: 1,
    });
    return write;
  }

  update(rowNumber: number, stored: StoredPerson, patch: Partial<PersonInput>): QueuedWrite {
    const write = new QueuedWrite(rowNumber);
    this.updates.push({ write, update: { id: stored.id, patch, expectedVersion: stored.version } });
    this.queuedIds.add(stored.id);
    this.persons.store({
      ...stored,
      ...(patch.companyId !== undefined ? { companyId: patch.companyId } : {}),
      ...(patch.salutation !== undefined ? { salutation: patch.salutation } : {}),
      ...(patch.firstName !== undefined ? { firstName: patch.firstName } : {}),
      ...(patch.middleName !== undefined ? { middleName: patch.middleName } : {}),
      ...(patch.lastName !== undefined ? { lastName: patch.lastName } : {}),
      ...(patch.jobTitle !== undefined ? { jobTitle: patch.jobTitle } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
      ...(patch.mobile !== undefined ? { mobile: patch.mobile } : {}),
      ...(patch.ownerId !== undefined ? { ownerId: patch.ownerId } : {}),
      ...(patch.leadSource !== undefined ? { leadSource: patch.leadSource } : {}),
    });
    return write;
  }

  /** Writes the queued persons, new ones first, and puts the stored results in the person index. */
  async flush(): Promise<void> {
    const { creations, updates } = this;
    this.creations = [];
    this.updates = [];
    this.queuedIds.clear();

    const created = await rejectingRow(creations, () => createPersons(this.trx, this.actor, creations.map((creation) => creation.input), { keepCategoryOf: this.keepCategoryOf }));
    created.forEach((person, index) => {
      const creation = creations[index] as (typeof creations)[number];
      this.persons.forget(creation.queuedId);
      this.persons.remember(person);
      creation.write.complete(person);
    });

    const updated = await rejectingRow(updates, () => updatePersons(this.trx, this.actor, updates.map((queued) => queued.update), { keepCategoryOf: this.keepCategoryOf }));
    updated.forEach((person, index) => {
      this.persons.remember(person);
      (updates[index] as (typeof updates)[number]).write.complete(person);
    });
  }
}

/** Runs a bulk write and turns the error about one of its items into the rejection of that item's row. */
async function rejectingRow<T>(items: ReadonlyArray<{ write: QueuedWrite }>, bulkWrite: () => Promise<T>): Promise<T> {
  try {
    return await bulkWrite();
  } catch (error) {
    if (!(error instanceof BulkItemError)) throw error;
    const rowNumber = items[error.index]?.write.rowNumber;
    if (rowNumber === undefined) throw error;
    throw new RowRejectedError(rowNumber, `the person could not be saved: ${error.itemError.message}`, { cause: error.itemError });
  }
}

function newPersonInput(plan: PersonPlan, companyId: number | null, leadStatusId: number | null): PersonInput {
  return {
    companyId,
    salutation: plan.salutation,
    firstName: plan.firstName,
    middleName: plan.middleName,
    lastName: plan.lastName,
    jobTitle: plan.jobTitle,
    email: plan.email,
    phone: plan.phone,
    mobile: plan.mobile,
    ownerId: plan.ownerId,
    leadSource: plan.leadSource,
    ...(leadStatusId === null ? {} : { leadStatusId }),
  };
}

const PERSON_TEXT_FIELDS = ['salutation', 'firstName', 'jobTitle', 'phone', 'mobile', 'leadSource'] as const;

/**
 * Computes the fields of a stored person that the row changes. An empty cell never clears a value,
 * and an email that differs only in case is no change. Middle and last name count as unchanged
 * when together they spell the same, so that "de" + "Vries" is not turned into "de" + "de Vries".
 */
function personPatch(stored: StoredPerson, plan: PersonPlan, companyId: number | null, leadStatusId: number | null): Partial<PersonInput> {
  const patch: Partial<PersonInput> = {};
  for (const field of PERSON_TEXT_FIELDS) {
    const value = plan[field];
    if (value !== null && value !== stored[field]) patch[field] = value;
  }

  const spelledAlike = [stored.middleName, stored.lastName].join(' ').trim() === [plan.middleName, plan.lastName].join(' ').trim();
  if (!spelledAlike) {
    if (plan.middleName !== null && plan.middleName !== stored.middleName) patch.middleName = plan.middleName;
    if (plan.lastName !== stored.lastName) patch.lastName = plan.lastName;
  }

  if (plan.email !== null && (stored.email === null || nameKey(stored.email) !== nameKey(plan.email))) patch.email = plan.email;
  if (plan.ownerId !== null && plan.ownerId !== stored.ownerId) patch.ownerId = plan.ownerId;

  const companyChanges = companyId !== stored.companyId;
  if (companyChanges) patch.companyId = companyId;
  // After a move into a lead-enabled company the service starts a new cycle at the default
  // status, so the file's status is passed again even when it equals the old one.
  if (leadStatusId !== null && (leadStatusId !== stored.leadStatusId || companyChanges)) patch.leadStatusId = leadStatusId;
  return patch;
}

/**
 * Returns the lead status that the row may set, or null. A status for a person whose company has
 * no lead-enabled category is not set, but the rest of the row is imported. A warning gives the
 * reason, unless the person already has that status.
 */
function allowedLeadStatus(
  context: BatchContext,
  plan: PersonPlan,
  personId: number | null,
  company: { id: number; name: string; categoryId: number | null } | null,
  warnings: string[],
  currentStatusId: number | null,
): number | null {
  if (plan.leadStatusId === null) return null;

  const category = company?.categoryId == null ? undefined : context.categories.get(company.categoryId);
  const categoryInfo = category === undefined ? null : { id: category.id, name: displayName(category), leadStatusEnabled: category.leadStatusEnabled };
  if (isLeadStatusEnabled(categoryInfo)) return plan.leadStatusId;

  if (plan.leadStatusId !== currentStatusId) {
    const status = context.leadStatuses.get(plan.leadStatusId);
    const name = status === undefined ? String(plan.leadStatusId) : displayName(status);
    warnings.push(`lead status "${name}" not imported (${leadStatusNotEnabledReason(personId, company, categoryInfo)})`);
  }
  return null;
}

function describePerson(person: { firstName: string | null; middleName: string | null; lastName: string; email: string | null }): string {
  const name = `"${formatFullName(person.firstName, person.middleName, person.lastName)}"`;
  return person.email === null ? name : `${name} <${person.email}>`;
}

function statusSuffix(context: BatchContext, person: { leadStatusId: number | null }): string {
  const status = person.leadStatusId === null ? undefined : context.leadStatuses.get(person.leadStatusId);
  return status === undefined ? '' : ` with lead status "${displayName(status)}"`;
}
