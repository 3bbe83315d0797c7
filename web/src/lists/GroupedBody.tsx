import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { fetchGroupCounts, type RecordKind } from '../api/endpoints';
import type { Filter, GroupKey, Language } from '../api/types';
import { andLines } from '../criteria/filters';
import { formatNumber } from '../i18n/format';
import { ErrorNotice, Spinner } from '../ui/feedback';
import type { ColumnSpec } from './columns';
import { buildGroupTree, groupCriteria, groupId, type GroupNode } from './groups';
import type { ListLayout } from './layout';
import { ROW_HEIGHT, RowBlock } from './RowBlock';
import { useRecordPages } from './useRecordPages';
import type { RowTicks } from './useTickedRows';

/** A group shows at most this many rows at once and scrolls inside for the rest. */
const VISIBLE_ROWS_PER_GROUP = 10;

interface GroupedBodyProps<T extends { id: number }> {
  kind: RecordKind;
  specs: ColumnSpec<T>[];
  layout: ListLayout;
  criteria: Filter;
  /** Groups the records of this saved selection instead of all records of the kind. */
  selectionId?: number;
  sort: string;
  language: Language;
  rowHref: (row: T) => string;
  onTotal: (total: number | null) => void;
  width: number;
  /** Ticks of the rows. Without it the rows have no checkbox. */
  ticks?: RowTicks<T> | undefined;
}

export function GroupedBody<T extends { id: number }>(props: GroupedBodyProps<T>) {
  const { kind, specs, layout, criteria, onTotal, selectionId } = props;
  const { t } = useTranslation();
  const fields = layout.groupBy
    .map((columnId) => specs.find((spec) => spec.id === columnId)?.filterField)
    .filter((field): field is string => field !== undefined);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());

  const counts = useQuery({
    queryKey: [kind, 'groups', fields, criteria, selectionId ?? null],
    queryFn: ({ signal }) => fetchGroupCounts(kind, fields, criteria, signal, selectionId),
  });
  const total = counts.data?.total ?? null;
  useEffect(() => onTotal(total), [total, onTotal]);

  if (counts.isPending) return <Spinner label={t('common.loading')} />;
  if (counts.isError) return <ErrorNotice error={counts.error} onRetry={() => void counts.refetch()} />;

  const tree = buildGroupTree(counts.data.groups);
  if (tree.length === 0) return null;

  function toggle(id: string) {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <div role="rowgroup" className="list-groups" style={{ minWidth: props.width }}>
      {tree.map((node) => (
        <GroupBranch key={groupId(node.path)} node={node} expanded={expanded} onToggle={toggle} {...props} />
      ))}
    </div>
  );
}

function GroupBranch<T extends { id: number }>({
  node,
  expanded,
  onToggle,
  ...props
}: GroupedBodyProps<T> & { node: GroupNode; expanded: Set<string>; onToggle: (id: string) => void }) {
  const { t } = useTranslation();
  const id = groupId(node.path);
  const open = expanded.has(id);
  const key = node.path[node.path.length - 1];
  const level = node.path.length;
  const spec = props.specs.find((candidate) => candidate.filterField === key?.field);
  const columnLabel = spec ? t(spec.labelKey as 'fields.name') : (key?.field ?? '');
  const isLeaf = node.children.length === 0;

  return (
    <>
      <div role="row" className={`list-group-row list-group-level-${level}`}>
        <div role="cell" className="list-group-cell">
          <button
            type="button"
            className="list-group-toggle"
            aria-expanded={open}
            onClick={() => onToggle(id)}
            style={{ paddingLeft: 12 + (level - 1) * 24 }}
          >
            <span className={`chevron${open ? ' chevron-open' : ''}`} aria-hidden="true" />
            <span className="list-group-column">{columnLabel}:</span>{' '}
            <span className={key?.value === null ? 'list-group-value muted' : 'list-group-value'}>
              {groupLabel(key, t, spec?.kind)}
            </span>
            <span className="badge badge-count">{formatNumber(node.count, props.language)}</span>
          </button>
        </div>
      </div>
      {open && isLeaf ? <GroupRows node={node} {...props} /> : null}
      {open && !isLeaf
        ? node.children.map((child) => (
            <GroupBranch key={groupId(child.path)} node={child} expanded={expanded} onToggle={onToggle} {...props} />
          ))
        : null}
    </>
  );
}

/** The few texts groupLabel needs; a narrow type keeps the compiler from expanding every translation key. */
type GroupLabelKey = 'list.noValue' | 'common.yes' | 'common.no' | 'common.deletedSuffix';

function groupLabel(key: GroupKey | undefined, t: (text: GroupLabelKey) => string, kind: string | undefined): string {
  if (key === undefined || key.value === null) return t('list.noValue');
  if (kind === 'boolean') return key.value === true ? t('common.yes') : t('common.no');
  const label = key.label ?? String(key.value);
  return key.deleted ? `${label} ${t('common.deletedSuffix')}` : label;
}

function GroupRows<T extends { id: number }>({
  node,
  kind,
  specs,
  layout,
  criteria,
  sort,
  rowHref,
  selectionId,
  ticks,
}: GroupedBodyProps<T> & { node: GroupNode }) {
  const { t } = useTranslation();
  // The scroll element lives in state, not in a ref: the rows mount in the same commit as their
  // scroll element, before React sets a ref, so the virtualizer would measure no element and
  // render no rows. Setting state renders the rows again once the element exists.
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const filter = andLines(criteria, groupCriteria(node.path));
  const { query, rows } = useRecordPages<T>(kind, filter, sort, true, selectionId);
  const { fetchNextPage } = query;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const getScrollElement = useCallback(() => scrollElement, [scrollElement]);

  if (query.isPending) return <Spinner label={t('common.loading')} />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;

  const height = Math.min(Math.max(node.count, 1), VISIBLE_ROWS_PER_GROUP) * ROW_HEIGHT;
  return (
    <div role="rowgroup" ref={setScrollElement} className="list-group-rows" style={{ maxHeight: height }}>
      <RowBlock
        specs={specs}
        layout={layout}
        rows={rows}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        onLoadMore={loadMore}
        getScrollElement={getScrollElement}
        scrollMargin={0}
        rowHref={rowHref}
        firstRowIndex={null}
        ticks={ticks}
      />
    </div>
  );
}
