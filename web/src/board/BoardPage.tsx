import { DndContext, DragOverlay, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../api/client';
import { fetchGroupCounts, selections } from '../api/endpoints';
import { useLeadStatuses, useUsers } from '../api/queries';
import type { Language, Selection } from '../api/types';
import { Link, navigate, paths, useLocation } from '../app/router';
import { formatNumber } from '../i18n/format';
import { EmptyState, ErrorNotice, Spinner } from '../ui/feedback';
import { CardFacts, type CardDragData } from './BoardCard';
import { BoardFilterBar } from './BoardFilterBar';
import {
  activeFilterCount,
  boardFilter,
  leadStatusColumns,
  NO_TOOLBAR_FILTERS,
  ownerColumns,
  REGISTERED_PERIODS,
  type BoardColumn,
  type BoardGrouping,
  type BoardToolbarFilters,
} from './boardColumns';
import { BoardColumnView } from './BoardColumnView';
import { boardKeys, useMoveCard } from './useMoveCard';

/** Pause in typing, in milliseconds, after which the name filter sends its request, so not every key press does. */
const NAME_FILTER_DELAY_MS = 300;

/** Pointer travel in pixels before a press becomes a drag, so clicks on links and buttons still work. */
const DRAG_START_DISTANCE = 6;

const GROUPINGS: BoardGrouping[] = ['leadStatus', 'owner'];

/** Renders the board of all leads, or of a saved person selection: one column per lead status (or per owner), cards movable between them. */
export default function BoardPage({ selectionId }: { selectionId?: number } = {}) {
  const { t } = useTranslation();
  const scopeId = selectionId ?? null;
  const selection = useQuery({
    queryKey: ['selections', 'record', scopeId],
    queryFn: () => selections.get(scopeId ?? 0),
    enabled: scopeId !== null,
  });

  if (scopeId === null) return <LoadedBoard selection={null} />;
  if (selection.isPending) return <Spinner label={t('common.loading')} />;
  if (selection.isError) {
    return (
      <div className="page">
        {isApiError(selection.error, 'NOT_FOUND') ? (
          <EmptyState
            title={t('board.selectionNotFoundTitle')}
            action={
              <Link to={paths.selections} className="button button-secondary">
                {t('board.toSelections')}
              </Link>
            }
          >
            {t('board.selectionNotFoundText')}
          </EmptyState>
        ) : (
          <ErrorNotice error={selection.error} onRetry={() => void selection.refetch()} />
        )}
      </div>
    );
  }
  if (selection.data.entity !== 'person') {
    return (
      <div className="page">
        <EmptyState
          title={t('board.companySelectionTitle')}
          action={
            <Link to={paths.selection(selection.data.id)} className="button button-secondary">
              {t('board.toSelection')}
            </Link>
          }
        >
          {t('board.companySelectionText')}
        </EmptyState>
      </div>
    );
  }
  return <LoadedBoard selection={selection.data} />;
}

function LoadedBoard({ selection }: { selection: Selection | null }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const selectionId = selection?.id ?? null;
  const location = useLocation();
  const [initial] = useState(() => boardStateFromAddress(location.searchParams));
  const [grouping, setGrouping] = useState<BoardGrouping>(initial.grouping);
  const [nameInput, setNameInput] = useState(initial.name);
  const [toolbar, setToolbar] = useState<BoardToolbarFilters>(initial.toolbar);
  const name = useDebouncedValue(nameInput.trim(), NAME_FILTER_DELAY_MS);

  // The grouping and filters live in the address too, so a reload or a shared link shows the same board.
  const { pathname } = location;
  useEffect(() => {
    const query = boardAddressQuery(grouping, name, toolbar);
    navigate(query === '' ? pathname : `${pathname}?${query}`, { replace: true });
  }, [pathname, grouping, name, toolbar]);
  const filter = useMemo(() => boardFilter(selection === null, name, toolbar), [selection, name, toolbar]);
  const filtered = name !== '' || activeFilterCount(toolbar) > 0;

  const statuses = useLeadStatuses(language);
  const users = useUsers();
  const counts = useQuery({
    queryKey: boardKeys.counts(grouping, filter, selectionId),
    queryFn: ({ signal }) => fetchGroupCounts('persons', [grouping], filter, signal, selectionId ?? undefined),
    // While a new filter is counted, the columns stay in place instead of blinking. Counts of
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
  const { move, savingIds } = useMoveCard(filter, selectionId, columnTitle);

  const listError = grouping === 'leadStatus' ? statuses.error : users.error;
  const total = counts.data?.total ?? null;

  function clearFilters() {
    setNameInput('');
    setToolbar(NO_TOOLBAR_FILTERS);
  }

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
  } else if (total === 0 && !filtered && selection !== null) {
    content = (
      <EmptyState
        title={t('board.emptySelectionTitle')}
        action={
          <Link to={paths.selection(selection.id)} className="button button-primary">
            {t('board.toSelection')}
          </Link>
        }
      >
        {selection.kind === 'static' ? t('board.emptyStaticSelectionText') : t('board.emptyDynamicSelectionText')}
      </EmptyState>
    );
  } else if (total === 0 && !filtered) {
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
        title={name === '' ? t('board.noFilterMatchTitle') : t('board.noMatchTitle', { name })}
        action={
          <button type="button" className="button button-secondary" onClick={clearFilters}>
            {activeFilterCount(toolbar) === 0 ? t('filter.clear') : t('board.clearFilters')}
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
        selectionId={selectionId}
        grouping={grouping}
        columnTitle={columnTitle}
        savingIds={savingIds}
        onMove={(person, from, to) => void move(person, from, to)}
      />
    );
  }

  let intro = grouping === 'owner' ? t('board.introOwner') : t('board.intro');
  if (selection !== null) intro = grouping === 'owner' ? t('board.introSelectionOwner') : t('board.introSelection');

  let countText = '';
  if (total !== null) {
    const count = { count: total, formatted: formatNumber(total, language) };
    countText = selection === null ? t('board.count', count) : t('board.countPersons', count);
  }

  return (
    <div className="page page-list page-board">
      {selection === null ? null : (
        <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
          <Link to={paths.selections}>{t('nav.selections')}</Link>
          <span aria-hidden="true"> / </span>
          <Link to={paths.selection(selection.id)}>{selection.name}</Link>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{t('board.title')}</span>
        </nav>
      )}
      <header className="page-header">
        <div>
          <h1 className="page-title">{selection === null ? t('board.title') : t('board.selectionTitle', { name: selection.name })}</h1>
          <p className="page-intro">{intro}</p>
        </div>
        <BoardPicker selectionId={selectionId} />
      </header>
      <div className="list-toolbar">
        <span className="list-count" role="status">
          {countText}
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
      <BoardFilterBar filters={toolbar} onChange={setToolbar} leadCategoriesOnly={selection === null} />
      {content}
    </div>
  );
}

/** Lets the user switch between the board of all leads and the boards of saved person selections. */
function BoardPicker({ selectionId }: { selectionId: number | null }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['selections', 'list', 'person'], queryFn: () => selections.list('person'), select: (response) => response.items });
  const items = list.data ?? [];
  const known = selectionId === null || items.some((item) => item.id === selectionId);

  return (
    <label className="inline-field board-picker">
      <span>{t('board.show')}</span>
      <select
        value={selectionId === null ? '' : String(selectionId)}
        onChange={(event) => navigate(event.target.value === '' ? paths.board : paths.selectionBoard(Number(event.target.value)))}
      >
        <option value="">{t('board.allLeads')}</option>
        {known ? null : <option value={String(selectionId)}>{t('board.thisSelection')}</option>}
        {items.length > 0 ? (
          <optgroup label={t('board.selections')}>
            {items.map((item) => (
              <option key={item.id} value={String(item.id)}>
                {item.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </label>
  );
}

interface BoardProps {
  columns: BoardColumn[];
  filter: ReturnType<typeof boardFilter>;
  selectionId: number | null;
  grouping: BoardGrouping;
  columnTitle: (column: BoardColumn) => string;
  savingIds: ReadonlySet<number>;
  onMove: CardMove;
}

type CardMove = (person: CardDragData['person'], from: BoardColumn, to: BoardColumn) => void;

/** Renders the columns side by side, with dragging between them. */
function Board({ columns, filter, selectionId, grouping, columnTitle, savingIds, onMove }: BoardProps) {
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
            selectionId={selectionId}
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

/** Maximum length of the name or country text read from the address, as the API accepts 200 characters per value. */
const MAX_ADDRESS_TEXT = 200;

/** Reads the board's grouping and filters from the address; values that make no sense are ignored. */
function boardStateFromAddress(params: URLSearchParams): { grouping: BoardGrouping; name: string; toolbar: BoardToolbarFilters } {
  const text = (key: string) => (params.get(key) ?? '').slice(0, MAX_ADDRESS_TEXT);
  const owner = text('owner');
  const category = text('category');
  const registered = text('registered');
  return {
    grouping: params.get('groupBy') === 'owner' ? 'owner' : 'leadStatus',
    name: text('name'),
    toolbar: {
      owner: owner === 'currentUser' || owner === 'none' || /^[1-9]\d{0,9}$/.test(owner) ? owner : '',
      category: /^[1-9]\d{0,9}$/.test(category) ? category : '',
      country: text('country'),
      registered: Object.hasOwn(REGISTERED_PERIODS, registered) ? registered : '',
    },
  };
}

/** Writes the board's grouping and filters as a query string, leaving out what is off. */
function boardAddressQuery(grouping: BoardGrouping, name: string, toolbar: BoardToolbarFilters): string {
  const params = new URLSearchParams();
  if (grouping === 'owner') params.set('groupBy', 'owner');
  if (name !== '') params.set('name', name);
  for (const [key, value] of Object.entries(toolbar)) if (value.trim() !== '') params.set(key, value.trim());
  return params.toString();
}
