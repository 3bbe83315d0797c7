import { sql } from 'kysely';

import type { Actor } from '../auth/actor.js';
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
  type ListPlan,
  type ListQuery,
  applyListPage,
  buildFilter,
  countListRows,
  finishListPage,
  planList,
} from '../criteria/list-query.js';
import { PERSON_FIELDS } from '../criteria/person-fields.js';
import type { Executor } from '../db/database.js';
import { canCountFromTable, countPersonsFromTable, groupedCountsFromTable } from './person-counts.js';
import { type PersonListRow, selectPersonRows } from './person.repository.js';

/**
 * Reads one page of persons matching the filter, in the requested sort (default: last name, then
 * first name), with the total for the filter and the cursor of the next page. Deleted persons are
 * left out unless `includeDeleted` is set. Throws VALIDATION_FAILED on an invalid query.
 */
export async function listPersons(db: Executor, actor: Actor, query: ListQuery = {}): Promise<ListPage<PersonListRow>> {
  const plan = planList(PERSON_FIELDS, actor, query);
  const [rows, total] = await Promise.all([
    applyListPage(selectPersonRows(db), plan).execute(),
    query.includeTotal === false ? null : countPersons(db, plan, query),
  ]);
  return finishListPage<PersonListRow>(PERSON_FIELDS, plan, rows, total);
}

/**
 * Counts the persons matching the filter per value of one or two list or yes/no fields, such as
 * lead status (the board's columns) or category and then lead status.
 */
export async function countPersonGroups(db: Executor, actor: Actor, query: GroupQuery): Promise<GroupCounts> {
  const fields = resolveGroupFields(PERSON_FIELDS, query.by);
  const filter = buildFilter(PERSON_FIELDS, actor, query);
  const grouped = canCountFromTable(query, fields) ? groupedCountsFromTable(fields, filter) : groupedRowsQuery(selectPersonRows(db), fields, filter);
  return countGroupedRows(db, grouped, fields, actor);
}

/** Counts the persons matching the filter options, from the counts table where its fields allow. */
export async function countMatchingPersons(db: Executor, actor: Actor, options: FilterOptions): Promise<number> {
  const filter = buildFilter(PERSON_FIELDS, actor, options);
  if (canCountFromTable(options)) return countPersonsFromTable(db, filter);
  const result = await selectPersonRows(db).clearSelect().select(sql<number>`cast(count(*) as integer)`.as('total')).where(filter).executeTakeFirstOrThrow();
  return Number(result.total);
}

/** Counts the persons a list plan matches, from the counts table where its fields allow. */
function countPersons(db: Executor, plan: ListPlan, query: ListQuery): Promise<number> {
  return canCountFromTable(query) ? countPersonsFromTable(db, plan.filter) : countListRows(selectPersonRows(db), plan);
}

/** Parses the query-string parameters of the person list (filter, sort, limit, cursor, includeDeleted). */
export function parsePersonListParameters(raw: RawListParameters): ListQuery {
  return parseListParameters(PERSON_FIELDS, raw);
}

/** Parses the query-string parameters of person group counts (filter, by, includeDeleted). */
export function parsePersonGroupParameters(raw: RawGroupParameters): GroupQuery {
  return parseGroupParameters(PERSON_FIELDS, raw);
}
