import { sql } from 'kysely';

import type { Actor } from '../auth/actor.js';
import { COMPANY_FIELDS } from '../criteria/company-fields.js';
import { type GroupCounts, type GroupQuery, countGroupedRows, groupedRowsQuery, resolveGroupFields } from '../criteria/group-counts.js';
import {
  type RawGroupParameters,
  type RawListParameters,
  parseGroupParameters,
  parseListParameters,
} from '../criteria/list-parameters.js';
import {
  type FilterOptions,
  type ListPage,
  type ListQuery,
  applyListPage,
  buildFilter,
  countListRows,
  finishListPage,
  planList,
} from '../criteria/list-query.js';
import type { Executor } from '../db/database.js';
import { type CompanyListRow, selectCompanyRows } from './company.repository.js';

/**
 * Reads one page of companies matching the filter, in the requested sort (default: name), with the
 * total for the filter and the cursor of the next page. Deleted companies are left out unless
 * `includeDeleted` is set. Throws VALIDATION_FAILED on an invalid query.
 */
export async function listCompanies(db: Executor, actor: Actor, query: ListQuery = {}): Promise<ListPage<CompanyListRow>> {
  const plan = planList(COMPANY_FIELDS, actor, query);
  const [rows, total] = await Promise.all([
    applyListPage(selectCompanyRows(db), plan).execute(),
    query.includeTotal === false ? null : countListRows(selectCompanyRows(db), plan),
  ]);
  return finishListPage<CompanyListRow>(COMPANY_FIELDS, plan, rows, total);
}

/** Counts the companies matching the filter options. */
export async function countMatchingCompanies(db: Executor, actor: Actor, options: FilterOptions): Promise<number> {
  const filter = buildFilter(COMPANY_FIELDS, actor, options);
  const result = await selectCompanyRows(db).clearSelect().select(sql<number>`cast(count(*) as integer)`.as('total')).where(filter).executeTakeFirstOrThrow();
  return Number(result.total);
}

/**
 * Counts the companies matching the filter per value of one or two list or yes/no fields, such as
 * category or category group and then owner.
 */
export async function countCompanyGroups(db: Executor, actor: Actor, query: GroupQuery): Promise<GroupCounts> {
  const fields = resolveGroupFields(COMPANY_FIELDS, query.by);
  const filter = buildFilter(COMPANY_FIELDS, actor, query);
  return countGroupedRows(db, groupedRowsQuery(selectCompanyRows(db), fields, filter), fields, actor);
}

/** Parses the query-string parameters of the company list (filter, sort, limit, cursor, includeDeleted). */
export function parseCompanyListParameters(raw: RawListParameters): ListQuery {
  return parseListParameters(COMPANY_FIELDS, raw);
}

/** Parses the query-string parameters of company group counts (filter, by, includeDeleted). */
export function parseCompanyGroupParameters(raw: RawGroupParameters): GroupQuery {
  return parseGroupParameters(COMPANY_FIELDS, raw);
}

/** Counts the persons that are not deleted of each company, as the company list's person count does. */
export async function countPersonsOf(db: Executor, companyIds: number[]): Promise<Map<number, number>> {
  if (companyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('persons')
    .select(['company_id', sql<number>`cast(count(*) as integer)`.as('total')])
    .where('company_id', 'in', companyIds)
    .where('deleted_at', 'is', null)
    .groupBy('company_id')
    .execute();
  return new Map(rows.map((row) => [row.company_id as number, Number(row.total)]));
}

/** Adds to each company of a list page the number of its persons that are not deleted. */
export async function withPersonCounts<T extends { id: number }>(db: Executor, companies: T[]): Promise<Array<T & { personCount: number }>> {
  const counts = await countPersonsOf(db, companies.map((company) => company.id));
  return companies.map((company) => ({ ...company, personCount: counts.get(company.id) ?? 0 }));
}
