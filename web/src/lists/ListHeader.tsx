import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Language } from '../api/types';
import { Popover } from '../ui/Popover';
import { clampWidth, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, type ColumnSpec } from './columns';
import { FilterEditor } from './FilterEditor';
import type { ColumnFilter, ListLayout } from './layout';

interface HeaderColumn<T> {
  spec: ColumnSpec<T>;
  label: string;
  width: number;
}

/** The header's checkbox, which ticks or unticks every loaded row. */
export interface HeaderTick {
  state: 'none' | 'some' | 'all';
  label: string;
  disabled?: boolean;
  onToggle: () => void;
}

interface ListHeaderProps<T> {
  columns: HeaderColumn<T>[];
  /** Without it the header has no checkbox. */
  tick?: HeaderTick | undefined;
  layout: ListLayout;
  language: Language;
  onSort: (columnId: string, addLevel: boolean) => void;
  onFilter: (columnId: string, filter: ColumnFilter | null) => void;
  onResize: (columnId: string, width: number) => void;
}

/** Pixels a column edge moves per arrow key press. */
const KEYBOARD_RESIZE_STEP = 16;

export function ListHeader<T>({ columns, tick, layout, language, onSort, onFilter, onResize }: ListHeaderProps<T>) {
  return (
    <div role="rowgroup" className="list-head">
      <div role="row" aria-rowindex={1} className="list-row list-head-row">
        {columns.map((column, index) => (
          <HeaderCell
            key={column.spec.id}
            column={column}
            tick={index === 0 ? tick : undefined}
            layout={layout}
            language={language}
            onSort={onSort}
            onFilter={onFilter}
            onResize={onResize}
          />
        ))}
      </div>
    </div>
  );
}

function HeaderCell<T>({
  column,
  tick,
  layout,
  language,
  onSort,
  onFilter,
  onResize,
}: Omit<ListHeaderProps<T>, 'columns'> & { column: HeaderColumn<T> }) {
  const { t } = useTranslation();
  const { spec, label, width } = column;
  const filterButton = useRef<HTMLButtonElement>(null);
  const [filterOpen, setFilterOpen] = useState(false);

  const sortIndex = layout.sort.findIndex((entry) => entry.columnId === spec.id);
  const sortEntry = sortIndex >= 0 ? layout.sort[sortIndex] : undefined;
  const filter = layout.filters[spec.id];
  // Screen readers expect aria-sort on one header at a time: the primary sort column.
  let ariaSort: 'ascending' | 'descending' | undefined;
  if (sortIndex === 0) ariaSort = sortEntry?.descending ? 'descending' : 'ascending';

  return (
    <div
      role="columnheader"
      aria-label={label}
      aria-sort={ariaSort}
      className={`list-cell list-head-cell${filter ? ' list-head-cell-filtered' : ''}`}
      style={{ width }}
    >
      {tick === undefined ? null : <HeaderTickBox {...tick} />}
      {spec.sortField === undefined ? (
        <span className="list-head-label">{label}</span>
      ) : (
        <button
          type="button"
          className="list-head-sort"
          onClick={(event) => onSort(spec.id, event.shiftKey)}
          title={t('list.sortHint')}
        >
          <span className="list-head-label">{label}</span>
          {sortEntry ? (
            <span className="sort-indicator" aria-hidden="true">
              {sortEntry.descending ? '↓' : '↑'}
              {layout.sort.length > 1 ? <sup>{sortIndex + 1}</sup> : null}
            </span>
          ) : null}
        </button>
      )}

      {spec.filterField === undefined ? null : (
        <button
          ref={filterButton}
          type="button"
          className={`icon-button list-head-filter${filter ? ' is-active' : ''}`}
          aria-label={filter ? t('list.filterActive', { column: label }) : t('list.filterColumn', { column: label })}
          aria-haspopup="dialog"
          aria-expanded={filterOpen}
          onClick={() => setFilterOpen((open) => !open)}
        >
          <span className="icon icon-funnel" aria-hidden="true" />
        </button>
      )}

      <ResizeHandle label={t('list.resizeColumn', { column: label })} width={width} onResize={(next) => onResize(spec.id, next)} />

      {filterOpen ? (
        <Popover anchor={filterButton} label={t('filter.title', { column: label })} onClose={() => setFilterOpen(false)}>
          <FilterEditor
            spec={spec}
            columnLabel={label}
            current={filter}
            language={language}
            onApply={(next) => {
              onFilter(spec.id, next);
              setFilterOpen(false);
              filterButton.current?.focus();
            }}
            onClear={() => {
              onFilter(spec.id, null);
              setFilterOpen(false);
              filterButton.current?.focus();
            }}
          />
        </Popover>
      ) : null}
    </div>
  );
}

/** Renders the header's checkbox, which shows a dash (indeterminate) while some loaded rows are ticked. */
function HeaderTickBox({ state, label, disabled, onToggle }: HeaderTick) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (input.current !== null) input.current.indeterminate = state === 'some';
  }, [state]);

  return (
    <label className="list-tick" title={label}>
      <input ref={input} type="checkbox" checked={state === 'all'} aria-label={label} disabled={disabled} onChange={onToggle} />
    </label>
  );
}

/** Renders the draggable right edge of a header cell, which arrow keys move too. */
function ResizeHandle({ label, width, onResize }: { label: string; width: number; onResize: (width: number) => void }) {
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);

  function handlePointerDown(event: PointerEvent<HTMLDivElement>) {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width };
  }

  function handlePointerMove(event: PointerEvent<HTMLDivElement>) {
    if (drag.current === null) return;
    onResize(clampWidth(drag.current.startWidth + event.clientX - drag.current.startX));
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    onResize(clampWidth(width + (event.key === 'ArrowRight' ? KEYBOARD_RESIZE_STEP : -KEYBOARD_RESIZE_STEP)));
  }

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={MIN_COLUMN_WIDTH}
      aria-valuemax={MAX_COLUMN_WIDTH}
      tabIndex={0}
      className="resize-handle"
      onPointerDown={handlePointerDown}
      onPointerMove={handlePointerMove}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onKeyDown={handleKeyDown}
    />
  );
}
