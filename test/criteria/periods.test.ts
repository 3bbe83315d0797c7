import { describe, expect, it } from 'vitest';

import {
  calendarDateAt,
  isValidTimeZone,
  parseCalendarDate,
  relativePeriodRange,
  startOfDay,
  wholeDaysBetween,
} from '../../src/criteria/periods.js';

const AMSTERDAM = 'Europe/Amsterdam';

function range(period: Parameters<typeof relativePeriodRange>[0], now: string, extra: { days?: number; shift?: number } = {}) {
  const { start, end } = relativePeriodRange(period, { timeZone: AMSTERDAM, now: new Date(now), ...extra });
  return { start: start.toISOString(), end: end.toISOString() };
}

describe('start of a day in Europe/Amsterdam', () => {
  it('is 23:00 UTC in winter and 22:00 UTC in summer', () => {
    expect(startOfDay({ year: 2026, month: 1, day: 15 }, AMSTERDAM).toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDay({ year: 2026, month: 7, day: 15 }, AMSTERDAM).toISOString()).toBe('2026-07-14T22:00:00.000Z');
  });

  it('makes the spring transition day 23 hours long', () => {
    const start = startOfDay({ year: 2026, month: 3, day: 29 }, AMSTERDAM);
    const end = startOfDay({ year: 2026, month: 3, day: 30 }, AMSTERDAM);

    expect(start.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(end.getTime() - start.getTime()).toBe(23 * 3_600_000);
  });

  it('makes the autumn transition day 25 hours long', () => {
    const start = startOfDay({ year: 2026, month: 10, day: 25 }, AMSTERDAM);
    const end = startOfDay({ year: 2026, month: 10, day: 26 }, AMSTERDAM);

    expect(start.toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(end.getTime() - start.getTime()).toBe(25 * 3_600_000);
  });
});

describe('start of a day where midnight is skipped or repeated', () => {
  it('starts at the jump when clocks skip midnight', () => {
    // Chile moved its clocks from 00:00 to 01:00 on 8 September 2024.
    expect(startOfDay({ year: 2024, month: 9, day: 8 }, 'America/Santiago').toISOString()).toBe('2024-09-08T04:00:00.000Z');
  });

  it('starts at the only midnight when clocks go back at midnight', () => {
    // Chile moved its clocks from 24:00 back to 23:00 on 6 April 2024.
    expect(startOfDay({ year: 2024, month: 4, day: 7 }, 'America/Santiago').toISOString()).toBe('2024-04-07T04:00:00.000Z');
  });

  it('gives a skipped date no length', () => {
    // Samoa skipped 30 December 2011 when it moved across the date line.
    const skipped = startOfDay({ year: 2011, month: 12, day: 30 }, 'Pacific/Apia');
    const next = startOfDay({ year: 2011, month: 12, day: 31 }, 'Pacific/Apia');

    expect(skipped.getTime()).toBe(next.getTime());
  });
});

describe('relative periods', () => {
  it('starts the week on Monday', () => {
    // Wednesday 15 April 2026, noon in Amsterdam.
    expect(range('thisWeek', '2026-04-15T10:00:00Z')).toEqual({
      start: '2026-04-12T22:00:00.000Z',
      end: '2026-04-19T22:00:00.000Z',
    });
  });

  it('keeps Sunday evening in the week that began on Monday', () => {
    // Sunday 19 April 2026 at 23:30 in Amsterdam is 21:30 UTC.
    expect(range('thisWeek', '2026-04-19T21:30:00Z').start).toBe('2026-04-12T22:00:00.000Z');
  });

  it('starts a new week at Monday midnight local time', () => {
    // Monday 20 April 2026 at 00:30 in Amsterdam is still Sunday in UTC.
    expect(range('thisWeek', '2026-04-19T22:30:00Z').start).toBe('2026-04-19T22:00:00.000Z');
  });

  it('spans the spring transition in a week of 167 hours', () => {
    const week = range('thisWeek', '2026-03-29T12:00:00Z');

    expect(week).toEqual({ start: '2026-03-22T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' });
    expect(Date.parse(week.end) - Date.parse(week.start)).toBe(167 * 3_600_000);
  });

  it('uses the local date for today near midnight UTC', () => {
    // 1 July 2026 at 00:30 in Amsterdam.
    expect(range('today', '2026-06-30T22:30:00Z')).toEqual({
      start: '2026-06-30T22:00:00.000Z',
      end: '2026-07-01T22:00:00.000Z',
    });
  });

  it('covers the local month', () => {
    expect(range('thisMonth', '2026-06-30T22:30:00Z')).toEqual({
      start: '2026-06-30T22:00:00.000Z',
      end: '2026-07-31T22:00:00.000Z',
    });
  });

  it('covers the quarter across a time change', () => {
    expect(range('thisQuarter', '2026-02-10T12:00:00Z')).toEqual({
      start: '2025-12-31T23:00:00.000Z',
      end: '2026-03-31T22:00:00.000Z',
    });
    expect(range('thisQuarter', '2026-11-10T12:00:00Z')).toEqual({
      start: '2026-09-30T22:00:00.000Z',
      end: '2026-12-31T23:00:00.000Z',
    });
  });

  it('covers the local year', () => {
    expect(range('thisYear', '2026-12-31T23:30:00Z')).toEqual({
      start: '2026-12-31T23:00:00.000Z',
      end: '2027-12-31T23:00:00.000Z',
    });
  });

  it('runs year to date through the end of today', () => {
    expect(range('yearToDate', '2026-05-15T10:00:00Z')).toEqual({
      start: '2025-12-31T23:00:00.000Z',
      end: '2026-05-15T22:00:00.000Z',
    });
  });

  it('counts today as one of the last N days', () => {
    expect(range('lastNDays', '2026-03-31T10:00:00Z', { days: 7 })).toEqual({
      start: '2026-03-24T23:00:00.000Z',
      end: '2026-03-31T22:00:00.000Z',
    });
    expect(range('lastNDays', '2026-03-31T10:00:00Z', { days: 1 })).toEqual(range('today', '2026-03-31T10:00:00Z'));
  });

  it('shifts to the previous period for comparisons', () => {
    expect(range('thisMonth', '2026-01-10T12:00:00Z', { shift: -1 })).toEqual({
      start: '2025-11-30T23:00:00.000Z',
      end: '2025-12-31T23:00:00.000Z',
    });
    expect(range('thisWeek', '2026-04-15T10:00:00Z', { shift: -1 }).start).toBe('2026-04-05T22:00:00.000Z');
    expect(range('lastNDays', '2026-03-31T10:00:00Z', { days: 7, shift: -1 })).toEqual({
      start: '2026-03-17T23:00:00.000Z',
      end: '2026-03-24T23:00:00.000Z',
    });
  });

  it('ends last year to date on 28 February when today is 29 February', () => {
    expect(range('yearToDate', '2028-02-29T12:00:00Z', { shift: -1 }).end).toBe('2027-02-28T23:00:00.000Z');
  });
});

describe('calendar helpers', () => {
  it('reads the calendar date in the time zone', () => {
    expect(calendarDateAt(new Date('2026-12-31T23:30:00Z'), AMSTERDAM)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(calendarDateAt(new Date('2026-12-31T23:30:00Z'), 'UTC')).toEqual({ year: 2026, month: 12, day: 31 });
  });

  it('parses only real dates written as YYYY-MM-DD', () => {
    expect(parseCalendarDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseCalendarDate('2026-02-29')).toBeNull();
    expect(parseCalendarDate('2026-13-01')).toBeNull();
    expect(parseCalendarDate('2026-1-01')).toBeNull();
    expect(parseCalendarDate('0999-01-01')).toBeNull();
    expect(parseCalendarDate('2026-01-01T00:00:00Z')).toBeNull();
  });

  it('tells known time zones from unknown ones', () => {
    expect(isValidTimeZone('Europe/Amsterdam')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
    expect(isValidTimeZone("'; drop table persons; --")).toBe(false);
  });

  it('counts whole days rounded down', () => {
    const now = new Date('2026-04-15T10:00:00Z');

    expect(wholeDaysBetween(new Date('2026-04-15T09:00:00Z'), now)).toBe(0);
    expect(wholeDaysBetween(new Date('2026-04-14T10:00:00Z'), now)).toBe(1);
    expect(wholeDaysBetween(new Date('2026-04-14T10:00:00.001Z'), now)).toBe(0);
    expect(wholeDaysBetween(new Date('2026-04-05T11:00:00Z'), now)).toBe(9);
  });
});
