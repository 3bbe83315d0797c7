import type { TFunction } from 'i18next';

import type { Criterion, Language, LeadStatus, SelectionEntity } from '../api/types';
import { findUrl } from '../find/findUrl';
import type { GroupKey, Period, TileMeasure } from './dashboardApi';

const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

const valueFormats = new Map<Language, Intl.NumberFormat>();

/**
 * Formats a tile value: counts as whole numbers, averages of days with at most one decimal, both
 * with the separators of the language (1.234,5 in Dutch).
 */
export function formatValue(value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  let format = valueFormats.get(language);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 });
    valueFormats.set(language, format);
  }
  return format.format(value);
}

/** Formats a share such as 0.456 as 45,6% (nl) or 45.6% (en). */
export function formatShare(share: number | null | undefined, language: Language): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '–';
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/**
 * Colours of lead statuses by their position in the list, so a status has the same colour on
 * every tile. The order follows the default list: Open, Contacting, Disqualified, Re-nurture,
 * Qualified; statuses added later take the colours after those.
 */
export const LEAD_STATUS_COLOURS = ['#64748b', '#3b82f6', '#ef4444', '#f59e0b', '#16a34a', '#8b5cf6', '#06b6d4', '#ec4899', '#84cc16', '#a16207'];

/** Colours of groups of any other field, in list order. */
export const SERIES_COLOURS = ['#2563eb', '#0ea5e9', '#14b8a6', '#8b5cf6', '#f59e0b', '#ec4899', '#64748b', '#22c55e', '#f97316', '#0f766e'];

/** Colour of groups without a value. */
export const NO_VALUE_COLOUR = '#cbd5e1';

/** Returns the colour of a lead status id, by the status's position in the list. */
export function leadStatusColour(id: unknown, statuses: LeadStatus[]): string | null {
  const ordered = [...statuses].sort((a, b) => a.sortOrder - b.sortOrder);
  const index = ordered.findIndex((status) => status.id === id);
  if (index < 0) return null;
  return LEAD_STATUS_COLOURS[index % LEAD_STATUS_COLOURS.length] ?? null;
}

/** Returns the label of a group; a group without a value gets "No value" or "No lead status". */
export function groupLabel(t: TFunction, key: GroupKey, by: string | null): string {
  if (key.value === null) return by === 'leadStatus' ? t('dashboards.noLeadStatus') : t('dashboards.noValue');
  let label = key.label;
  if (label === null && by === 'categoryGroup' && typeof key.value === 'string') label = t(`categoryGroups.${key.value}` as 'categoryGroups.other');
  if (label === null) label = String(key.value);
  return key.deleted ? `${label} ${t('common.deletedSuffix')}` : label;
}

/** Returns the name of a period in the user's language, such as "Dit kwartaal" or "Afgelopen 30 dagen". */
export function periodLabel(t: TFunction, period: Period): string {
  return t(`dashboards.periods.${period.range}`, { count: period.days ?? 0 });
}

/** Label of a measure, used as the value header of exports and in the tile dialog. */
export function measureLabel(t: TFunction, measure: TileMeasure): string {
  return t(`dashboards.measures.${measure}`);
}

/** Returns the address of the find screen that shows exactly the records of a tile element. */
export function drillDownUrl(entity: SelectionEntity, criteria: Criterion[][]): string {
  return findUrl({ entity, criteria });
}

/** Formats the start of a line bucket: a day, the Monday of a week, or a month. */
export function formatBucket(start: string, unit: 'day' | 'week' | 'month', language: Language): string {
  const date = new Date(`${start}T00:00:00`);
  if (Number.isNaN(date.getTime())) return start;
  const options: Intl.DateTimeFormatOptions = unit === 'month' ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(LOCALES[language], options).format(date);
}

/** Tells from the spacing of the buckets whether they are days, weeks or months. */
export function bucketUnit(starts: string[]): 'day' | 'week' | 'month' {
  const [first, second] = starts;
  if (first === undefined || second === undefined) return 'day';
  const days = Math.round((Date.parse(second) - Date.parse(first)) / 86_400_000);
  if (days <= 1) return 'day';
  if (days <= 7) return 'week';
  return 'month';
}
