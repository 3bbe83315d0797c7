import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../api/client';
import { formatNumber } from '../i18n/format';
import type { RecordKind } from '../api/endpoints';
import type { Criterion, Filter, Language } from '../api/types';
import { andLines } from '../criteria/filters';
import { EmptyState, ErrorNotice, Spinner } from '../ui/feedback';
import { ActiveFilters } from './ActiveFilters';
import { ColumnChooser } from './ColumnChooser';
import { ExportDialog } from './ExportDialog';
import type { ColumnSpec } from './columns';
import { GroupedBody } from './GroupedBody';
import { filterCriteria, MAX_GROUP_LEVELS, sortParameter, toggleSort, type ColumnFilter, type ListLayout } from './layout';
import { ListHeader, type HeaderTick } from './ListHeader';
import { RowBlock } from './RowBlock';
import { useListLayout } from './useListLayout';
import { useRecordPages } from './useRecordPages';
import { useTickedRows, type RowTicks } from './useTickedRows';

/** Height in pixels of the sticky header row; the rows below start there. */
const HEADER_HEIGHT = 40;

/** The rows a list shows right now, for actions on its records such as a bulk update. */
export interface ListContext {
  /** The filter of the rows shown: the list's own criteria with the user's column filters. */
  filter: Filter;
  /** Rows matching the filter, or null while counting. */
  total: number | null;
  /** Ids of the rows the user ticked, in the order ticked; empty when none are. */
  tickedIds: number[];
}

export interface RecordListProps<T extends { id: number }> {
  kind: RecordKind;
  /** Preference key under which this user's layout of this list is stored. */
  preferenceKey: string;
  specs: ColumnSpec<T>[];
  defaults: ListLayout;
  /**
   * Criteria every row of this list meets, such as "of company 42" or the sets of the find screen;
   * not shown as user filters.
   */
  baseFilter?: Filter;
  /** Lists the records of this saved selection instead of all records of the kind. */
  selectionId?: number;
  /** Accessible name of the table. */
  label: string;
  countText: (count: number) => string;
  rowHref: (row: T) => string;
  /** Empty state for a list without rows while the user has set no filter. */
  empty: ReactNode;
  actions?: ReactNode | ((list: ListContext) => ReactNode);
  /**
   * Whether rows have a checkbox to tick them. Defaults to true when `actions` is a function,
   * the only way ticks are used.
   */
  tickable?: boolean;
  /** Name of a row for its checkbox's label. Defaults to the row's fullName or name. */
  rowName?: (row: T) => string;
  variant: 'page' | 'tab';
}

const NO_CRITERIA: Criterion[] = [];

export function RecordList<T extends { id: number }>(props: RecordListProps<T>) {
  const { t } = useTranslation();
  const { layout, update, loadError } = useListLayout(props.preferenceKey, props.specs, props.defaults);

  if (layout === null) {
    return (
      <section className={`record-list record-list-${props.variant}`}>
        <Spinner label={t('common.loading')} />
      </section>
    );
  }
  return <LoadedRecordList {...props} layout={layout} update={update} layoutError={loadError} />;
}

function LoadedRecordList<T extends { id: number }>({
  kind,
  specs,
  defaults,
  baseFilter = NO_CRITERIA,
  label,
  countText,
  rowHref,
  empty,
  actions,
  tickable = typeof actions === 'function',
  rowName = defaultRowName,
  variant,
  selectionId,
  layout,
  update,
  layoutError,
}: RecordListProps<T> & {
  layout: ListLayout;
  update: (change: (current: ListLayout) => ListLayout) => void;
  layoutError: unknown;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  // In state rather than a ref, so rows that mount together with the scroll element (cached data)
  // render again once it exists; see GroupRows.
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const [chooserOpen, setChooserOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [groupTotal, setGroupTotal] = useState<number | null>(null);

  const criteria = useMemo(() => andLines(baseFilter, filterCriteria(layout, specs)), [baseFilter, layout, specs]);
  const sort = sortParameter(layout, specs);
  const grouped = layout.groupBy.length > 0;
  const hasUserFilters = Object.keys(layout.filters).length > 0;

  const { query, rows, total: flatTotal } = useRecordPages<T>(kind, criteria, sort, !grouped, selectionId);
  const { fetchNextPage } = query;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const getScrollElement = useCallback(() => scrollElement, [scrollElement]);
  const total = grouped ? groupTotal : flatTotal;
  const { columnsHiddenRight, updateColumnsHidden } = useColumnsHiddenRight(scrollElement);

  const ticks = useTickedRows(JSON.stringify([criteria, selectionId ?? null]));
  const { isTicked, toggle: toggleTick, toggleAll, clear: clearTicks, tickedIds } = ticks;
  const rowTicks = useMemo<RowTicks<T> | undefined>(
    () => (tickable ? { isTicked, toggle: toggleTick, checkboxLabel: (row) => t('list.tickRow', { name: rowName(row) }) } : undefined),
    [tickable, isTicked, toggleTick, rowName, t],
  );
  const headerTick = useHeaderTick(tickable, grouped, rows, isTicked, tickedIds.length, toggleAll, clearTicks);

  const headerColumns = layout.columns
    .map((id) => specs.find((spec) => spec.id === id))
    .filter((spec): spec is ColumnSpec<T> => spec !== undefined)
    .map((spec) => ({ spec, label: t(spec.labelKey as 'fields.name'), width: layout.widths[spec.id] ?? spec.width }));
  const tableWidth = headerColumns.reduce((sum, column) => sum + column.width, 0);

  function setFilter(columnId: string, filter: ColumnFilter | null) {
    update((current) => {
      const filters = { ...current.filters };
      if (filter === null) delete filters[columnId];
      else filters[columnId] = filter;
      return { ...current, filters };
    });
    scrollElement?.scrollTo({ top: 0 });
  }

  let body: ReactNode;
  if (grouped) {
    body = (
      <GroupedBody
        kind={kind}
        specs={specs}
        layout={layout}
        criteria={criteria}
        sort={sort}
        language={language}
        rowHref={rowHref}
        onTotal={setGroupTotal}
        width={tableWidth}
        ticks={rowTicks}
        {...(selectionId === undefined ? {} : { selectionId })}
      />
    );
  } else if (query.isPending) {
    body = <Spinner label={t('common.loading')} />;
  } else if (query.isError) {
    body = (
      <div className="list-message">
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
        {isApiError(query.error, 'VALIDATION_FAILED') && hasUserFilters ? (
          <button type="button" className="button button-secondary" onClick={() => update((current) => ({ ...current, filters: {} }))}>
            {t('list.clearFilters')}
          </button>
        ) : null}
      </div>
    );
  } else {
    body = (
      <RowBlock
        specs={specs}
        layout={layout}
        rows={rows}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        onLoadMore={loadMore}
        getScrollElement={getScrollElement}
        scrollMargin={HEADER_HEIGHT}
        rowHref={rowHref}
        firstRowIndex={2}
        ticks={rowTicks}
      />
    );
  }

  const isEmpty = total === 0;

  return (
    <section className={`record-list record-list-${variant}`} aria-label={label}>
      <div className="list-toolbar">
        <div className="list-toolbar-start">
          {/* The ticked count takes the place of the total and is short, so the toolbar keeps its
              height and the rows do not move under the pointer when the first row is ticked. */}
          {tickedIds.length > 0 ? (
            <p className="chip list-ticked" aria-live="polite">
              <span>{t('list.ticked', { count: tickedIds.length, formatted: formatNumber(tickedIds.length, language) })}</span>
              <button type="button" className="chip-remove" onClick={clearTicks} aria-label={t('list.clearTicks')} title={t('list.clearTicks')}>
                ×
              </button>
            </p>
          ) : (
            <p className="list-count" aria-live="polite">
              {total === null ? '\u00a0' : countText(total)}
            </p>
          )}
        </div>
        <div className="list-toolbar-controls">
          <GroupBySelects specs={specs} layout={layout} onChange={(groupBy) => update((current) => ({ ...current, groupBy }))} />
          <button type="button" className="button button-secondary" onClick={() => setChooserOpen(true)}>
            <span className="icon icon-columns" aria-hidden="true" />
            {t('columns.open')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setExportOpen(true)}>
            {t('export.button')}
          </button>
          {typeof actions === 'function' ? actions({ filter: criteria, total, tickedIds }) : actions}
        </div>
      </div>

      {layoutError ? <p className="notice notice-warning">{t('list.layoutNotLoaded')}</p> : null}

      <ActiveFilters
        specs={specs}
        layout={layout}
        language={language}
        onRemove={(columnId) => setFilter(columnId, null)}
        onClearAll={() => update((current) => ({ ...current, filters: {} }))}
      />

      <div className={`list-frame${columnsHiddenRight ? ' list-frame-more-right' : ''}`}>
        <div
          ref={setScrollElement}
          onScroll={(event) => {
            // Group rows scroll vertically in their own box, so sticky cells in them would stick to
            // that box. Their first cell is shifted by this horizontal offset (see styles.css).
            const element = event.currentTarget;
            const left = `${element.scrollLeft}px`;
            if (element.style.getPropertyValue('--list-scroll-left') !== left) element.style.setProperty('--list-scroll-left', left);
            updateColumnsHidden();
          }}
          className="list-scroll"
          role="table"
          aria-label={label}
          aria-rowcount={grouped || total === null ? undefined : total + 1}
        >
          <ListHeader
            columns={headerColumns}
            tick={headerTick}
            layout={layout}
            language={language}
            onSort={(columnId, addLevel) => update((current) => ({ ...current, sort: toggleSort(current.sort, columnId, addLevel) }))}
            onFilter={setFilter}
            onResize={(columnId, width) => update((current) => ({ ...current, widths: { ...current.widths, [columnId]: width } }))}
          />
          {body}
        </div>
      </div>

      {isEmpty ? (
        <div className="list-empty">
          {hasUserFilters ? (
            <EmptyState
              title={t('list.noMatchTitle')}
              action={
                <button type="button" className="button button-secondary" onClick={() => update((current) => ({ ...current, filters: {} }))}>
                  {t('list.clearFilters')}
                </button>
              }
            >
              {t('list.noMatchText')}
            </EmptyState>
          ) : (
            empty
          )}
        </div>
      ) : null}

      <ColumnChooser
        open={chooserOpen}
        onClose={() => setChooserOpen(false)}
        specs={specs}
        layout={layout}
        onChange={(columns) => update((current) => ({ ...current, columns }))}
        onReset={() => update((current) => ({ ...current, columns: defaults.columns, widths: {} }))}
      />

      <ExportDialog
        open={exportOpen}
        kind={kind}
        filter={criteria}
        sort={sort}
        columns={headerColumns.map((column) => column.spec.id)}
        total={total}
        grouped={grouped}
        tickedIds={tickedIds}
        onClose={() => setExportOpen(false)}
        {...(selectionId === undefined ? {} : { selectionId })}
      />
    </section>
  );
}

/** Returns the name of a row for its checkbox's label, from the fields persons and companies have. */
function defaultRowName(row: { id: number }): string {
  const named = row as { id: number; fullName?: unknown; name?: unknown };
  if (typeof named.fullName === 'string') return named.fullName;
  if (typeof named.name === 'string') return named.name;
  return `#${row.id}`;
}

/**
 * Describes the header checkbox. In a flat list it ticks or unticks every loaded row. A grouped
 * list loads rows per open group, so there it only removes the ticks.
 */
function useHeaderTick(
  tickable: boolean,
  grouped: boolean,
  rows: readonly { id: number }[],
  isTicked: (id: number) => boolean,
  tickedCount: number,
  toggleAll: (rows: readonly { id: number }[]) => void,
  clear: () => void,
): HeaderTick | undefined {
  const { t } = useTranslation();
  const loadedTicked = useMemo(() => (grouped ? 0 : rows.reduce((count, row) => count + (isTicked(row.id) ? 1 : 0), 0)), [grouped, rows, isTicked]);

  if (!tickable) return undefined;
  if (grouped) {
    return { state: tickedCount > 0 ? 'some' : 'none', label: t('list.clearTicks'), disabled: tickedCount === 0, onToggle: clear };
  }
  let state: HeaderTick['state'] = 'some';
  if (loadedTicked === 0) state = 'none';
  else if (loadedTicked === rows.length) state = 'all';
  return { state, label: t('list.tickAll'), disabled: rows.length === 0, onToggle: () => toggleAll(rows) };
}

/**
 * Tracks whether columns lie beyond the right edge of the list, so the list can show a shadow there.
 * Overlay scrollbars and scrollbars below the fold give no other sign of those columns.
 */
function useColumnsHiddenRight(scrollElement: HTMLElement | null) {
  const [columnsHiddenRight, setColumnsHiddenRight] = useState(false);

  const updateColumnsHidden = useCallback(() => {
    if (scrollElement === null) return;
    setColumnsHiddenRight(scrollElement.scrollWidth - scrollElement.clientWidth - scrollElement.scrollLeft > 1);
  }, [scrollElement]);

  useEffect(() => {
    if (scrollElement === null) return;
    updateColumnsHidden();
    // The header row is as wide as the columns, so observing it catches added, removed and resized columns.
    const observer = new ResizeObserver(updateColumnsHidden);
    observer.observe(scrollElement);
    if (scrollElement.firstElementChild) observer.observe(scrollElement.firstElementChild);
    return () => observer.disconnect();
  }, [scrollElement, updateColumnsHidden]);

  return { columnsHiddenRight, updateColumnsHidden };
}

function GroupBySelects<T>({
  specs,
  layout,
  onChange,
}: {
  specs: ColumnSpec<T>[];
  layout: ListLayout;
  onChange: (groupBy: string[]) => void;
}) {
  const { t } = useTranslation();
  const groupable = specs.filter((spec) => spec.groupable === true);
  const levels = layout.groupBy.length < MAX_GROUP_LEVELS ? [...layout.groupBy, ''] : layout.groupBy;

  return (
    <div className="group-by">
      {levels.map((columnId, index) => {
        const usedAbove = layout.groupBy.slice(0, index);
        return (
          <label key={index} className="inline-field">
            <span>{index === 0 ? t('list.groupBy') : t('list.thenBy')}</span>
            <select
              value={columnId}
              onChange={(event) => {
                const next = layout.groupBy.slice(0, index);
                if (event.target.value !== '') next.push(event.target.value);
                onChange(next);
              }}
            >
              <option value="">{index === 0 ? t('list.noGrouping') : t('list.noFurtherGrouping')}</option>
              {groupable
                .filter((spec) => !usedAbove.includes(spec.id))
                .map((spec) => (
                  <option key={spec.id} value={spec.id}>
                    {t(spec.labelKey as 'fields.name')}
                  </option>
                ))}
            </select>
          </label>
        );
      })}
    </div>
  );
}
