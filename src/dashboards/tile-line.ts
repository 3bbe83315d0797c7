import { sql } from 'kysely';

import { selectCompanyRows } from '../companies/company.repository.js';
import type { CriteriaSets } from '../criteria/criteria.js';
import { timestamp } from '../criteria/criteria-sql.js';
import { findField } from '../criteria/fields.js';
import { buildFilter } from '../criteria/list-query.js';
import {
  type CalendarDate,
  addDays,
  addMonths,
  calendarDateAt,
  compareCalendarDates,
  formatCalendarDate,
  relativePeriodDates,
  startOfDay,
  weekdayFromMonday,
} from '../criteria/periods.js';
import type { Executor } from '../db/database.js';
import { selectPersonRows } from '../persons/person.repository.js';
import { type Period, type Tile, catalogueOf } from './tile.js';
import { type TileContext, daysAggregate, measureNumber, periodLine, withLines } from './tile-criteria.js';

export interface LineBucket {
  /** First day of the bucket that lies in the period, YYYY-MM-DD. */
  start: string;
  /** Null for a bucket that starts after today. */
  value: number | null;
  criteria: CriteriaSets;
}

/** Periods up to this many days get a bucket per day, and up to a quarter a bucket per week. */
const DAY_BUCKETS_UP_TO = 31;
const WEEK_BUCKETS_UP_TO = 92;

interface Bucket {
  first: CalendarDate;
  last: CalendarDate;
}

/**
 * Splits a period into days, weeks starting on Monday, or months, as calendar dates in the
 * organisation's time zone. The first and last buckets are cut off at the period's ends.
 */
export function lineBuckets(period: Period, context: TileContext): Bucket[] {
  const { first, last } = relativePeriodDates(period.range, { timeZone: context.timeZone, now: context.now, days: period.days ?? 1 });
  const length = Math.round(compareCalendarDates(last, first) / 86_400_000) + 1;
  const nextStart = (date: CalendarDate): CalendarDate => {
    if (length <= DAY_BUCKETS_UP_TO) return addDays(date, 1);
    if (length <= WEEK_BUCKETS_UP_TO) return addDays(date, 7 - weekdayFromMonday(date));
    return addMonths(date, 1);
  };

  const buckets: Bucket[] = [];
  for (let start = first; compareCalendarDates(start, last) <= 0; start = nextStart(start)) {
    const next = nextStart(start);
    const end = compareCalendarDates(next, last) > 0 ? last : addDays(next, -1);
    buckets.push({ first: start, last: end });
  }
  return buckets;
}

/**
 * Computes a line tile: the measure per bucket of the period, on the period field. One query
 * assigns each matching record to its bucket by comparing with the buckets' first instants.
 */
export async function computeLine(db: Executor, context: TileContext, tile: Tile, criteria: CriteriaSets, period: Period): Promise<LineBucket[]> {
  const buckets = lineBuckets(period, context);
  const catalogue = catalogueOf(tile.entity);
  const field = findField(catalogue, period.field);
  if (field === undefined || field.type !== 'date' || buckets.length === 0) return [];

  const filter = buildFilter(catalogue, context.actor, { filter: withLines(criteria, [periodLine(period)]), timeZone: context.timeZone, now: context.now });
  const starts = buckets.map((bucket) => timestamp(startOfDay(bucket.first, context.timeZone)));
  const bucketIndex = sql<number>`width_bucket(${field.column}, array[${sql.join(starts)}])`;
  const value = tile.measure === 'count' ? sql<number>`count(*)` : daysAggregate(tile.measure, context.now);
  const rows = tile.entity === 'person' ? selectPersonRows(db) : (selectCompanyRows(db) as unknown as ReturnType<typeof selectPersonRows>);
  const result = await rows.clearSelect().select([bucketIndex.as('bucket'), value.as('value')]).where(filter).groupBy(sql`1`).execute();
  const values = new Map(result.map((row) => [Number(row.bucket) - 1, measureNumber(row.value)]));
  // Buckets that start after today have no value yet, rather than a count of 0 that would read as
  // a drop.
  const today = calendarDateAt(context.now, context.timeZone);

  return buckets.map((bucket, index) => ({
    start: formatCalendarDate(bucket.first),
    value: compareCalendarDates(bucket.first, today) > 0 ? null : (values.get(index) ?? (tile.measure === 'count' ? 0 : null)),
    criteria: withLines(criteria, [
      { field: period.field, operator: 'between', values: [formatCalendarDate(bucket.first), formatCalendarDate(bucket.last)] },
    ]),
  }));
}
