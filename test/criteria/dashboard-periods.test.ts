import { describe, expect, it } from 'vitest';

import { systemActor } from '../../src/auth/actor.js';
import { lineBuckets } from '../../src/dashboards/tile-line.js';
import { previousPeriodLine } from '../../src/dashboards/tile-criteria.js';
import { PERSON_FIELDS } from '../../src/criteria/person-fields.js';
import { validateCriteria } from '../../src/criteria/validate-criteria.js';
import { AppError } from '../../src/errors/app-error.js';
import { formatCalendarDate } from '../../src/criteria/periods.js';

const AMSTERDAM = 'Europe/Amsterdam';
/** Monday 30 March 2026, 00:05 in Amsterdam, the day after clocks went forward. */
const MONDAY_AFTER_DST = new Date('2026-03-29T22:05:00Z');
const context = { actor: systemActor('edit'), timeZone: AMSTERDAM, now: MONDAY_AFTER_DST };

function errorFields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return (error.fields ?? []).map((field) => field.field);
    throw error;
  }
  return [];
}

describe('dashboard periods', () => {
  it('starts this week on the local Monday just begun', () => {
    const buckets = lineBuckets({ field: 'registeredAt', range: 'thisWeek' }, context);
    expect(buckets.map((bucket) => formatCalendarDate(bucket.first))).toEqual([
      '2026-03-30',
      '2026-03-31',
      '2026-04-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-04',
      '2026-04-05',
    ]);
  });

  it('compares this week with the week from Monday 23 March', () => {
    expect(previousPeriodLine({ field: 'registeredAt', range: 'thisWeek' }, context)).toEqual({
      field: 'registeredAt',
      operator: 'between',
      values: ['2026-03-23', '2026-03-29'],
    });
  });

  it('compares last 10 days with the 10 days before', () => {
    expect(previousPeriodLine({ field: 'registeredAt', range: 'lastNDays', days: 10 }, context).values).toEqual(['2026-03-11', '2026-03-20']);
  });

  it('cuts weekly buckets off at the quarter ends', () => {
    const buckets = lineBuckets({ field: 'registeredAt', range: 'thisQuarter' }, context);
    expect(formatCalendarDate(buckets[0]!.first)).toBe('2026-01-01');
    expect(formatCalendarDate(buckets[0]!.last)).toBe('2026-01-04');
    expect(formatCalendarDate(buckets.at(-1)!.first)).toBe('2026-03-30');
    expect(formatCalendarDate(buckets.at(-1)!.last)).toBe('2026-03-31');
  });

  it('uses months for a year and weeks for 89 days of year to date', () => {
    expect(lineBuckets({ field: 'registeredAt', range: 'thisYear' }, context)).toHaveLength(12);
    const toDate = lineBuckets({ field: 'registeredAt', range: 'yearToDate' }, context);
    expect(toDate).toHaveLength(14);
    expect(formatCalendarDate(toDate.at(-1)!.first)).toBe('2026-03-30');
    expect(formatCalendarDate(toDate.at(-1)!.last)).toBe('2026-03-30');
  });

  it('uses months beyond a quarter', () => {
    const buckets = lineBuckets({ field: 'registeredAt', range: 'lastNDays', days: 100 }, context);
    expect(buckets.map((bucket) => formatCalendarDate(bucket.first))).toEqual(['2025-12-21', '2026-01-01', '2026-02-01', '2026-03-01']);
  });
});

describe('event criteria', () => {
  it('accepts a reached lead status with a period', () => {
    const criteria = [[{ field: 'reachedLeadStatus', operator: 'between', values: [2, '2026-01-01', '2026-03-31'] }]];
    expect(validateCriteria(criteria, PERSON_FIELDS).conditions[0]![0]).toMatchObject({ type: 'event', subject: 2 });
    expect(validateCriteria([[{ field: 'companySaleSold', operator: 'thisQuarter', values: [] }]], PERSON_FIELDS).conditions).toHaveLength(1);
  });

  it('names the invalid value of an event criterion', () => {
    expect(errorFields(() => validateCriteria([[{ field: 'reachedLeadStatus', operator: 'thisWeek', values: ['Open'] }]], PERSON_FIELDS))).toEqual([
      '/filter/0/0/values/0',
    ]);
    expect(errorFields(() => validateCriteria([[{ field: 'reachedLeadStatus', operator: 'onDate', values: [2, '31-03-2026'] }]], PERSON_FIELDS))).toEqual([
      '/filter/0/0/values/1',
    ]);
    expect(errorFields(() => validateCriteria([[{ field: 'reachedLeadStatus', operator: 'lastNDays', values: [2] }]], PERSON_FIELDS))).toEqual([
      '/filter/0/0/values',
    ]);
    expect(errorFields(() => validateCriteria([[{ field: 'companySaleSold', operator: 'contains', values: [] }]], PERSON_FIELDS))).toEqual([
      '/filter/0/0/operator',
    ]);
  });
});
