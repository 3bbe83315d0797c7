import { type RawBuilder, type SqlBool, sql } from 'kysely';

import type { GroupField } from '../criteria/group-counts.js';
import type { Criterion } from '../criteria/criteria.js';
import type { FilterOptions } from '../criteria/list-query.js';
import { PERSON_FIELDS } from '../criteria/person-fields.js';
import { validateCriteria } from '../criteria/validate-criteria.js';
import type { Executor } from '../db/database.js';

/**
 * Person counts read from the `person_counts` table instead of the persons, for filters and
 * groups on the fields that table keeps: lead status, category (and so category group and
 * whether lead status is enabled), owner, and whether there is a date of the last status change.
 * Its rows stand in for persons under the aliases of the person base query (p, c, cat), so the
 * list filter's SQL applies to them unchanged. `lead_source_counts` does the same per lead source.
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
  return criterionLines(options).every((line) => COUNTED_FIELDS.has(line.field) || isStatusDateLine(line));
}

/** Returns every criterion line of the filter options, of all sets. */
function criterionLines(options: FilterOptions): Criterion[] {
  return [...validateCriteria(options.filter ?? [], PERSON_FIELDS).criteria, ...validateCriteria(options.alsoMatch ?? [], PERSON_FIELDS).criteria].flat();
}

/** Tells whether a line only tests whether a person has a date of the last status change, which the counts keep. */
function isStatusDateLine(line: Criterion): boolean {
  return line.field === 'daysInStatus' && (line.operator === 'isEmpty' || line.operator === 'isNotEmpty');
}

/**
 * The count rows as persons: p with the person's columns, c with the company's category, cat the
 * category. Each row of person_counts stands for two groups of persons: those with a date of the
 * last status change, under a placeholder date that only "has a date" may test, and those without.
 */
const COUNT_ROWS = sql`
  (select pc.lead_status_id, pc.owner_id, pc.category_id, dated.persons, dated.status_seconds, dated.lead_status_changed_at,
          null::timestamptz as deleted_at
   from person_counts as pc
   cross join lateral (
     values (pc.dated_persons, pc.status_seconds, timestamptz '1970-01-01 00:00:00+00'),
            (pc.persons - pc.dated_persons, 0::numeric, null::timestamptz)
   ) as dated (persons, status_seconds, lead_status_changed_at)) as p
  cross join lateral (select p.category_id) as c
  left join categories as cat on cat.id = c.category_id`;

/** The rows of lead_source_counts as persons, under the same aliases as COUNT_ROWS. */
const LEAD_SOURCE_ROWS = sql`
  (select lead_source_key, lead_source, lead_status_id, owner_id, category_id, persons, null::timestamptz as deleted_at
   from lead_source_counts) as p
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
 * Returns the average time in the current status, in days, of the persons matching `filter`, per
 * value of `field` (null without one). Every filter must ask for persons with a status date. The
 * average is of the exact time since each change: the sum of the change dates gives it directly.
 */
export async function averageDaysFromTable(
  db: Executor,
  filter: RawBuilder<SqlBool>,
  field: GroupField | null,
  now: Date,
): Promise<Array<{ key: unknown; value: number | null }>> {
  const key = field === null ? sql`null` : field.definition.column;
  const nowSeconds = now.getTime() / 1000;
  const result = await sql<{ key: unknown; value: string | number | null }>`
    select ${key} as key,
           (${nowSeconds}::numeric - sum(p.status_seconds) / nullif(sum(p.persons), 0)) / 86400 as value
    from ${COUNT_ROWS}
    where ${filter}
    group by 1
    having sum(p.persons) <> 0`.execute(db);
  return result.rows.map((row) => ({ key: row.key, value: row.value === null ? null : Number(row.value) }));
}

/** Persons per folded lead source: a spelling to show and the number of persons. */
export interface LeadSourceCount {
  key: string;
  label: string;
  persons: number;
}

/**
 * Counts the persons matching `filter` per folded lead source, leaving out those without one.
 * The filter may use only the fields that canCountFromTable accepts, without status date lines.
 */
export async function leadSourceCountsFromTable(db: Executor, filter: RawBuilder<SqlBool>): Promise<LeadSourceCount[]> {
  const result = await sql<LeadSourceCount>`
    select p.lead_source_key as key, min(p.lead_source) as label, cast(sum(p.persons) as integer) as persons
    from ${LEAD_SOURCE_ROWS}
    where ${filter}
    group by 1
    having sum(p.persons) <> 0`.execute(db);
  return result.rows.map((row) => ({ key: row.key, label: row.label, persons: Number(row.persons) }));
}

/** Tells whether the lead source counts can serve a count with this filter: fields the counts keep, no status date lines. */
export function canCountLeadSourcesFromTable(options: FilterOptions): boolean {
  return canCountFromTable(options) && !criterionLines(options).some(isStatusDateLine);
}

/**
 * Folds the count rows into one per combination once many have been appended since the last fold,
 * so that reading the counts stays a matter of a few thousand rows. Returns whether it folded.
 */
export async function compactPersonCountsIfNeeded(db: Executor): Promise<boolean> {
  const rows = await countRowsOfCountTables(db);
  const folded = rowsAfterLastFold.get(db);
  if (folded !== undefined && rows - folded < COMPACT_AFTER_APPENDED_ROWS) return false;
  await compactPersonCounts(db);
  return true;
}

/** Rows of person_counts after this process last folded them, per database handle. */
const rowsAfterLastFold = new WeakMap<Executor, number>();

/** Folds the rows of both count tables into one per combination. */
export async function compactPersonCounts(db: Executor): Promise<void> {
  await sql`select compact_person_counts()`.execute(db);
  rowsAfterLastFold.set(db, await countRowsOfCountTables(db));
}

async function countRowsOfCountTables(db: Executor): Promise<number> {
  const result = await sql<{ rows: number }>`
    select cast((select count(*) from person_counts) + (select count(*) from lead_source_counts) as integer) as rows`.execute(db);
  return Number(result.rows[0]?.rows ?? 0);
}
