/** Conversions of single cell values, shared by the row plan and the database lookups. */

/**
 * Trims a cell and turns an empty one into null. Inner runs of spaces and line breaks become one
 * space, and NUL characters (which PostgreSQL cannot store in text) are dropped.
 */
export function cleanCell(value: string | undefined): string | null {
  if (value === undefined) return null;
  const cleaned = value.replaceAll('\u0000', '').replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/** Key under which list item names and email addresses are compared: case folded and spaces collapsed. */
export function nameKey(value: string): string {
  return value.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Key under which company and person names are compared: like nameKey, but with accents dropped
 * too, as the database's trechter_fold() does, so that "Élan Design" and "Elan Design" are one
 * company.
 */
export function foldKey(value: string): string {
  return nameKey(value.normalize('NFD').replace(/\p{M}/gu, ''));
}

// Deliberately loose: one @, no spaces, and a dot in the domain. Stricter checks reject addresses
// that mail servers accept.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isValidEmail(value: string): boolean {
  return EMAIL_PATTERN.test(value);
}

/**
 * Reduces a website or domain to the host name that identifies a company: "https://www.Example.nl/contact"
 * and "example.nl" both give "example.nl". Returns null when nothing like a host name remains.
 */
export function normalizeDomain(value: string): string | null {
  const host = value
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .split(/[/?#:]/)[0];
  return host !== undefined && host.includes('.') ? host : null;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY_FIRST_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Parses a date as exports write it: ISO 8601 (2026-11-03, 2026-11-03 08:46,
 * 2024-07-11T21:22:06.000+0000) or day first as in Dutch (03-11-2026, 3/11/2026, 03.11.2026 08:46).
 * A date or time without an offset is local time in `timeZone`. Returns null for anything else,
 * including impossible dates such as 31-02-2026, and for month-first dates, which are ambiguous.
 */
export function parseImportDate(value: string, timeZone: string): Date | null {
  const text = value.trim();
  const iso = ISO_DATE_TIME.exec(text);
  const dayFirst = iso ? null : DAY_FIRST_DATE.exec(text);

  let parts: { year: number; month: number; day: number; hour: number; minute: number; second: number };
  let offset: string | undefined;
  if (iso) {
    parts = {
      year: Number(iso[1]),
      month: Number(iso[2]),
      day: Number(iso[3]),
      hour: Number(iso[4] ?? 0),
      minute: Number(iso[5] ?? 0),
      second: Number(iso[6] ?? 0),
    };
    offset = iso[7];
  } else if (dayFirst) {
    parts = {
      year: Number(dayFirst[3]),
      month: Number(dayFirst[2]),
      day: Number(dayFirst[1]),
      hour: Number(dayFirst[4] ?? 0),
      minute: Number(dayFirst[5] ?? 0),
      second: Number(dayFirst[6] ?? 0),
    };
  } else {
    return null;
  }

  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const check = new Date(asUtc);
  if (
    check.getUTCFullYear() !== parts.year ||
    check.getUTCMonth() !== parts.month - 1 ||
    check.getUTCDate() !== parts.day ||
    parts.hour > 23 ||
    parts.minute > 59 ||
    parts.second > 59
  ) {
    return null;
  }

  if (offset !== undefined) {
    return new Date(asUtc - offsetMinutes(offset) * 60_000);
  }
  return new Date(asUtc - zoneOffsetMinutes(asUtc, timeZone) * 60_000);
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const digits = offset.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

/**
 * Offset of `timeZone` from UTC in minutes for a wall-clock time given as if it were UTC. The
 * offset is looked up twice so that times near a daylight saving change land on the right side.
 */
function zoneOffsetMinutes(wallClockAsUtc: number, timeZone: string): number {
  const first = offsetAt(wallClockAsUtc, timeZone);
  return offsetAt(wallClockAsUtc - first * 60_000, timeZone);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetAt(instant: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const formatted = formatter.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(formatted.find((p) => p.type === type)?.value);
  const wallClock = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((wallClock - Math.floor(instant / 1000) * 1000) / 60_000);
}
