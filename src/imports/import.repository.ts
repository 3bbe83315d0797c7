import { sql } from 'kysely';

import type { Executor, Trx } from '../db/database.js';
import type { ImportCategory, ImportListItem, ImportUser } from './name-lookup.js';

/**
 * Read-only queries that the import uses to match file rows with stored records, one query per
 * batch instead of one per row. Writes go through the company and person services.
 */

export interface ImportLists {
  categories: ImportCategory[];
  leadStatuses: ImportListItem[];
  users: ImportUser[];
}

/** Loads the categories, lead statuses (deleted ones too, to explain a rejection) and users. */
export async function loadImportLists(db: Executor): Promise<ImportLists> {
  const [categories, leadStatuses, users] = await Promise.all([
    db.selectFrom('categories').select(['id', 'name_nl', 'name_en', 'deleted', 'lead_status_enabled']).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('lead_statuses').select(['id', 'name_nl', 'name_en', 'deleted']).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('users').select(['id', 'name', 'email', 'active']).orderBy('id').execute(),
  ]);

  return {
    categories: categories.map((row) => ({
      id: row.id,
      nameNl: row.name_nl,
      nameEn: row.name_en,
      deleted: row.deleted,
      leadStatusEnabled: row.lead_status_enabled,
    })),
    leadStatuses: leadStatuses.map((row) => ({ id: row.id, nameNl: row.name_nl, nameEn: row.name_en, deleted: row.deleted })),
    users,
  };
}

/** A stored company as the import compares it with a file's values. */
export interface StoredCompany {
  id: number;
  name: string;
  categoryId: number | null;
  ownerId: number | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string | null;
  phone: string | null;
  website: string | null;
  version: number;
}

function selectStoredCompanies(db: Executor) {
  return db
    .selectFrom('companies as c')
    .select([
      'c.id',
      'c.name',
      'c.category_id as categoryId',
      'c.owner_id as ownerId',
      'c.street',
      'c.postcode',
      'c.city',
      'c.country',
      'c.phone',
      'c.website',
      'c.version',
    ])
    .where('c.deleted_at', 'is', null);
}

/**
 * Finds the companies whose name equals one of `names` with case and accents folded (by
 * trechter_fold(), which the stored name_sort column holds), as a map from each given name to the first such
 * company by id. Deleted companies are left out.
 */
export async function findCompaniesByName(db: Executor, names: readonly string[]): Promise<Map<string, StoredCompany>> {
  const found = new Map<string, StoredCompany>();
  if (names.length === 0) return found;

  const rows = await selectStoredCompanies(db)
    .innerJoin(sql<{ input: string }>`(select unnest(${[...new Set(names)]}::text[]) as input)`.as('given'), (join) =>
      join.on(sql<boolean>`c.name_sort = trechter_fold(given.input) collate "C"`),
    )
    .select('given.input')
    .orderBy('c.id')
    .execute();

  for (const { input, ...company } of rows) {
    if (!found.has(input)) found.set(input, company);
  }
  return found;
}

/**
 * Finds companies whose website has one of `domains` as host name, ignoring the scheme, a leading
 * "www." and any path. Deleted companies are left out.
 * NOTE: no index covers this expression, so each call scans the companies table. The import only
 * calls it for companies that it did not find by name.
 */
export async function findCompaniesByDomain(db: Executor, domains: readonly string[]): Promise<Array<StoredCompany & { domain: string }>> {
  if (domains.length === 0) return [];
  // The same reduction as normalizeDomain(): drop the scheme, a leading "www." and everything
  // from the first / ? # or : on.
  const domain = sql<string>`regexp_replace(regexp_replace(regexp_replace(lower(trim(c.website)),
    '^[a-z][a-z0-9+.-]*://', ''), '^www\\.', ''), '[/?#:].*$', '')`;
  return selectStoredCompanies(db)
    .select(domain.as('domain'))
    .where('c.website', 'is not', null)
    .where(domain, '=', sql<string>`any(${[...domains]}::text[])`)
    .orderBy('c.id')
    .execute();
}

/** A company's name and category, to decide whether its persons have an enabled lead status. */
export interface CompanyCategory {
  id: number;
  name: string;
  categoryId: number | null;
}

/** Loads name and category of the given companies, deleted ones included. */
export async function findCompanyCategories(db: Executor, ids: readonly number[]): Promise<CompanyCategory[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('companies')
    .select(['id', 'name', 'category_id as categoryId'])
    .where('id', '=', sql<number>`any(${[...new Set(ids)]}::int[])`)
    .execute();
}

/** A stored person as the import compares it with a file's values. */
export interface StoredPerson {
  id: number;
  companyId: number | null;
  salutation: string | null;
  firstName: string | null;
  middleName: string | null;
  lastName: string;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  ownerId: number | null;
  leadStatusId: number | null;
  leadSource: string | null;
  version: number;
}

function selectStoredPersons(db: Executor) {
  return db
    .selectFrom('persons as p')
    .select([
      'p.id',
      'p.company_id as companyId',
      'p.salutation',
      'p.first_name as firstName',
      'p.middle_name as middleName',
      'p.last_name as lastName',
      'p.job_title as jobTitle',
      'p.email',
      'p.phone',
      'p.mobile',
      'p.owner_id as ownerId',
      'p.lead_status_id as leadStatusId',
      'p.lead_source as leadSource',
      'p.version',
    ])
    .where('p.deleted_at', 'is', null);
}

/**
 * Finds the persons whose email equals one of `emails`, case-insensitively, as a map from each
 * given address to its persons in id order. Deleted persons are left out. The comparison runs in
 * the database, with the lower() that its email index uses.
 */
export async function findPersonsByEmail(db: Executor, emails: readonly string[]): Promise<Map<string, StoredPerson[]>> {
  const found = new Map<string, StoredPerson[]>();
  if (emails.length === 0) return found;

  const rows = await selectStoredPersons(db)
    .innerJoin(sql<{ input: string }>`(select unnest(${[...new Set(emails)]}::text[]) as input)`.as('given'), (join) =>
      join.on(sql<boolean>`lower(p.email) = lower(given.input)`),
    )
    .select('given.input')
    .orderBy('p.id')
    .execute();

  for (const { input, ...person } of rows) {
    const list = found.get(input) ?? [];
    list.push(person);
    found.set(input, list);
  }
  return found;
}

/**
 * Finds persons by last name (case and accents folded) within the given companies, and among
 * persons without a company when `withoutCompany` is set. The caller compares the full names.
 */
export async function findPersonsByLastName(
  db: Executor,
  lastNames: readonly string[],
  companyIds: readonly number[],
  withoutCompany: boolean,
): Promise<StoredPerson[]> {
  if (lastNames.length === 0 || (companyIds.length === 0 && !withoutCompany)) return [];
  return selectStoredPersons(db)
    .where(
      sql<boolean>`trechter_fold(p.last_name) collate "C" = any(array(
        select trechter_fold(input) collate "C" from unnest(${[...new Set(lastNames)]}::text[]) as input
      ))`,
    )
    .where((eb) =>
      eb.or([
        ...(companyIds.length > 0 ? [eb('p.company_id', '=', sql<number>`any(${[...new Set(companyIds)]}::int[])`)] : []),
        ...(withoutCompany ? [eb('p.company_id', 'is', null)] : []),
      ]),
    )
    .orderBy('p.id')
    .execute();
}
