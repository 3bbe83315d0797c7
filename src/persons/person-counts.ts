import { type RawBuilder, type SqlBool, sql } from 'kysely';

import type { GroupField } from '../criteria/group-counts.js';
import type { FilterOptions } from '../criteria/list-query.js';
import { PERSON_FIELDS } from '../criteria/person-fields.js';
import { validateCriteria } from '../criteria/validate-criteria.js';
import type { Executor } from '../db/database.js';

/**
 * Person counts read from the `person_counts` table instead of the persons, for filters and
 * groups on the fields that table keeps: lead status, category (and so category group and
 * whether lead status is enabled) and owner. Its rows stand in for persons under the aliases of
 * the person base query (p, c, cat), so the list filter's SQL applies to them unchanged.
 */

/** The person fields whose values `person_counts` keeps for every person. */
const COUNTED_FIELDS: ReadonlySet<string> = new Set(['leadStatus', 'category', 'categoryGroup', 'owner', 'leadStatusEnabled']);

/** Fold the count rows once this many have been appended since the last fold. */
const COMPACT_AFTER_APPENDED_ROWS = 1_000;

/**
 * Tells whether the counts table can serve a count with this filter and grouping: only fields it
 * keeps, and deleted persons left out (it counts none).
 */
export function canCountFromTable(options: FilterOptions, groupFields: readonly GroupField[] = []): boolean {
  if (options.includeDeleted === true || options.idsFrom !== undefined) return false;
  if (!groupFields.every((field) => COUNTED_FIELDS.has(field.name))) return false;
  const sets = [...validateCriteria(options.filter ?? [], PERSON_FIELDS).criteria, ...validateCriteria(options.alsoMatch ?? [], PERSON_FIELDS).criteria];
  return sets.every((set) => set.every((line) => COUNTED_FIELDS.has(line.field)));
}

/** The count rows as persons: p with the person's columns, c with the company's category, cat the category. */
const COUNT_ROWS = sql`
  (select lead_status_id, owner_id, category_id, persons, null::timestamptz as deleted_at from person_counts) as p
  cross join lateral (select p.category_id) as c
  left join categories as cat on cat.id = c.category_id`;

/** Counts the persons matching `filter` (built by buildFilter on the person fields). */
export async function countPersonsFromTable(db: Executor, filter: RawBuilder<SqlBool>): Promise<number> {
  const result = await sql<{ total: number }>`
    select cast(coalesce(sum(p.persons), 0) as integer) as total from ${COUNT_ROWS} where ${filter}`.execute(db);
  return Number(result.rows[0]?.total ?? 0);
}

/** Builds the grouped counts query of countGroupedRows on the count rows. */
export function groupedCountsFromTable(fields: readonly GroupField[], filter: RawBuilder<SqlBool>): RawBuilder<unknown> {
  const keys = fields.map((field, index) => sql`${field.definition.column} as ${sql.raw(`key_${index}`)}`);
  const groupBy = fields.map((field) => field.definition.column);
  return sql`
    select ${sql.join(keys)}, cast(sum(p.persons) as integer) as row_count
    from ${COUNT_ROWS}
    where ${filter}
    group by ${sql.join(groupBy)}
    having sum(p.persons) <> 0`;
}

/**
 * Folds the count rows into one per combination once many have been appended since the last fold,
 * so that reading the counts stays a matter of a few thousand rows. Returns whether it folded.
 */
export async function compactPersonCountsIfNeeded(db: Executor): Promise<boolean> {
  const result = await sql<{ rows: number }>`select cast(count(*) as integer) as rows from person_counts`.execute(db);
  const rows = Number(result.rows[0]?.rows ?? 0);
  const folded = rowsAfterLastFold.get(db);
  if (folded !== undefined && rows - folded < COMPACT_AFTER_APPENDED_ROWS) return false;
  await compactPersonCounts(db);
  return true;
}

/** Rows of person_counts after this process last folded them, per database handle. */
const rowsAfterLastFold = new WeakMap<Executor, number>();

/** Folds the count rows into one per combination of lead status, category and owner. */
export async function compactPersonCounts(db: Executor): Promise<void> {
  await sql`select compact_person_counts()`.execute(db);
  const result = await sql<{ rows: number }>`select cast(count(*) as integer) as rows from person_counts`.execute(db);
  rowsAfterLastFold.set(db, Number(result.rows[0]?.rows ?? 0));
}
