import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { navigate } from '../app/router';
import type { ColumnSpec } from './columns';
import type { ListLayout } from './layout';
import { useListTable } from './useListTable';
import type { RowTicks } from './useTickedRows';

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
  /** Ticks of the rows. Without it the rows have no checkbox. */
  ticks?: RowTicks<T> | undefined;
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
  ticks,
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
            tick={
              ticks === undefined
                ? undefined
                : {
                    ticked: ticks.isTicked(row.original.id),
                    label: ticks.checkboxLabel(row.original),
                    onToggle: (extendRange) => ticks.toggle(rows, item.index, extendRange),
                  }
            }
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
  tick: { ticked: boolean; label: string; onToggle: (extendRange: boolean) => void } | undefined;
}

function ListRow({ top, href, rowIndex, cells, even, tick }: ListRowProps) {
  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Space on a link of the row ticks the row. On the checkbox itself the browser handles Space.
    if (tick === undefined || event.key !== ' ') return;
    if ((event.target as HTMLElement).closest('input, button, select, textarea')) return;
    event.preventDefault();
    tick.onToggle(event.shiftKey);
  }

  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      className={`list-row list-body-row${even ? ' list-row-even' : ''}${tick?.ticked ? ' list-row-ticked' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onKeyDown={handleKeyDown}
      onClick={(event) => {
        // Links, buttons and the tick box handle their own clicks, and selecting text does not open.
        if ((event.target as HTMLElement).closest('a, button, input, select, label')) return;
        if (window.getSelection()?.toString()) return;
        navigate(href);
      }}
    >
      {cells.map((cell, index) => (
        <div key={cell.id} role="cell" className="list-cell" style={{ width: cell.width }}>
          {index === 0 && tick !== undefined ? <TickBox {...tick} /> : null}
          {cell.content}
        </div>
      ))}
    </div>
  );
}

/**
 * Renders a row's checkbox. It sits in the first cell rather than in a column of its own, so the
 * columns keep their widths and the box stays in view with the sticky first cell.
 */
function TickBox({ ticked, label, onToggle }: NonNullable<ListRowProps['tick']>) {
  return (
    <label className="list-tick" title={label}>
      <input
        type="checkbox"
        checked={ticked}
        aria-label={label}
        // React fires onChange of a checkbox from its click event, so the event carries the Shift key.
        onChange={(event) => onToggle((event.nativeEvent as MouseEvent).shiftKey === true)}
      />
    </label>
  );
}
