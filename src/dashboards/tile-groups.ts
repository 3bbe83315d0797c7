import { type RawBuilder, type SqlBool, sql } from 'kysely';

import { countCompanyGroups } from '../companies/company-list.js';
import type { CriteriaSets, Criterion } from '../criteria/criteria.js';
import { findField } from '../criteria/fields.js';
import { type GroupCounts, resolveGroupFields } from '../criteria/group-counts.js';
import { buildFilter } from '../criteria/list-query.js';
import { PERSON_FIELDS } from '../criteria/person-fields.js';
import type { Executor } from '../db/database.js';
import { averageDaysFromTable, canCountFromTable, canCountLeadSourcesFromTable, leadSourceCountsFromTable } from '../persons/person-counts.js';
import { countMatchingPersons, countPersonGroups } from '../persons/person-list.js';
import { selectPersonRows } from '../persons/person.repository.js';
import { type Tile, TEXT_GROUP_FIELDS, catalogueOf } from './tile.js';
import { type TileContext, daysAggregate, measureNumber, withLines } from './tile-criteria.js';

export interface TileGroup {
  key: {
    value: string | number | boolean | null;
    label: string | null;
    deleted?: boolean;
    /** The group of all text values beyond the largest groups. */
    other?: boolean;
  };
  value: number | null;
  /** Null only for the "other" group of a text field, which the criteria cannot express. */
  criteria: CriteriaSets | null;
}

/** Text groups shown one by one; the rest add up to one "other" group. */
export const MAX_TEXT_GROUPS = 20;

/**
 * Computes a grouped tile: the measure per value of the "by" field, in the order of its list with
 * the "no value" group last. Text fields group by their folded value, largest groups first.
 */
export async function computeGroups(db: Executor, context: TileContext, tile: Tile, criteria: CriteriaSets): Promise<TileGroup[]> {
  const by = tile.by;
  if (by === null) return [];
  if (TEXT_GROUP_FIELDS[tile.entity].includes(by)) return computeTextGroups(db, context, tile, by, criteria);

  const query = { filter: criteria, by: [by], timeZone: context.timeZone, now: context.now };
  const counts: GroupCounts =
    tile.entity === 'person' ? await countPersonGroups(db, context.actor, query) : await countCompanyGroups(db, context.actor, query);
  const measures = tile.measure === 'count' ? null : await measurePerGroup(db, context, tile, by, criteria);
  const field = findField(catalogueOf(tile.entity), by);

  return counts.groups.map((group) => {
    const key = group.keys[0]!;
    const value = measures === null ? group.count : (measures.get(JSON.stringify(key.value)) ?? null);
    const line: Criterion =
      key.value === null
        ? { field: by, operator: 'isEmpty', values: [] }
        : { field: by, operator: field?.type === 'boolean' ? 'is' : 'isOneOf', values: [key.value] };
    return { key: { value: key.value, label: key.label, deleted: key.deleted }, value, criteria: withLines(criteria, [line]) };
  });
}

/** Computes a days measure per value of a list or yes/no person field, keyed by the JSON of the value. */
async function measurePerGroup(db: Executor, context: TileContext, tile: Tile, by: string, criteria: CriteriaSets): Promise<Map<string, number | null>> {
  const field = findField(PERSON_FIELDS, by);
  if (tile.measure === 'count' || field === undefined || (field.type !== 'list' && field.type !== 'boolean')) return new Map();

  const options = { filter: criteria, timeZone: context.timeZone, now: context.now };
  const filter = buildFilter(PERSON_FIELDS, context.actor, options);
  const [groupField] = resolveGroupFields(PERSON_FIELDS, [by]);
  if (tile.measure === 'avgDaysInStatus' && groupField !== undefined && canCountFromTable(options, [groupField])) {
    const averages = await averageDaysFromTable(db, filter, groupField, context.now);
    return new Map(averages.map((row) => [JSON.stringify(row.key ?? null), measureNumber(row.value)]));
  }
  const rows = await selectPersonRows(db)
    .clearSelect()
    .select([sql<unknown>`${field.column}`.as('key'), daysAggregate(tile.measure, context.now).as('value')])
    .where(filter)
    .groupBy(field.column)
    .execute();
  return new Map(rows.map((row) => [JSON.stringify(row.key ?? null), measureNumber(row.value)]));
}

/**
 * Groups persons on a text field by its folded value, the form the "equals" criterion compares, so
 * that each group's criteria select exactly its persons. Empty text counts as no value.
 */
async function computeTextGroups(db: Executor, context: TileContext, tile: Tile, by: string, criteria: CriteriaSets): Promise<TileGroup[]> {
  const field = findField(PERSON_FIELDS, by);
  if (field === undefined || field.type !== 'text') return [];

  const options = { filter: criteria, timeZone: context.timeZone, now: context.now };
  const filter = buildFilter(PERSON_FIELDS, context.actor, options);
  const rows = by === 'leadSource' && tile.measure === 'count' && canCountLeadSourcesFromTable(options)
    ? await leadSourceRowsFromTable(db, context, criteria, filter)
    : await textGroupRows(db, tile, field.column, filter, context.now);
  const byCount = (a: TextGroupRow, b: TextGroupRow) => b.row_count - a.row_count || (a.key ?? '').localeCompare(b.key ?? '');
  const named = rows.filter((row) => row.key !== null).sort(byCount);
  const empty = rows.find((row) => row.key === null);
  const groups: TileGroup[] = named.slice(0, MAX_TEXT_GROUPS).map((row) => ({
    key: { value: row.label, label: row.label },
    value: measureNumber(row.value),
    criteria: withLines(criteria, [{ field: by, operator: 'equals', values: [row.label] }]),
  }));

  const rest = named.slice(MAX_TEXT_GROUPS);
  if (rest.length > 0) {
    // NOTE: text criteria have no "is none of", so the other group has no drill-down criteria.
    groups.push({ key: { value: null, label: null, other: true }, value: combineMeasures(tile, rest), criteria: null });
  }
  if (empty !== undefined) {
    groups.push({
      key: { value: null, label: null },
      value: measureNumber(empty.value),
      criteria: withLines(criteria, [{ field: by, operator: 'isEmpty', values: [] }]),
    });
  }
  return groups;
}

/** A group of persons by the folded value of a text field, with one spelling of it and the tile's measure. */
interface TextGroupRow {
  key: string | null;
  label: string | null;
  row_count: number;
  value: unknown;
}

/** Groups the persons of the filter on a text column by its folded value, empty text as no value. */
function textGroupRows(db: Executor, tile: Tile, column: RawBuilder<unknown>, filter: RawBuilder<SqlBool>, now: Date): Promise<TextGroupRow[]> {
  const value = tile.measure === 'count' ? sql<number>`count(*)` : daysAggregate(tile.measure, now);
  return selectPersonRows(db)
    .clearSelect()
    .select([
      sql<string | null>`trechter_fold(nullif(${column}, '')) collate "C"`.as('key'),
      sql<string | null>`min(${column})`.as('label'),
      sql<number>`cast(count(*) as integer)`.as('row_count'),
      value.as('value'),
    ])
    .where(filter)
    .groupBy(sql`1`)
    .execute();
}

/** Counts the persons of the criteria per lead source from the lead source counts; those without one are the rest of the total. */
async function leadSourceRowsFromTable(db: Executor, context: TileContext, criteria: CriteriaSets, filter: RawBuilder<SqlBool>): Promise<TextGroupRow[]> {
  const [sources, total] = await Promise.all([
    leadSourceCountsFromTable(db, filter),
    countMatchingPersons(db, context.actor, { filter: criteria, timeZone: context.timeZone, now: context.now }),
  ]);
  const rows: TextGroupRow[] = sources.map((source) => ({ key: source.key, label: source.label, row_count: source.persons, value: source.persons }));
  const withoutSource = total - sources.reduce((sum, source) => sum + source.persons, 0);
  if (withoutSource > 0) rows.push({ key: null, label: null, row_count: withoutSource, value: withoutSource });
  return rows;
}

/** Combines the measure of several groups into one: counts add up, averages weigh by persons. */
function combineMeasures(tile: Tile, rows: Array<{ row_count: number; value: unknown }>): number | null {
  const numbers = rows.filter((row) => row.value !== null).map((row) => ({ count: Number(row.row_count), value: Number(row.value) }));
  if (numbers.length === 0) return null;
  switch (tile.measure) {
    case 'count':
      return numbers.reduce((sum, row) => sum + row.value, 0);
    case 'minDaysInStatus':
      return Math.min(...numbers.map((row) => row.value));
    case 'maxDaysInStatus':
      return Math.max(...numbers.map((row) => row.value));
    case 'avgDaysInStatus': {
      const persons = numbers.reduce((sum, row) => sum + row.count, 0);
      return measureNumber(numbers.reduce((sum, row) => sum + row.value * row.count, 0) / persons);
    }
  }
}
