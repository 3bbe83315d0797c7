import type { TFunction } from 'i18next';
import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../api/client';
import { persons } from '../api/endpoints';
import { queryKeys } from '../api/queries';
import type { Criterion, Page, Person } from '../api/types';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toast';
import type { BoardColumn } from './boardColumns';

/** Query keys of the board. They start with 'persons', so every person change marks them stale. */
export const boardKeys = {
  counts: (by: string, filter: Criterion[], selectionId: number | null) => ['persons', 'board', 'counts', by, filter, selectionId] as const,
  column: (criteria: Criterion[], selectionId: number | null) => ['persons', 'board', 'column', criteria, selectionId] as const,
};

/** Returns the criteria of one column: the board's filter and the column's own lines. */
export function columnCriteria(filter: Criterion[], column: BoardColumn): Criterion[] {
  return [...filter, ...column.criteria];
}

/**
 * Moves a card to another column by saving the person's lead status or owner, with the version
 * the card was loaded with. A rejected move leaves the card where it was and a toast explains why.
 */
export function useMoveCard(filter: Criterion[], selectionId: number | null, columnTitle: (column: BoardColumn) => string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [savingIds, setSavingIds] = useState<ReadonlySet<number>>(new Set());
  // The same set, read synchronously, so a second drop of a card that is still saving is ignored.
  const saving = useRef(new Set<number>());

  const setSaving = useCallback((personId: number, isSaving: boolean) => {
    if (isSaving) saving.current.add(personId);
    else saving.current.delete(personId);
    setSavingIds((current) => {
      const next = new Set(current);
      if (isSaving) next.add(personId);
      else next.delete(personId);
      return next;
    });
  }, []);

  const move = useCallback(
    async (person: Person, from: BoardColumn, to: BoardColumn) => {
      if (to.target === null || to.id === from.id || saving.current.has(person.id)) return;
      const sourceKey = boardKeys.column(columnCriteria(filter, from), selectionId);
      const targetKey = boardKeys.column(columnCriteria(filter, to), selectionId);
      setSaving(person.id, true);

      try {
        const saved = await persons.update(person.id, person.version, { [to.target.field]: to.target.value }, 'board');
        queryClient.setQueryData(queryKeys.person(saved.id), saved);
        // Lists and cards elsewhere show the old value, so they load again when next shown.
        await queryClient.invalidateQueries({ queryKey: ['persons'], refetchType: 'none' });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: targetKey }),
          queryClient.invalidateQueries({ queryKey: ['persons', 'board', 'counts'] }),
        ]);
        // The source column drops the card locally: loading its pages again costs one request
        // per page the user has scrolled through.
        queryClient.setQueryData<InfiniteData<Page<Person>>>(sourceKey, (data) => removePerson(data, person.id));
        toast(t('board.moved', { name: saved.fullName, column: columnTitle(to) }));
      } catch (error) {
        // The card may be out of date (a conflict) or locked since (a category change). The
        // message comes after the reload, because it states that the board is up to date.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: sourceKey }),
          queryClient.invalidateQueries({ queryKey: ['persons', 'board', 'counts'] }),
        ]);
        toast(moveFailedMessage(t, error, person.fullName));
      } finally {
        setSaving(person.id, false);
      }
    },
    [filter, selectionId, columnTitle, queryClient, setSaving, t, toast],
  );

  return { move, savingIds };
}

function removePerson(data: InfiniteData<Page<Person>> | undefined, personId: number): InfiniteData<Page<Person>> | undefined {
  if (data === undefined) return undefined;
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== personId) })) };
}

function moveFailedMessage(t: TFunction, error: unknown, name: string): string {
  if (isApiError(error, 'VERSION_CONFLICT')) return t('board.moveConflict', { name });
  if (isApiError(error, 'LEAD_STATUS_NOT_ENABLED')) return t('board.moveNotEnabled', { name });
  return t('board.moveFailed', { name, reason: describeError(t, error) });
}
