import {
  DndContext,
  DragOverlay,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { Category, Language, LeadStatus } from '../../api/types';
import { formatNumber } from '../../i18n/format';
import type { AnyListItem, ListItemUsage, ListKind } from '../adminApi';

/** Pixels the pointer must travel before a drag starts, so a click on the handle stays a click. */
const DRAG_START_DISTANCE = 4;

interface ListItemsTableProps {
  kind: ListKind;
  /** The items shown, in list order. */
  items: AnyListItem[];
  usages: Map<number, ListItemUsage>;
  /** True while a reorder is saved, so moving waits until it is done. */
  reordering: boolean;
  onMove: (id: number, toIndex: number) => void;
  onEdit: (item: AnyListItem) => void;
  onDelete: (item: AnyListItem) => void;
  onRestore: (item: AnyListItem) => void;
  onMakeDefault: (item: LeadStatus) => void;
}

/**
 * Renders a list's items in list order. Rows move by dragging their handle, or by keyboard with
 * the move up and move down buttons.
 */
export function ListItemsTable(props: ListItemsTableProps) {
  const { t } = useTranslation();
  const { kind, items, reordering, onMove } = props;
  const [draggedId, setDraggedId] = useState<number | null>(null);
  const [overId, setOverId] = useState<number | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: DRAG_START_DISTANCE } }));
  const announcements = useAnnouncements(items);

  const draggedIndex = items.findIndex((item) => item.id === draggedId);
  const overIndex = items.findIndex((item) => item.id === overId);
  const dragged = items[draggedIndex];

  function handleDragStart(event: DragStartEvent) {
    setDraggedId(Number(event.active.id));
  }

  function handleDragOver(event: DragOverEvent) {
    setOverId(event.over === null ? null : Number(event.over.id));
  }

  function handleDragEnd(event: DragEndEvent) {
    setDraggedId(null);
    setOverId(null);
    if (event.over === null) return;
    const toIndex = items.findIndex((item) => item.id === Number(event.over?.id));
    const id = Number(event.active.id);
    if (toIndex === -1 || items[toIndex]?.id === id) return;
    onMove(id, toIndex);
  }

  return (
    <DndContext
      sensors={sensors}
      onDragStart={handleDragStart}
      onDragOver={handleDragOver}
      onDragEnd={handleDragEnd}
      onDragCancel={() => {
        setDraggedId(null);
        setOverId(null);
      }}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('admin.lists.dragInstructions') } }}
    >
      <div className="admin-table-frame">
        <table className="simple-table admin-table">
          <thead>
            <tr>
              <th className="admin-col-handle">
                <span className="visually-hidden">{t('admin.lists.order')}</span>
              </th>
              <th>{t('admin.lists.name')}</th>
              <th>{t('admin.lists.description')}</th>
              {kind === 'categories' ? (
                <>
                  <th>{t('fields.categoryGroup')}</th>
                  <th className="admin-col-wrap">{t('admin.lists.leadStatusEnabled')}</th>
                </>
              ) : null}
              <th className="admin-col-number">{t('admin.lists.usage')}</th>
              <th className="admin-col-actions">
                <span className="visually-hidden">{t('admin.lists.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => {
              let dropMark: 'before' | 'after' | null = null;
              if (draggedId !== null && overIndex === index && draggedIndex !== index) {
                dropMark = draggedIndex < index ? 'after' : 'before';
              }
              return (
                <ListItemRow
                  key={item.id}
                  {...props}
                  item={item}
                  index={index}
                  count={items.length}
                  dropMark={dropMark}
                  moveDisabled={reordering}
                  onMove={onMove}
                />
              );
            })}
          </tbody>
        </table>
      </div>
      <DragOverlay dropAnimation={null}>
        {dragged === undefined ? null : (
          <div className="admin-drag-overlay">
            <span className="admin-drag-handle" aria-hidden="true">
              ⠿
            </span>
            {dragged.name}
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}

interface ListItemRowProps extends ListItemsTableProps {
  item: AnyListItem;
  index: number;
  count: number;
  dropMark: 'before' | 'after' | null;
  moveDisabled: boolean;
}

function ListItemRow({ kind, item, index, count, usages, dropMark, moveDisabled, onMove, onEdit, onDelete, onRestore, onMakeDefault }: ListItemRowProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const draggable = useDraggable({ id: item.id, disabled: moveDisabled });
  const droppable = useDroppable({ id: item.id });
  const status = kind === 'lead-statuses' ? (item as LeadStatus) : null;
  const category = kind === 'categories' ? (item as Category) : null;
  const usage = usages.get(item.id);

  const classes = ['admin-row'];
  if (item.deleted) classes.push('admin-row-deleted');
  if (draggable.isDragging) classes.push('admin-row-dragging');
  if (dropMark !== null) classes.push(`admin-row-drop-${dropMark}`);

  return (
    <tr
      ref={(node) => {
        draggable.setNodeRef(node);
        droppable.setNodeRef(node);
      }}
      className={classes.join(' ')}
    >
      <td className="admin-col-handle">
        <div className="admin-order">
          <button
            type="button"
            ref={draggable.setActivatorNodeRef}
            className="admin-drag-handle icon-button"
            aria-label={t('admin.lists.dragHandle', { name: item.name })}
            disabled={moveDisabled}
            // Only the pointer listeners are attached: the keyboard uses the move buttons of the row.
            {...draggable.listeners}
            tabIndex={-1}
          >
            <span aria-hidden="true">⠿</span>
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('admin.lists.moveUp', { name: item.name })}
            title={t('admin.lists.moveUp', { name: item.name })}
            disabled={moveDisabled || index === 0}
            onClick={() => onMove(item.id, index - 1)}
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('admin.lists.moveDown', { name: item.name })}
            title={t('admin.lists.moveDown', { name: item.name })}
            disabled={moveDisabled || index === count - 1}
            onClick={() => onMove(item.id, index + 1)}
          >
            <span aria-hidden="true">↓</span>
          </button>
        </div>
      </td>
      <td>
        <ItemName item={item} language={language}>
          {status?.isDefault ? <span className="badge admin-badge-default">{t('admin.lists.default')}</span> : null}
          {item.deleted ? <span className="badge badge-muted">{t('admin.lists.deleted')}</span> : null}
        </ItemName>
      </td>
      <td className="admin-col-description">{item.description ?? <span className="muted">—</span>}</td>
      {category !== null ? (
        <>
          <td className="nowrap">{t(`categoryGroups.${category.categoryGroup}`)}</td>
          <td>{category.leadStatusEnabled ? t('common.yes') : <span className="muted">{t('common.no')}</span>}</td>
        </>
      ) : null}
      <td className="admin-col-number nowrap">
        {usage === undefined ? <span className="muted">…</span> : <UsageText kind={kind} usage={usage} language={language} />}
      </td>
      <td className="admin-col-actions">
        {/* Left-aligned, so the buttons line up in every row even where Maak standaard is missing. */}
        <div className="admin-actions admin-actions-start">
          {item.deleted ? (
            <button
              type="button"
              className="button button-secondary button-small"
              aria-label={t('admin.lists.restoreItem', { name: item.name })}
              onClick={() => onRestore(item)}
            >
              {t('common.restore')}
            </button>
          ) : (
            <>
              <button
                type="button"
                className="button button-ghost button-small"
                aria-label={t('admin.lists.editItem', { name: item.name })}
                onClick={() => onEdit(item)}
              >
                {t('common.edit')}
              </button>
              <DeleteButton item={item} isDefault={status?.isDefault ?? false} onDelete={onDelete} />
              {status !== null && !status.isDefault ? (
                <button
                  type="button"
                  className="button button-ghost button-small"
                  aria-label={t('admin.lists.makeDefaultItem', { name: item.name })}
                  onClick={() => onMakeDefault(status)}
                >
                  {t('admin.lists.makeDefault')}
                </button>
              ) : null}
            </>
          )}
        </div>
      </td>
    </tr>
  );
}

/** Renders the delete button, disabled with the reason for the default status, which cannot be deleted. */
function DeleteButton({ item, isDefault, onDelete }: { item: AnyListItem; isDefault: boolean; onDelete: (item: AnyListItem) => void }) {
  const { t } = useTranslation();
  const reason = isDefault ? t('admin.lists.defaultNotDeletable') : undefined;
  return (
    <button
      type="button"
      className="button button-ghost button-small button-danger-text"
      aria-label={t('admin.lists.deleteItem', { name: item.name })}
      aria-description={reason}
      title={reason}
      disabled={isDefault}
      onClick={() => onDelete(item)}
    >
      {t('common.delete')}
    </button>
  );
}

/**
 * Shows the name in the user's language, followed by the badges in `children`, with the other
 * language's name small beneath it.
 */
export function ItemName({ item, language, children }: { item: AnyListItem; language: Language; children?: ReactNode }) {
  const other = language === 'nl' ? item.nameEn : item.nameNl;
  const otherLanguage: Language = language === 'nl' ? 'en' : 'nl';
  return (
    <span className="admin-item-name">
      <span className="admin-item-name-line">
        <span className="admin-item-name-main">{item.name}</span>
        {children}
      </span>
      {other !== null && other !== item.name ? (
        <span className="admin-item-name-other" lang={otherLanguage}>
          {other}
        </span>
      ) : null}
    </span>
  );
}

/** Returns "1 bedrijf", "3 personen" and the like, with the number formatted for the language. */
export function countPhrase(t: TFunction, noun: 'companies' | 'persons', count: number, language: Language): string {
  return t(`admin.lists.${noun}`, { count, formatted: formatNumber(count, language) });
}

export function UsageText({ kind, usage, language }: { kind: ListKind; usage: ListItemUsage; language: Language }): ReactNode {
  const { t } = useTranslation();
  const persons = countPhrase(t, 'persons', usage.persons, language);
  if (kind === 'lead-statuses') return persons;
  return (
    <span className="admin-usage">
      <span>{countPhrase(t, 'companies', usage.companies, language)}</span>
      <span>{persons}</span>
    </span>
  );
}

/** Screen reader messages while a row is dragged, in the user's language. */
function useAnnouncements(items: AnyListItem[]): Announcements {
  const { t } = useTranslation();
  const nameOf = (id: string | number | undefined) => items.find((item) => item.id === Number(id))?.name ?? '';
  const positionOf = (id: string | number | undefined) => items.findIndex((item) => item.id === Number(id)) + 1;
  return {
    onDragStart: ({ active }) => t('admin.lists.announcePickedUp', { name: nameOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over === null
        ? t('admin.lists.announceNotOver', { name: nameOf(active.id) })
        : t('admin.lists.announceOver', { name: nameOf(active.id), position: positionOf(over.id) }),
    onDragEnd: ({ active, over }) =>
      over === null
        ? t('admin.lists.announceCancelled', { name: nameOf(active.id) })
        : t('admin.lists.announceDropped', { name: nameOf(active.id), position: positionOf(over.id) }),
    onDragCancel: ({ active }) => t('admin.lists.announceCancelled', { name: nameOf(active.id) }),
  };
}
