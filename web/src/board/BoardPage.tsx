import { DndContext, DragOverlay, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { fetchGroupCounts } from '../api/endpoints';
import { useLeadStatuses, useUsers } from '../api/queries';
import type { Language } from '../api/types';
import { Link, paths } from '../app/router';
import { formatNumber } from '../i18n/format';
import { EmptyState, ErrorNotice, Spinner } from '../ui/feedback';
import { CardFacts, type CardDragData } from './BoardCard';
import { boardFilter, leadStatusColumns, ownerColumns, type BoardColumn, type BoardGrouping } from './boardColumns';
import { BoardColumnView } from './BoardColumnView';
import { boardKeys, useMoveCard } from './useMoveCard';

/** Pause in typing, in milliseconds, after which the name filter sends its request, so not every key press does. */
const NAME_FILTER_DELAY_MS = 300;

/** Pointer travel in pixels before a press becomes a drag, so clicks on links and buttons still work. */
const DRAG_START_DISTANCE = 6;

const GROUPINGS: BoardGrouping[] = ['leadStatus', 'owner'];

/** Renders the board view of all leads: one column per lead status (or per owner), cards movable between them. */
export default function BoardPage({ selectionId }: { selectionId?: number } = {}) {
  void selectionId;
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [grouping, setGrouping] = useState<BoardGrouping>('leadStatus');
  const [nameInput, setNameInput] = useState('');
  const name = useDebouncedValue(nameInput.trim(), NAME_FILTER_DELAY_MS);
  const filter = useMemo(() => boardFilter(name), [name]);

  const statuses = useLeadStatuses(language);
  const users = useUsers();
  const counts = useQuery({
    queryKey: boardKeys.counts(grouping, filter),
    queryFn: ({ signal }) => fetchGroupCounts('persons', [grouping], filter, signal),
    // While a new name filter is counted, the columns stay in place instead of blinking. Counts of
    // the other grouping would fill the wrong columns, so a grouping change waits for its own.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[3] === grouping ? previous : undefined),
  });

  const columns = useMemo(() => {
    if (counts.data === undefined) return null;
    if (grouping === 'leadStatus') {
      if (statuses.data === undefined) return null;
      const all = leadStatusColumns(statuses.data, counts.data);
      // The column of persons without a usable status shows only when it has any.
      return all.filter((column) => column.target !== null || column.count > 0);
    }
    if (users.data === undefined) return null;
    return ownerColumns(users.data, counts.data, language);
  }, [grouping, statuses.data, users.data, counts.data, language]);

  const columnTitle = useCallback(
    (column: BoardColumn) => column.title ?? (column.id.startsWith('owner:') ? t('board.noOwnerColumn') : t('board.noLeadStatusColumn')),
    [t],
  );
  const { move, savingIds } = useMoveCard(filter, columnTitle);

  const listError = grouping === 'leadStatus' ? statuses.error : users.error;
  const total = counts.data?.total ?? null;

  let content;
  if (counts.isError || listError !== null) {
    content = (
      <ErrorNotice
        error={counts.error ?? listError}
        onRetry={() => {
          void counts.refetch();
          void statuses.refetch();
          void users.refetch();
        }}
      />
    );
  } else if (columns === null) {
    content = <Spinner label={t('common.loading')} />;
  } else if (total === 0 && name === '') {
    content = (
      <EmptyState
        title={t('board.emptyTitle')}
        action={
          <Link to={paths.companies} className="button button-primary">
            {t('board.emptyAction')}
          </Link>
        }
      >
        {t('board.emptyText')}
      </EmptyState>
    );
  } else if (total === 0) {
    content = (
      <EmptyState
        title={t('board.noMatchTitle', { name })}
        action={
          <button type="button" className="button button-secondary" onClick={() => setNameInput('')}>
            {t('filter.clear')}
          </button>
        }
      >
        {t('board.noMatchText')}
      </EmptyState>
    );
  } else {
    content = (
      <Board
        columns={columns}
        filter={filter}
        grouping={grouping}
        columnTitle={columnTitle}
        savingIds={savingIds}
        onMove={(person, from, to) => void move(person, from, to)}
      />
    );
  }

  return (
    <div className="page page-list page-board">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('board.title')}</h1>
          <p className="page-intro">{grouping === 'owner' ? t('board.introOwner') : t('board.intro')}</p>
        </div>
      </header>
      <div className="list-toolbar">
        <span className="list-count" role="status">
          {total === null ? '' : t('board.count', { count: total, formatted: formatNumber(total, language) })}
        </span>
        <div className="list-toolbar-controls">
          <label className="board-name-filter">
            <span className="visually-hidden">{t('board.filterName')}</span>
            <span className="icon icon-find" aria-hidden="true" />
            <input type="search" value={nameInput} placeholder={t('board.filterName')} onChange={(event) => setNameInput(event.target.value)} />
          </label>
          <div className="segmented" role="group" aria-label={t('list.groupBy')}>
            <span className="segmented-label" aria-hidden="true">
              {t('list.groupBy')}
            </span>
            {GROUPINGS.map((option) => (
              <button
                key={option}
                type="button"
                className="segmented-option"
                aria-pressed={grouping === option}
                onClick={() => setGrouping(option)}
              >
                {option === 'leadStatus' ? t('fields.leadStatus') : t('fields.owner')}
              </button>
            ))}
          </div>
        </div>
      </div>
      {content}
    </div>
  );
}

interface BoardProps {
  columns: BoardColumn[];
  filter: ReturnType<typeof boardFilter>;
  grouping: BoardGrouping;
  columnTitle: (column: BoardColumn) => string;
  savingIds: ReadonlySet<number>;
  onMove: CardMove;
}

type CardMove = (person: CardDragData['person'], from: BoardColumn, to: BoardColumn) => void;

/** Renders the columns side by side, with dragging between them. */
function Board({ columns, filter, grouping, columnTitle, savingIds, onMove }: BoardProps) {
  const { t } = useTranslation();
  const [dragged, setDragged] = useState<CardDragData | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: DRAG_START_DISTANCE } }));
  const targets = useMemo(() => columns.filter((column) => column.target !== null), [columns]);
  const announcements = useAnnouncements(columnTitle);

  function handleDragStart(event: DragStartEvent) {
    setDragged((event.active.data.current as CardDragData | undefined) ?? null);
  }

  function handleDragEnd(event: DragEndEvent) {
    setDragged(null);
    const data = event.active.data.current as CardDragData | undefined;
    const target = (event.over?.data.current as { column: BoardColumn } | undefined)?.column;
    if (data === undefined || target === undefined) return;
    onMove(data.person, data.column, target);
  }

  return (
    <DndContext
      sensors={sensors}
      onDragStart={handleDragStart}
      onDragEnd={handleDragEnd}
      onDragCancel={() => setDragged(null)}
      // dnd-kit scrolls once the pointer is within 20 % of a scroll edge by default, which moved the
      // board sideways while a card was only being carried to the next column.
      autoScroll={{ threshold: { x: 0.08, y: 0.15 } }}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.dragInstructions') } }}
    >
      <div className="board">
        {columns.map((column) => (
          <BoardColumnView
            key={column.id}
            column={column}
            filter={filter}
            grouping={grouping}
            targets={targets}
            columnTitle={columnTitle}
            savingIds={savingIds}
            dragging={dragged !== null}
            onMove={onMove}
          />
        ))}
      </div>
      {/* Without a drop animation: dnd-kit 6.3 left the animated copy on top of a card that
          re-rendered during the animation, which then blocked every later drag. */}
      <DragOverlay dropAnimation={null}>
        {dragged === null ? null : (
          <div className="board-card board-card-overlay">
            <div className="board-card-head">
              <span className="board-card-name">{dragged.person.fullName}</span>
            </div>
            <CardFacts person={dragged.person} grouping={grouping} />
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}

/** Screen reader messages while a card is dragged, in the user's language. */
function useAnnouncements(columnTitle: (column: BoardColumn) => string): Announcements {
  const { t } = useTranslation();
  const nameOf = (data: unknown) => (data as CardDragData | undefined)?.person.fullName ?? '';
  const titleOf = (data: unknown) => {
    const column = (data as { column?: BoardColumn } | undefined)?.column;
    return column === undefined ? null : columnTitle(column);
  };
  return {
    onDragStart: ({ active }) => t('board.announcePickedUp', { name: nameOf(active.data.current) }),
    onDragOver: ({ active, over }) => {
      const column = titleOf(over?.data.current);
      const name = nameOf(active.data.current);
      return column === null ? t('board.announceNotOver', { name }) : t('board.announceOver', { name, column });
    },
    onDragEnd: ({ active, over }) => {
      const column = titleOf(over?.data.current);
      const name = nameOf(active.data.current);
      return column === null ? t('board.announceCancelled', { name }) : t('board.announceDropped', { name, column });
    },
    onDragCancel: ({ active }) => t('board.announceCancelled', { name: nameOf(active.data.current) }),
  };
}

function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
