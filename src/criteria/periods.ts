import type { RelativePeriod } from './criteria.js';

/**
 * Calendar arithmetic in a time zone: the UTC instants where local days, weeks, months, quarters
 * and years begin. The database compares timestamps with these instants, so periods come out the
 * same on every engine and every server time zone setting.
 */

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

const DAY_MS = 86_400_000;

/** A day on the calendar, without a time zone. Month and day start at 1. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The instants from `start` (inclusive) to `end` (exclusive). */
export interface InstantRange {
  start: Date;
  end: Date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Returns whether Intl recognises the IANA time zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(instantMs: number, timeZone: string): WallClock {
  const values: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 0,
    month: values.month ?? 0,
    day: values.day ?? 0,
    hour: values.hour ?? 0,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

/** Milliseconds that the time zone is ahead of UTC at the instant. */
function utcOffsetAt(instantMs: number, timeZone: string): number {
  const wall = wallClockAt(instantMs, timeZone);
  const wallAsUtc = utcMidnight(wall) + ((wall.hour * 60 + wall.minute) * 60 + wall.second) * 1000;
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/** Milliseconds since the epoch at 00:00 UTC of the date; also correct for years below 100. */
function utcMidnight(date: CalendarDate): number {
  const instant = new Date(0);
  instant.setUTCFullYear(date.year, date.month - 1, date.day);
  return instant.getTime();
}

function sameDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** Returns the calendar date in the time zone at the instant. */
export function calendarDateAt(instant: Date, timeZone: string): CalendarDate {
  const { year, month, day } = wallClockAt(instant.getTime(), timeZone);
  return { year, month, day };
}

/**
 * Returns the first instant of the date in the time zone. That is local midnight, or the moment
 * the clocks jump forward where a daylight saving change skips midnight.
 */
export function startOfDay(date: CalendarDate, timeZone: string): Date {
  const midnightAsUtc = utcMidnight(date);

  // The offsets a day before and after cover any change of offset around this midnight.
  const offsets = new Set([
    utcOffsetAt(midnightAsUtc - DAY_MS, timeZone),
    utcOffsetAt(midnightAsUtc, timeZone),
    utcOffsetAt(midnightAsUtc + DAY_MS, timeZone),
  ]);
  const candidates = [...offsets].map((offset) => midnightAsUtc - offset).sort((a, b) => a - b);

  const atMidnight = candidates.find((candidate) => {
    const wall = wallClockAt(candidate, timeZone);
    return sameDate(wall, date) && wall.hour === 0 && wall.minute === 0 && wall.second === 0;
  });
  if (atMidnight !== undefined) return new Date(atMidnight);

  // Midnight does not exist on this date. Subtracting the offset from before the change lands
  // exactly on the change, which is the earliest candidate still on the date.
  const onDate = candidates.find((candidate) => sameDate(wallClockAt(candidate, timeZone), date));
  if (onDate !== undefined) return new Date(onDate);

  // The whole date was skipped, as in Samoa on 30 December 2011: it starts where the next one does.
  return startOfDay(addDays(date, 1), timeZone);
}

/** Returns the date `days` days later (earlier when negative). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const instant = new Date(utcMidnight(date) + days * DAY_MS);
  return { year: instant.getUTCFullYear(), month: instant.getUTCMonth() + 1, day: instant.getUTCDate() };
}

/** Returns the first day of the month `months` months later (earlier when negative). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 };
}

function daysInMonth(year: number, month: number): number {
  return addDays(addMonths({ year, month, day: 1 }, 1), -1).day;
}

/** Day of the week with Monday 0 and Sunday 6. */
export function weekdayFromMonday(date: CalendarDate): number {
  return (new Date(utcMidnight(date)).getUTCDay() + 6) % 7;
}

/** Returns the instants from the start of `first` to the end of `last`, both dates included. */
export function calendarRange(first: CalendarDate, last: CalendarDate, timeZone: string): InstantRange {
  return { start: startOfDay(first, timeZone), end: startOfDay(addDays(last, 1), timeZone) };
}

/** Returns the first and last calendar date of a relative period. */
function periodDates(
  period: RelativePeriod,
  today: CalendarDate,
  days: number,
  shift: number,
): { first: CalendarDate; last: CalendarDate } {
  switch (period) {
    case 'today': {
      const day = addDays(today, shift);
      return { first: day, last: day };
    }
    case 'thisWeek': {
      const monday = addDays(today, -weekdayFromMonday(today) + 7 * shift);
      return { first: monday, last: addDays(monday, 6) };
    }
    case 'thisMonth': {
      const first = addMonths(today, shift);
      return { first, last: addDays(addMonths(first, 1), -1) };
    }
    case 'thisQuarter': {
      const quarterStart = addMonths({ ...today, month: today.month - ((today.month - 1) % 3) }, 3 * shift);
      return { first: quarterStart, last: addDays(addMonths(quarterStart, 3), -1) };
    }
    case 'thisYear': {
      const year = today.year + shift;
      return { first: { year, month: 1, day: 1 }, last: { year, month: 12, day: 31 } };
    }
    case 'yearToDate': {
      // The same stretch of an earlier year ends on the same day of the month, or on the last
      // day of February when today is 29 February.
      const year = today.year + shift;
      const day = Math.min(today.day, daysInMonth(year, today.month));
      return { first: { year, month: 1, day: 1 }, last: { year, month: today.month, day } };
    }
    case 'lastNDays': {
      const last = addDays(today, days * shift);
      return { first: addDays(last, -(days - 1)), last };
    }
  }
}

export interface PeriodOptions {
  timeZone: string;
  now: Date;
  /** For lastNDays: the number of days, today included. */
  days?: number;
  /** 0 for the period that contains `now`, -1 for the one before it (to compare with), and so on. */
  shift?: number;
}

/**
 * Returns the instants of a relative period in the time zone. Weeks start on Monday. yearToDate
 * runs from 1 January to the end of today, and lastNDays covers N days ending with today.
 */
export function relativePeriodRange(period: RelativePeriod, options: PeriodOptions): InstantRange {
  const { first, last } = relativePeriodDates(period, options);
  return calendarRange(first, last, options.timeZone);
}

/** Returns the first and last calendar date of a relative period in the time zone, both included. */
export function relativePeriodDates(period: RelativePeriod, options: PeriodOptions): { first: CalendarDate; last: CalendarDate } {
  const today = calendarDateAt(options.now, options.timeZone);
  return periodDates(period, today, options.days ?? 1, options.shift ?? 0);
}

/** Writes a calendar date as YYYY-MM-DD. */
export function formatCalendarDate(date: CalendarDate): string {
  const pad = (value: number, length: number) => String(value).padStart(length, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Parses a date written as YYYY-MM-DD with a year from 1000 to 9999; returns null otherwise. */
export function parseCalendarDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;

  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (date.year < 1000 || date.month < 1 || date.month > 12 || date.day < 1) return null;
  if (date.day > daysInMonth(date.year, date.month)) return null;
  return date;
}

export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return utcMidnight(a) - utcMidnight(b);
}

/**
 * Returns the whole days from `since` to `now`: full 24-hour periods, rounded down. The
 * daysInStatus criterion, sort and column all count days this way.
 */
export function wholeDaysBetween(since: Date, now: Date): number {
  return Math.floor((now.getTime() - since.getTime()) / DAY_MS);
}

/** Returns the instant `days` whole days before `now`. */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
