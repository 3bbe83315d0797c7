import type { Language } from '../api/types';

/**
 * Locales behind the two interface languages. English uses British conventions (31/12/2026,
 * 1,234.56) because Trechter's users are European teams.
 */
const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

const dateFormats = new Map<Language, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>();
const numberFormats = new Map<Language, Intl.NumberFormat>();

function cached<T>(map: Map<Language, T>, language: Language, create: (locale: string) => T): T {
  let value = map.get(language);
  if (value === undefined) {
    value = create(LOCALES[language]);
    map.set(language, value);
  }
  return value;
}

function toDate(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Formats a date as 31-12-2026 (nl) or 31/12/2026 (en). */
export function formatDate(value: string | Date | null | undefined, language: Language): string {
  if (value === null || value === undefined) return '';
  const date = toDate(value);
  if (date === null) return '';
  const format = cached(
    dateFormats,
    language,
    (locale) => new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }),
  );
  return format.format(date);
}

/** Formats a moment as 31-12-2026 14:05 (nl) or 31/12/2026, 14:05 (en). */
export function formatDateTime(value: string | Date | null | undefined, language: Language): string {
  if (value === null || value === undefined) return '';
  const date = toDate(value);
  if (date === null) return '';
  const format = cached(
    dateTimeFormats,
    language,
    (locale) =>
      new Intl.DateTimeFormat(locale, {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }),
  );
  return format.format(date);
}

/** Formats a number as 1.234,56 (nl) or 1,234.56 (en). */
export function formatNumber(value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return cached(numberFormats, language, (locale) => new Intl.NumberFormat(locale)).format(value);
}
