import { useDraggable } from '@dnd-kit/core';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Language, Person } from '../api/types';
import { Link, paths } from '../app/router';
import { formatNumber } from '../i18n/format';
import { notEnabledReason } from '../persons/LeadStatusField';
import { Popover } from '../ui/Popover';
import type { BoardColumn, BoardGrouping } from './boardColumns';

/** Card heights in pixels. They are fixed, so the column computes its scroll height without measuring. */
export const CARD_HEIGHT = 96;
export const LOCKED_CARD_HEIGHT = 148;
export const CARD_GAP = 8;

/** Data of a dragged card, which the board reads on the drop. */
export interface CardDragData {
  person: Person;
  column: BoardColumn;
}

interface BoardCardProps {
  person: Person;
  column: BoardColumn;
  grouping: BoardGrouping;
  /** Columns the card can move to, in board order. */
  targets: BoardColumn[];
  columnTitle: (column: BoardColumn) => string;
  saving: boolean;
  onMove: (person: Person, from: BoardColumn, to: BoardColumn) => void;
}

/** Returns whether a card is locked, because its lead status cannot change while it is not enabled. */
export function isLocked(person: Person, grouping: BoardGrouping): boolean {
  return grouping === 'leadStatus' && !person.leadStatusEnabled;
}

/** Renders a person on the board: draggable by mouse or touch, and movable by keyboard with its menu. */
/**
 * The card that a keyboard move sent to another column. The card mounts again in that column once
 * it has loaded there, and then takes the focus, so a keyboard user keeps their place.
 */
const FOCUS_AFTER_MOVE_MS = 5000;
let focusAfterMove: { personId: number; columnId: string; until: number } | null = null;

export function BoardCard({ person, column, grouping, targets, columnTitle, saving, onMove }: BoardCardProps) {
  const { t } = useTranslation();
  const nameLink = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    const pending = focusAfterMove;
    if (pending === null || pending.personId !== person.id || pending.columnId !== column.id) return;
    focusAfterMove = null;
    if (Date.now() <= pending.until) nameLink.current?.focus();
  }, [person.id, column.id]);
  const locked = isLocked(person, grouping);
  const reasonId = useId();
  const data: CardDragData = { person, column };
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: `person:${person.id}`, data, disabled: locked || saving });
  const reason = locked ? notEnabledReason(t, person) : null;

  const classes = ['board-card'];
  if (locked) classes.push('board-card-locked');
  if (isDragging) classes.push('board-card-dragging');
  if (saving) classes.push('board-card-saving');

  return (
    // Only the pointer listeners are attached: the keyboard moves cards with the menu button.
    <article ref={setNodeRef} className={classes.join(' ')} aria-describedby={reason === null ? undefined : reasonId} {...listeners}>
      <div className="board-card-head">
        {locked ? <span className="icon icon-lock board-card-lock" title={reason ?? undefined} aria-hidden="true" /> : null}
        <Link ref={nameLink} to={paths.person(person.id)} className="board-card-name" title={person.fullName} draggable={false}>
          {person.fullName}
        </Link>
        {locked || saving ? null : (
          <MoveMenu person={person} column={column} targets={targets} columnTitle={columnTitle} onMove={onMove} />
        )}
      </div>
      <CardFacts person={person} grouping={grouping} />
      {reason === null ? null : (
        <p id={reasonId} className="board-card-reason" title={reason}>
          {reason}
        </p>
      )}
      {saving ? <span className="saving board-card-status">{t('common.saving')}</span> : null}
    </article>
  );
}

/** Renders the card's lines under the name: company and category, our contact, status and days in it. */
export function CardFacts({ person, grouping }: { person: Person; grouping: BoardGrouping }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const company = person.company?.name ?? t('persons.noCompany');
  const companyLine = person.category === null ? company : `${company} · ${person.category.name}`;
  const days =
    person.daysInStatus === null ? null : t('persons.days', { count: person.daysInStatus, formatted: formatNumber(person.daysInStatus, language) });

  return (
    <>
      <p className="board-card-line" title={companyLine}>
        {companyLine}
      </p>
      <p className="board-card-line board-card-meta">
        {grouping === 'owner' ? (
          // The column names the owner, so the card names the lead status instead.
          <span className="board-card-fact" title={t('fields.leadStatus')}>
            {person.leadStatus?.name ?? t('leadStatus.none')}
          </span>
        ) : (
          <span className="board-card-owner" title={t('fields.owner')}>
            <span className="icon icon-person" aria-hidden="true" />
            <span className="visually-hidden">{t('fields.owner')}: </span>
            <span className="board-card-fact">{person.owner?.name ?? t('common.nobody')}</span>
          </span>
        )}
        {days === null ? null : (
          <span className="board-card-days" title={t('fields.daysInStatus')}>
            {days}
          </span>
        )}
      </p>
    </>
  );
}

interface MoveMenuProps {
  person: Person;
  column: BoardColumn;
  targets: BoardColumn[];
  columnTitle: (column: BoardColumn) => string;
  onMove: (person: Person, from: BoardColumn, to: BoardColumn) => void;
}

/** Renders the keyboard way to move a card: a button that opens the list of the other columns. */
function MoveMenu({ person, column, targets, columnTitle, onMove }: MoveMenuProps) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const others = targets.filter((target) => target.id !== column.id);
  const label = t('board.moveTo', { name: person.fullName });

  if (others.length === 0) return null;
  return (
    <>
      <button
        ref={button}
        type="button"
        className="icon-button board-card-move"
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        title={label}
        onClick={() => setOpen((current) => !current)}
      >
        <span className="icon icon-move" aria-hidden="true" />
      </button>
      {open ? (
        <Popover anchor={button} label={label} onClose={() => setOpen(false)} width={240}>
          <p className="board-move-title">{t('board.moveMenuTitle')}</p>
          <ul className="board-move-list" onKeyDown={moveFocusWithArrows}>
            {others.map((target) => (
              <li key={target.id}>
                <button
                  type="button"
                  className="board-move-option"
                  onClick={() => {
                    setOpen(false);
                    focusAfterMove = { personId: person.id, columnId: target.id, until: Date.now() + FOCUS_AFTER_MOVE_MS };
                    onMove(person, column, target);
                  }}
                >
                  {columnTitle(target)}
                </button>
              </li>
            ))}
          </ul>
        </Popover>
      ) : null}
    </>
  );
}

/** Moves the focus between the options of the move menu with the arrow keys, Home and End. */
function moveFocusWithArrows(event: KeyboardEvent<HTMLUListElement>) {
  const options = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button'));
  const current = options.indexOf(document.activeElement as HTMLButtonElement);
  let next: number | null = null;
  if (event.key === 'ArrowDown') next = current < 0 ? 0 : (current + 1) % options.length;
  else if (event.key === 'ArrowUp') next = current <= 0 ? options.length - 1 : current - 1;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = options.length - 1;
  if (next === null) return;
  event.preventDefault();
  options[next]?.focus();
}
