import { useDroppable } from '@dnd-kit/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { fetchPage } from '../api/endpoints';
import type { Criterion, Language, Person } from '../api/types';
import { formatNumber } from '../i18n/format';
import { ErrorNotice, Spinner } from '../ui/feedback';
import { BoardCard, CARD_GAP, CARD_HEIGHT, isLocked, LOCKED_CARD_HEIGHT } from './BoardCard';
import type { BoardColumn, BoardGrouping } from './boardColumns';
import { boardKeys, columnCriteria } from './useMoveCard';

/** Cards per request. A column shows about six at 1280×800, so one page fills it several times. */
const PAGE_SIZE = 50;

/** Cards before the end of what is loaded at which the next page is requested. */
const PREFETCH_CARDS = 15;

interface BoardColumnViewProps {
  column: BoardColumn;
  filter: Criterion[];
  /** The saved selection the board shows, or null for all leads. */
  selectionId: number | null;
  grouping: BoardGrouping;
  targets: BoardColumn[];
  columnTitle: (column: BoardColumn) => string;
  savingIds: ReadonlySet<number>;
  /** True while a card is dragged, so a column that takes no drops can show it. */
  dragging: boolean;
  onMove: (person: Person, from: BoardColumn, to: BoardColumn) => void;
}

/**
 * Renders one column: a header with the name and count, and the cards, loaded page by page as the user
 * scrolls. Only the cards in view are rendered (TanStack Virtual), so a column of thousands of
 * cards scrolls as smoothly as a column of ten.
 */
export function BoardColumnView({ column, filter, selectionId, grouping, targets, columnTitle, savingIds, dragging, onMove }: BoardColumnViewProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const titleId = useId();
  // In state rather than a ref, so the virtualiser renders again once the element exists.
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const criteria = useMemo(() => columnCriteria(filter, column), [filter, column]);
  const { setNodeRef, isOver } = useDroppable({ id: column.id, data: { column }, disabled: column.target === null });

  const query = useInfiniteQuery({
    queryKey: boardKeys.column(criteria, selectionId),
    queryFn: ({ pageParam, signal }) =>
      fetchPage<Person>(
        'persons',
        { filter: criteria, sort: 'lastName', limit: PAGE_SIZE, cursor: pageParam, includeTotal: false, ...(selectionId === null ? {} : { selectionId }) },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    // Loaded pages are only ever replaced whole, so comparing them with the previous result finds nothing to share.
    structuralSharing: false,
  });
  const pages = query.data?.pages;
  const cards = useMemo(() => pages?.flatMap((page) => page.items) ?? [], [pages]);
  const hasMore = query.hasNextPage;

  const virtualizer = useVirtualizer({
    count: hasMore ? cards.length + 1 : cards.length,
    getScrollElement: () => scrollElement,
    estimateSize: (index) => {
      const person = cards[index];
      return (person !== undefined && isLocked(person, grouping) ? LOCKED_CARD_HEIGHT : CARD_HEIGHT) + CARD_GAP;
    },
    getItemKey: (index) => cards[index]?.id ?? 'loading',
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  // Heights depend on the cards and the grouping, so a changed list is measured again.
  useEffect(() => virtualizer.measure(), [virtualizer, cards, grouping]);

  const { fetchNextPage, isFetchingNextPage } = query;
  useEffect(() => {
    if (hasMore && !isFetchingNextPage && lastIndex >= cards.length - PREFETCH_CARDS) void fetchNextPage();
  }, [hasMore, isFetchingNextPage, lastIndex, cards.length, fetchNextPage]);

  const title = columnTitle(column);
  const classes = ['board-column'];
  if (column.target === null) classes.push('board-column-no-drop');
  if (dragging && column.target === null) classes.push('board-column-closed');
  if (isOver && column.target !== null) classes.push('board-column-over');

  let body;
  if (query.isPending) body = <Spinner label={t('common.loading')} />;
  else if (query.isError) body = <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  else if (cards.length === 0) body = <p className="board-column-empty">{t('board.columnEmpty')}</p>;
  else {
    body = (
      <div role="list" aria-labelledby={titleId} className="board-cards" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const person = cards[item.index];
          const style = { transform: `translateY(${item.start}px)`, height: item.size - CARD_GAP };
          if (person === undefined) {
            return (
              <div key="loading" className="board-card-slot board-card-loading" style={style}>
                {t('list.loadingMore')}
              </div>
            );
          }
          return (
            <div key={person.id} role="listitem" aria-setsize={column.count} aria-posinset={item.index + 1} className="board-card-slot" style={style}>
              <BoardCard
                // A card that becomes locked or unlocked mounts again, so dnd-kit registers it
                // afresh instead of relying on a changed disabled flag.
                key={`${person.id}:${isLocked(person, grouping)}`}
                person={person}
                column={column}
                grouping={grouping}
                targets={targets}
                columnTitle={columnTitle}
                saving={savingIds.has(person.id)}
                onMove={onMove}
              />
            </div>
          );
        })}
      </div>
    );
  }

  return (
    <section ref={setNodeRef} className={classes.join(' ')} aria-labelledby={titleId}>
      <h2 id={titleId} className="board-column-header" title={column.description ?? undefined}>
        <span className="board-column-title">{title}</span>{' '}
        <span className="badge badge-count">{formatNumber(column.count, language)}</span>
      </h2>
      <div ref={setScrollElement} className="board-column-body">
        {body}
      </div>
    </section>
  );
}
