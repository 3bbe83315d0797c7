import {
  columnOrderingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
} from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import type { Language } from '../api/types';
import type { ColumnSpec } from './columns';
import type { ListLayout } from './layout';

const features = tableFeatures({ columnVisibilityFeature, columnOrderingFeature, columnSizingFeature });

export type ListFeatures = typeof features;

/** Column metadata a cell or header needs besides the table's own state. */
export interface ColumnMeta<T> {
  spec: ColumnSpec<T>;
  label: string;
}

/**
 * Builds the TanStack table for one block of rows: which columns show, in which order and how
 * wide come from the user's layout. Sorting, filtering and paging happen on the server.
 */
export function useListTable<T extends { id: number }>(specs: ColumnSpec<T>[], layout: ListLayout, rows: T[]) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;

  const columns = useMemo(
    () =>
      specs.map(
        (spec): ColumnDef<ListFeatures, T> => ({
          id: spec.id,
          header: t(spec.labelKey as 'fields.name'),
          cell: ({ row }) => spec.render(row.original, { language }),
          size: spec.width,
          enableHiding: spec.hideable !== false,
          meta: { spec, label: t(spec.labelKey as 'fields.name') } satisfies ColumnMeta<T>,
        }),
      ),
    [specs, t, language],
  );

  const state = useMemo(() => {
    const shown = new Set(layout.columns);
    const columnVisibility = Object.fromEntries(specs.map((spec) => [spec.id, shown.has(spec.id)]));
    const columnOrder = [...layout.columns, ...specs.map((spec) => spec.id).filter((id) => !shown.has(id))];
    const columnSizing = Object.fromEntries(specs.map((spec) => [spec.id, layout.widths[spec.id] ?? spec.width]));
    return { columnVisibility, columnOrder, columnSizing };
  }, [specs, layout.columns, layout.widths]);

  return useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => String(row.id),
    state,
  });
}
