import type { ReactNode } from 'react';

import type { Language } from '../api/types';

/** Kind of column, which decides the operators and value inputs of its filter. */
export type ColumnKind = 'text' | 'list' | 'date' | 'number' | 'boolean';

/** Source of the choices in a list column's filter. */
export type OptionSource = 'categories' | 'leadStatuses' | 'categoryGroups' | 'users';

export interface CellContext {
  language: Language;
}

/** One column a record list can show. Ids are stored in list layouts, so they must not change. */
export interface ColumnSpec<T> {
  id: string;
  /** Translation key of the column header. */
  labelKey: string;
  kind: ColumnKind;
  width: number;
  /** API sort field; a column without one cannot be sorted. */
  sortField?: string;
  /** API filter field; a column without one cannot be filtered. */
  filterField?: string;
  /** Whether the list can be grouped by this column (list and boolean columns only). */
  groupable?: boolean;
  options?: OptionSource;
  /** False for the column that identifies the row (the name), which is always shown. */
  hideable?: boolean;
  render: (row: T, context: CellContext) => ReactNode;
}

export const MIN_COLUMN_WIDTH = 64;
export const MAX_COLUMN_WIDTH = 640;

export function clampWidth(width: number): number {
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)));
}
