import { type RawBuilder, sql } from 'kysely';

import type { Actor } from '../auth/actor.js';
import { countMatchingCompanies } from '../companies/company-list.js';
import { CURRENT_USER, type CriteriaSets, type Criterion } from '../criteria/criteria.js';
import { timestamp } from '../criteria/criteria-sql.js';
import { buildFilter } from '../criteria/list-query.js';
import { formatCalendarDate, relativePeriodDates } from '../criteria/periods.js';
import { PERSON_FIELDS } from '../criteria/person-fields.js';
import type { Executor } from '../db/database.js';
import { averageDaysFromTable, canCountFromTable } from '../persons/person-counts.js';
import { countMatchingPersons } from '../persons/person-list.js';
import { selectPersonRows } from '../persons/person.repository.js';
import type { Measure, Period, Tile, TileEntity } from './tile.js';

/**
 * The criteria behind tile numbers. Every number of a tile is computed from criteria sets that the
 * person and company lists accept too, and the tile data returns them, so that opening a number
 * lists exactly the records it counted.
 */

/** The signed-in user, the organisation time zone and the clock that relative periods use. */
export interface TileContext {
  actor: Actor;
  timeZone: string;
  now: Date;
}

/** The dashboard-wide owner filter: a user id, "currentUser", or null for records without an owner. */
export type OwnerFilter = number | typeof CURRENT_USER | null;

/** Adds criterion lines to every set, so that rows must match them as well as the criteria. */
export function withLines(criteria: CriteriaSets, lines: Criterion[]): CriteriaSets {
  if (lines.length === 0) return criteria;
  if (criteria.length === 0) return [lines];
  return criteria.map((set) => [...set, ...lines]);
}

/** Builds the tile's criteria with the dashboard's owner filter and, for days measures, only persons with a status date. */
export function tileBaseCriteria(tile: Tile, ownerId: OwnerFilter | undefined): CriteriaSets {
  const lines: Criterion[] = [];
  if (ownerId !== undefined) lines.push({ field: 'owner', operator: 'isOneOf', values: [ownerId] });
  // Days measures cover the persons with a date of their last status change; the drill-down
  // shows the same persons.
  if (tile.measure !== 'count') lines.push({ field: 'daysInStatus', operator: 'isNotEmpty', values: [] });
  return withLines(tile.criteria, lines);
}

/** Returns the values of the period's date operator: the number of days for lastNDays, none otherwise. */
export function periodValues(period: Period): number[] {
  if (period.range === 'lastNDays') return [period.days ?? 1];
  return [];
}

/** Builds the criterion line that restricts the period field to the period. */
export function periodLine(period: Period): Criterion {
  return { field: period.field, operator: period.range, values: periodValues(period) };
}

/** Builds the criterion line of the period before the given one, of equal length, as dates. */
export function previousPeriodLine(period: Period, context: TileContext): Criterion {
  const { first, last } = relativePeriodDates(period.range, { timeZone: context.timeZone, now: context.now, days: period.days ?? 1, shift: -1 });
  return { field: period.field, operator: 'between', values: [formatCalendarDate(first), formatCalendarDate(last)] };
}

/** Counts the records of the entity that match the criteria. */
export function countRecords(db: Executor, context: TileContext, entity: TileEntity, criteria: CriteriaSets): Promise<number> {
  const options = { filter: criteria, timeZone: context.timeZone, now: context.now };
  return entity === 'person' ? countMatchingPersons(db, context.actor, options) : countMatchingCompanies(db, context.actor, options);
}

/** Returns the column of the time of each person's last status change, which days in status count from. */
function statusChangedAtColumn(): RawBuilder<unknown> {
  const field = PERSON_FIELDS.fields.daysInStatus;
  if (field?.type !== 'number') throw new Error('the person field daysInStatus must be a number field');
  return field.measure.column;
}

/** Returns the whole days each person has been in the current status, never below 0, as the daysInStatus column shows them. */
export function daysInStatusExpression(now: Date): RawBuilder<number> {
  return sql<number>`greatest(0, floor(extract(epoch from (${timestamp(now)} - ${statusChangedAtColumn()})) / 86400))`;
}

/**
 * Returns the SQL aggregate of a days measure over the persons of the query. Minimum and maximum
 * are whole days, as the column shows them. The average is of the exact time since each change,
 * so it does not depend on the hour of the day it is asked.
 */
export function daysAggregate(measure: Exclude<Measure, 'count'>, now: Date): RawBuilder<number | null> {
  const days = daysInStatusExpression(now);
  if (measure === 'minDaysInStatus') return sql`min(${days})`;
  if (measure === 'maxDaysInStatus') return sql`max(${days})`;
  return sql`((${now.getTime() / 1000}::numeric - avg(extract(epoch from ${statusChangedAtColumn()}))) / 86400)`;
}

/** Rounds a measure from the database: averages to one decimal, others to whole days. */
export function measureNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return Math.round(Number(value) * 10) / 10;
}

/** Computes the tile's measure over the records that match the criteria; null when a days measure has no persons. */
export async function measureRecords(db: Executor, context: TileContext, tile: Tile, criteria: CriteriaSets): Promise<number | null> {
  if (tile.measure === 'count') return countRecords(db, context, tile.entity, criteria);

  const options = { filter: criteria, timeZone: context.timeZone, now: context.now };
  const filter = buildFilter(PERSON_FIELDS, context.actor, options);
  if (tile.measure === 'avgDaysInStatus' && canCountFromTable(options)) {
    const [row] = await averageDaysFromTable(db, filter, null, context.now);
    return measureNumber(row?.value ?? null);
  }
  const row = await selectPersonRows(db)
    .clearSelect()
    .select(daysAggregate(tile.measure, context.now).as('value'))
    .where(filter)
    .executeTakeFirstOrThrow();
  return measureNumber(row.value);
}
