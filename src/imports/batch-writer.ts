import type { Actor } from '../auth/actor.js';
import type { Company, CompanyInput } from '../companies/company.js';
import { createCompany, updateCompany } from '../companies/company.service.js';
import type { Trx } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { isLeadStatusEnabled, leadStatusNotEnabledReason } from '../leads/lead-status-rules.js';
import { formatFullName, type Person, type PersonInput } from '../persons/person.js';
import { createPerson, updatePerson } from '../persons/person.service.js';
import {
  findCompaniesByDomain,
  findCompaniesByName,
  findCompanyCategories,
  findPersonsByEmail,
  findPersonsByLastName,
  type StoredCompany,
  type StoredPerson,
} from './import.repository.js';
import { displayName, type ImportCategory, type ImportListItem } from './name-lookup.js';
import { type CompanyPlan, fullLastName, type PersonPlan, type PlannedRow } from './row-plan.js';
import { foldKey, nameKey, normalizeDomain } from './values.js';

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

/** Id, name and category of a company that the batch found, created or updated. */
interface BatchCompany {
  id: number;
  name: string;
  categoryId: number | null;
}

/**
 * Writes one batch of planned rows in the given transaction, through the company and person
 * services. Companies come first, so that a category change (which may start a new lead cycle for
 * the company's persons) happens before the persons are read. Throws RowRejectedError when a
 * service rejects a row; any other error means the batch cannot be written.
 */
export async function writeBatch(trx: Trx, context: BatchContext, rows: readonly PlannedRow[]): Promise<WrittenRow[]> {
  const companies = await writeCompanies(trx, context, rows);
  const persons = new PersonIndex(await loadPersons(trx, rows, companies.resolved));
  await persons.loadCompanyCategories(trx, companies.resolved);

  const written: WrittenRow[] = [];
  for (const row of rows) {
    const warnings = [...row.warnings];
    const companyNote = companies.notes.get(row.rowNumber);
    const company = row.person.company === null ? null : (companies.resolved.get(row.person.company) ?? null);
    if (row.person.company !== null && company === null) {
      warnings.push(
        `no company has the domain ${row.person.company.domain} and the row gives no company name, so the person gets no company`,
      );
    }

    const result = await writePerson(trx, context, row, company, persons, warnings);
    const description = companyNote === undefined ? result.description : `${result.description}; ${companyNote.description}`;
    const outcome = result.outcome === 'unchanged' && companyNote !== undefined ? 'updated' : result.outcome;
    written.push({ rowNumber: row.rowNumber, outcome, personId: result.personId, description, warnings });
  }
  return written;
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
  for (const [plan, firstRowNumber] of plans) {
    const found = (plan.name === null ? undefined : byName.get(plan.name)) ?? (plan.domain === null ? undefined : byDomain.get(plan.domain));
    const stored = found === undefined ? undefined : (updatedInBatch.get(found.id) ?? found);
    try {
      if (stored !== undefined) {
        const patch = companyPatch(stored, plan);
        if (Object.keys(patch).length === 0) {
          resolved.set(plan, stored);
          continue;
        }
        const updated = await updateCompany(trx, context.actor, stored.id, patch, stored.version);
        updatedInBatch.set(updated.id, updated);
        resolved.set(plan, updated);
        notes.set(firstRowNumber, { description: `company ${updated.id} "${updated.name}": ${Object.keys(patch).join(', ')}` });
      } else if (plan.name !== null) {
        const created = await createCompany(trx, context.actor, newCompanyInput(plan, context));
        resolved.set(plan, created);
        notes.set(firstRowNumber, { description: `new company "${created.name}"${categorySuffix(created, context)}` });
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      throw new RowRejectedError(firstRowNumber, `company "${plan.name ?? plan.domain}" could not be saved: ${error.message}`, { cause: error });
    }
  }
  return { resolved, notes };
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

function categorySuffix(company: Company, context: BatchContext): string {
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

/** Loads the stored persons that rows of the batch may refer to: by email, and by last name within their companies. */
async function loadPersons(trx: Trx, rows: readonly PlannedRow[], companies: ReadonlyMap<CompanyPlan, BatchCompany>) {
  const emails = rows.map((row) => row.person.email).filter((email): email is string => email !== null);
  const lastNames = rows.flatMap((row) => storedLastNameCandidates(row.person.middleName, row.person.lastName));
  const companyIds = [...companies.values()].map((company) => company.id);
  const withoutCompany = rows.some((row) => row.person.company === null);

  const byEmail = await findPersonsByEmail(trx, emails);
  const byName = await findPersonsByLastName(trx, lastNames, companyIds, withoutCompany);
  return { byEmail, byName };
}

/**
 * Last names under which a stored person with this middle and last name may be filed: "de" +
 * "Groot" may be stored as "de Groot", and "de Groot" may be stored as "de" + "Groot".
 */
function storedLastNameCandidates(middleName: string | null, lastName: string): string[] {
  const words = lastName.split(' ');
  const lastWord = words.at(-1) ?? lastName;
  return middleName === null ? [lastName, lastWord] : [lastName, `${middleName} ${lastName}`];
}

/** The persons of one batch: loaded from the database and created or updated by the batch so far. */
class PersonIndex {
  private readonly byId = new Map<number, StoredPerson>();
  private readonly byEmailInput: Map<string, StoredPerson[]>;
  private readonly companies = new Map<number, { name: string; categoryId: number | null }>();

  constructor(loaded: { byEmail: Map<string, StoredPerson[]>; byName: StoredPerson[] }) {
    this.byEmailInput = loaded.byEmail;
    for (const list of loaded.byEmail.values()) for (const person of list) this.byId.set(person.id, person);
    for (const person of loaded.byName) this.byId.set(person.id, person);
  }

  /** Loads name and category of the companies that the loaded persons belong to, for the lead status rule. */
  async loadCompanyCategories(trx: Trx, batchCompanies: ReadonlyMap<CompanyPlan, BatchCompany>): Promise<void> {
    for (const company of batchCompanies.values()) this.companies.set(company.id, company);
    const missing = [...this.byId.values()]
      .map((person) => person.companyId)
      .filter((id): id is number => id !== null && !this.companies.has(id));
    for (const company of await findCompanyCategories(trx, missing)) this.companies.set(company.id, company);
  }

  company(id: number | null): { id: number; name: string; categoryId: number | null } | null {
    if (id === null) return null;
    const company = this.companies.get(id);
    return company === undefined ? null : { id, ...company };
  }

  /** Returns the persons with the email `email`: stored ones (compared by the database) and those this batch wrote. */
  withEmail(email: string): StoredPerson[] {
    const stored = (this.byEmailInput.get(email) ?? []).map((person) => this.byId.get(person.id) ?? person);
    const key = nameKey(email);
    const fromBatch = [...this.byId.values()].filter(
      (person) => person.email !== null && nameKey(person.email) === key && !stored.some((other) => other.id === person.id),
    );
    return [...stored, ...fromBatch].sort((a, b) => a.id - b.id);
  }

  withName(companyId: number | null, firstName: string | null, middleName: string | null, lastName: string): StoredPerson[] {
    const first = foldKey(firstName ?? '');
    const last = fullLastName(middleName, lastName);
    return [...this.byId.values()]
      .filter(
        (person) =>
          person.companyId === companyId && foldKey(person.firstName ?? '') === first && fullLastName(person.middleName, person.lastName) === last,
      )
      .sort((a, b) => a.id - b.id);
  }

  remember(person: Person): void {
    this.byId.set(person.id, {
      id: person.id,
      companyId: person.companyId,
      salutation: person.salutation,
      firstName: person.firstName,
      middleName: person.middleName,
      lastName: person.lastName,
      jobTitle: person.jobTitle,
      email: person.email,
      phone: person.phone,
      mobile: person.mobile,
      ownerId: person.ownerId,
      leadStatusId: person.leadStatusId,
      leadSource: person.leadSource,
      version: person.version,
    });
  }
}

/**
 * Finds the stored person a row describes. By email first; when several people share the address
 * (a family, a shared mailbox), the one with the row's first name. A person with another first
 * name is not taken over: the row becomes a new person, with a warning. Without an email match,
 * by first, middle and last name within the row's company (or among persons without a company),
 * taking only persons without an email when the row has one.
 */
function matchPerson(plan: PersonPlan, companyId: number | null, persons: PersonIndex, warnings: string[]): StoredPerson | undefined {
  if (plan.email !== null) {
    const candidates = persons.withEmail(plan.email);
    const firstName = foldKey(plan.firstName ?? '');
    const match =
      candidates.find((person) => foldKey(person.firstName ?? '') === firstName) ??
      (plan.firstName === null ? candidates[0] : candidates.find((person) => person.firstName === null));
    if (match !== undefined) return match;

    const other = candidates[0];
    if (other !== undefined) {
      warnings.push(
        `email ${plan.email} belongs to person ${other.id} "${formatFullName(other.firstName, other.middleName, other.lastName)}" ` +
          'with another first name, so this row becomes a new person with the same email',
      );
      return undefined;
    }
  }

  return persons
    .withName(companyId, plan.firstName, plan.middleName, plan.lastName)
    .find((person) => plan.email === null || person.email === null);
}

async function writePerson(
  trx: Trx,
  context: BatchContext,
  row: PlannedRow,
  company: BatchCompany | null,
  persons: PersonIndex,
  warnings: string[],
): Promise<{ outcome: WrittenRow['outcome']; personId: number; description: string }> {
  const plan = row.person;
  const stored = matchPerson(plan, company?.id ?? null, persons, warnings);
  const targetCompanyId = company?.id ?? stored?.companyId ?? null;
  const leadStatusId = allowedLeadStatus(context, plan, stored?.id ?? null, persons.company(targetCompanyId), warnings, stored?.leadStatusId ?? null);

  try {
    if (stored === undefined) {
      const created = await createPerson(trx, context.actor, {
        ...newPersonInput(plan, targetCompanyId, leadStatusId),
        ...(plan.registeredAt !== null ? { registeredAt: plan.registeredAt } : {}),
      });
      persons.remember(created);
      return { outcome: 'created', personId: created.id, description: `new person ${describePerson(created)}${statusSuffix(context, created)}` };
    }

    const patch = personPatch(stored, plan, targetCompanyId, leadStatusId);
    const sameAs = plan.firstRowNumber === row.rowNumber ? '' : ` (same person as row ${plan.firstRowNumber})`;
    if (Object.keys(patch).length === 0) {
      return { outcome: 'unchanged', personId: stored.id, description: `person ${stored.id} ${describePerson(stored)}${sameAs}` };
    }

    const updated = await updatePerson(trx, context.actor, stored.id, patch, stored.version);
    persons.remember(updated);
    return {
      outcome: 'updated',
      personId: updated.id,
      description: `person ${updated.id} ${describePerson(updated)}: ${Object.keys(patch).join(', ')}${sameAs}`,
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new RowRejectedError(row.rowNumber, `the person could not be saved: ${error.message}`, { cause: error });
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

function statusSuffix(context: BatchContext, person: Person): string {
  const status = person.leadStatusId === null ? undefined : context.leadStatuses.get(person.leadStatusId);
  return status === undefined ? '' : ` with lead status "${displayName(status)}"`;
}
