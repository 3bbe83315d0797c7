import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { navigate } from '../app/router';
import type { ColumnSpec } from './columns';
import type { ListLayout } from './layout';
import { useListTable } from './useListTable';

/** Fixed row height in pixels, which keeps scrolling through 100,000 rows cheap. */
export const ROW_HEIGHT = 40;

/** Rows before the end of what is loaded at which the next page is requested. */
const PREFETCH_ROWS = 100;

interface RowBlockProps<T extends { id: number }> {
  specs: ColumnSpec<T>[];
  layout: ListLayout;
  rows: T[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  getScrollElement: () => HTMLElement | null;
  /** Distance in pixels from the top of the scroll content to the first row. */
  scrollMargin: number;
  rowHref: (row: T) => string;
  /** aria-rowindex of the first row, or null when the row position is not meaningful. */
  firstRowIndex: number | null;
}

/**
 * Renders only the rows in view (TanStack Virtual) and requests the next page when the user
 * scrolls near the end of the loaded rows.
 */
export function RowBlock<T extends { id: number }>({
  specs,
  layout,
  rows,
  hasMore,
  loadingMore,
  onLoadMore,
  getScrollElement,
  scrollMargin,
  rowHref,
  firstRowIndex,
}: RowBlockProps<T>) {
  const { t } = useTranslation();
  const count = hasMore ? rows.length + 1 : rows.length;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? -1;

  // The table gets only the rows in view, so its row model costs the same at row 100 and at row
  // 100,000. Building it for every loaded row would make each new page slower than the last.
  const visibleRows = useMemo(() => rows.slice(firstIndex, lastIndex + 1), [rows, firstIndex, lastIndex]);
  const table = useListTable(specs, layout, visibleRows);
  const tableRows = table.getRowModel().rows;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  const totalWidth = table.getVisibleLeafColumns().reduce((sum, column) => sum + column.getSize(), 0);

  return (
    <div className="list-body" style={{ height: virtualizer.getTotalSize(), minWidth: totalWidth }}>
      {items.map((item) => {
        const row = tableRows[item.index - firstIndex];
        const top = item.start - scrollMargin;
        if (row === undefined) {
          return (
            <div key="loading" role="row" className="list-row list-row-loading" style={{ transform: `translateY(${top}px)` }}>
              <div role="cell" className="list-cell">
                {t('list.loadingMore')}
              </div>
            </div>
          );
        }
        return (
          <ListRow
            key={row.id}
            top={top}
            href={rowHref(row.original)}
            rowIndex={firstRowIndex === null ? undefined : firstRowIndex + item.index}
            cells={row.getVisibleCells().map((cell) => ({
              id: cell.column.id,
              width: cell.column.getSize(),
              content: <table.FlexRender cell={cell} />,
            }))}
            even={item.index % 2 === 1}
          />
        );
      })}
    </div>
  );
}

interface ListRowProps {
  top: number;
  href: string;
  rowIndex: number | undefined;
  cells: Array<{ id: string; width: number; content: ReactNode }>;
  even: boolean;
}

function ListRow({ top, href, rowIndex, cells, even }: ListRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      className={`list-row list-body-row${even ? ' list-row-even' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={(event) => {
        // Links and buttons inside the row handle their own clicks; selecting text does not open.
        if ((event.target as HTMLElement).closest('a, button, input, select')) return;
        if (window.getSelection()?.toString()) return;
        navigate(href);
      }}
    >
      {cells.map((cell) => (
        <div key={cell.id} role="cell" className="list-cell" style={{ width: cell.width }}>
          {cell.content}
        </div>
      ))}
    </div>
  );
}
