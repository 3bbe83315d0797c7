import type { Criterion } from '../api/types';
import { clampWidth, type ColumnSpec } from './columns';

export interface SortEntry {
  columnId: string;
  descending: boolean;
}

/** A user's layout of one list, stored as a preference. */
export interface ListLayout {
  columns: string[];
  widths: Record<string, number>;
  sort: SortEntry[];
  /** At most one filter per column, keyed by column id. */
  filters: Record<string, ColumnFilter>;
  groupBy: string[];
}

export interface ColumnFilter {
  operator: string;
  values: Array<string | number | boolean | null>;
}

/** The API accepts up to three sort fields. */
export const MAX_SORT_FIELDS = 3;
export const MAX_GROUP_LEVELS = 2;

/**
 * Turns a stored preference into a layout that fits the current columns: unknown columns, filters
 * and sort entries left by an older version are dropped instead of breaking the list.
 */
export function normalizeLayout<T>(stored: unknown, specs: ColumnSpec<T>[], fallback: ListLayout): ListLayout {
  if (typeof stored !== 'object' || stored === null) return fallback;
  const value = stored as Partial<Record<keyof ListLayout, unknown>>;
  const byId = new Map(specs.map((spec) => [spec.id, spec]));

  const columns = Array.isArray(value.columns)
    ? value.columns.filter((id): id is string => typeof id === 'string' && byId.has(id))
    : fallback.columns;
  for (const spec of specs) {
    if (spec.hideable === false && !columns.includes(spec.id)) columns.unshift(spec.id);
  }

  const widths: Record<string, number> = {};
  if (typeof value.widths === 'object' && value.widths !== null) {
    for (const [id, width] of Object.entries(value.widths)) {
      if (byId.has(id) && typeof width === 'number' && Number.isFinite(width)) widths[id] = clampWidth(width);
    }
  }

  const sort = Array.isArray(value.sort)
    ? value.sort
        .filter(
          (entry): entry is SortEntry =>
            typeof entry === 'object' &&
            entry !== null &&
            typeof entry.columnId === 'string' &&
            byId.get(entry.columnId)?.sortField !== undefined,
        )
        .map((entry) => ({ columnId: entry.columnId, descending: entry.descending === true }))
        .slice(0, MAX_SORT_FIELDS)
    : fallback.sort;

  const filters: Record<string, ColumnFilter> = {};
  if (typeof value.filters === 'object' && value.filters !== null) {
    for (const [id, filter] of Object.entries(value.filters as Record<string, unknown>)) {
      const spec = byId.get(id);
      if (spec?.filterField === undefined || typeof filter !== 'object' || filter === null) continue;
      const { operator, values } = filter as Partial<ColumnFilter>;
      if (typeof operator === 'string' && Array.isArray(values)) filters[id] = { operator, values };
    }
  }

  const groupBy = Array.isArray(value.groupBy)
    ? value.groupBy
        .filter((id): id is string => typeof id === 'string' && byId.get(id)?.groupable === true)
        .slice(0, MAX_GROUP_LEVELS)
    : [];

  return { columns, widths, sort: sort.length > 0 ? sort : fallback.sort, filters, groupBy };
}

/** Builds the API sort parameter, such as "lastName,-registeredAt". */
export function sortParameter<T>(layout: ListLayout, specs: ColumnSpec<T>[]): string {
  const byId = new Map(specs.map((spec) => [spec.id, spec]));
  return layout.sort
    .map((entry) => {
      const field = byId.get(entry.columnId)?.sortField;
      if (field === undefined) return null;
      return entry.descending ? `-${field}` : field;
    })
    .filter((field) => field !== null)
    .join(',');
}

/** Converts the layout's column filters into criteria lines. */
export function filterCriteria<T>(layout: ListLayout, specs: ColumnSpec<T>[]): Criterion[] {
  const criteria: Criterion[] = [];
  for (const spec of specs) {
    const filter = layout.filters[spec.id];
    if (filter === undefined || spec.filterField === undefined) continue;
    criteria.push({ field: spec.filterField, operator: filter.operator, values: filter.values });
  }
  return criteria;
}

/**
 * Applies a header click. A plain click sorts on that column alone: ascending first, then flipping
 * direction. A click with Shift adds the column as the next sort level, or flips it if present.
 */
export function toggleSort(current: SortEntry[], columnId: string, addLevel: boolean): SortEntry[] {
  if (!addLevel) {
    const primary = current[0];
    if (primary?.columnId === columnId) return [{ columnId, descending: !primary.descending }];
    return [{ columnId, descending: false }];
  }
  const existing = current.find((entry) => entry.columnId === columnId);
  if (existing) {
    return current.map((entry) => (entry.columnId === columnId ? { ...entry, descending: !entry.descending } : entry));
  }
  return [...current, { columnId, descending: false }].slice(0, MAX_SORT_FIELDS);
}
