import type { Trx } from '../db/database.js';
import { formatFullName } from '../persons/person.js';
import type { WrittenPerson } from '../persons/person.service.js';
import { findCompanyCategories, findPersonsByEmail, findPersonsByLastName, type StoredPerson } from './import.repository.js';
import { type CompanyPlan, fullLastName, type PersonPlan, type PlannedRow } from './row-plan.js';
import { foldKey, nameKey } from './values.js';

/** Id, name and category of a company that a batch found, created or updated. */
export interface BatchCompany {
  id: number;
  name: string;
  categoryId: number | null;
}

/**
 * Loads the stored persons that rows of the batch may refer to: by email, and by last name within
 * their companies. Persons without a company are looked up only under the last names of rows that
 * end up without a company (none given, or a domain that no company has), because a common last
 * name matches thousands of them.
 */
export async function loadPersons(trx: Trx, rows: readonly PlannedRow[], companies: ReadonlyMap<CompanyPlan, BatchCompany>) {
  const emails = rows.map((row) => row.person.email).filter((email): email is string => email !== null);
  const lastNamesOf = (selected: readonly PlannedRow[]) =>
    selected.flatMap((row) => storedLastNameCandidates(row.person.middleName, row.person.lastName));
  const companyIds = [...companies.values()].map((company) => company.id);
  const withoutCompany = rows.filter((row) => row.person.company === null || !companies.has(row.person.company));

  const byEmail = await findPersonsByEmail(trx, emails);
  const inCompanies = await findPersonsByLastName(trx, lastNamesOf(rows), companyIds, false);
  const companyless = await findPersonsByLastName(trx, lastNamesOf(withoutCompany), [], withoutCompany.length > 0);
  return { byEmail, byName: [...inCompanies, ...companyless] };
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

/**
 * The persons of one batch: loaded from the database and created or updated by the batch so far,
 * indexed by email and by name within a company, so that matching a row costs no scan of them all.
 */
export class PersonIndex {
  private readonly byId = new Map<number, StoredPerson>();
  private readonly byEmailInput: Map<string, StoredPerson[]>;
  private readonly idsByEmail = new Map<string, Set<number>>();
  private readonly idsByName = new Map<string, Set<number>>();
  private readonly companies = new Map<number, { name: string; categoryId: number | null }>();

  constructor(loaded: { byEmail: Map<string, StoredPerson[]>; byName: StoredPerson[] }) {
    this.byEmailInput = loaded.byEmail;
    for (const list of loaded.byEmail.values()) for (const person of list) this.store(person);
    for (const person of loaded.byName) this.store(person);
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

  get(id: number): StoredPerson | undefined {
    return this.byId.get(id);
  }

  /** Returns the persons with the email `email`: stored ones (compared by the database) and those this batch wrote. */
  withEmail(email: string): StoredPerson[] {
    const stored = (this.byEmailInput.get(email) ?? []).map((person) => this.byId.get(person.id) ?? person);
    const storedIds = new Set(stored.map((person) => person.id));
    const fromBatch = [...(this.idsByEmail.get(nameKey(email)) ?? [])]
      .filter((id) => !storedIds.has(id))
      .map((id) => this.byId.get(id) as StoredPerson);
    return [...stored, ...fromBatch].sort((a, b) => a.id - b.id);
  }

  withName(companyId: number | null, firstName: string | null, middleName: string | null, lastName: string): StoredPerson[] {
    const ids = this.idsByName.get(nameIndexKey(companyId, firstName, middleName, lastName)) ?? [];
    return [...ids].map((id) => this.byId.get(id) as StoredPerson).sort((a, b) => a.id - b.id);
  }

  remember(person: WrittenPerson): void {
    this.store({
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

  /** Adds a person or replaces the one with its id. */
  store(person: StoredPerson): void {
    this.forget(person.id);
    this.byId.set(person.id, person);
    if (person.email !== null) addToSet(this.idsByEmail, nameKey(person.email), person.id);
    addToSet(this.idsByName, nameIndexKey(person.companyId, person.firstName, person.middleName, person.lastName), person.id);
  }

  forget(id: number): void {
    const person = this.byId.get(id);
    if (person === undefined) return;
    this.byId.delete(id);
    if (person.email !== null) this.idsByEmail.get(nameKey(person.email))?.delete(id);
    this.idsByName.get(nameIndexKey(person.companyId, person.firstName, person.middleName, person.lastName))?.delete(id);
  }
}

/** Key of withName: the company, the first name and middle plus last name, compared as matchPerson compares them. */
function nameIndexKey(companyId: number | null, firstName: string | null, middleName: string | null, lastName: string): string {
  return JSON.stringify([companyId, foldKey(firstName ?? ''), fullLastName(middleName, lastName)]);
}

function addToSet(sets: Map<string, Set<number>>, key: string, id: number): void {
  const set = sets.get(key);
  if (set === undefined) sets.set(key, new Set([id]));
  else set.add(id);
}

/**
 * Finds the stored person a row describes. By email first; when several people share the address
 * (a family, a shared mailbox), the one with the row's first name. A person with another first
 * name is not taken over: the row becomes a new person, with a warning. Without an email match,
 * by first, middle and last name within the row's company (or among persons without a company),
 * taking only persons without an email when the row has one.
 */
export function matchPerson(plan: PersonPlan, companyId: number | null, persons: PersonIndex, warnings: string[]): StoredPerson | undefined {
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
