import { useQuery, type QueryClient } from '@tanstack/react-query';

import { fetchPage, selections, type RecordKind } from '../api/endpoints';
import type { Selection, SelectionEntity } from '../api/types';

/** Query keys of the selection screens. Everything starts with 'selections', so one prefix refreshes all. */
export const selectionKeys = {
  all: ['selections'] as const,
  list: ['selections', 'list'] as const,
  record: (id: number) => ['selections', 'record', id] as const,
  total: (id: number) => ['selections', 'total', id] as const,
};

/** Returns the record list a selection of this entity shows: persons or companies. */
export function recordKindOf(entity: SelectionEntity): RecordKind {
  return entity === 'person' ? 'persons' : 'companies';
}

export function useSelections() {
  return useQuery({ queryKey: selectionKeys.list, queryFn: () => selections.list(), select: (response) => response.items });
}

export function useSelection(id: number) {
  return useQuery({ queryKey: selectionKeys.record(id), queryFn: () => selections.get(id), retry: false });
}

/**
 * Counts all records of a selection, without the column filters the user set on its list. Bulk
 * updates and the make-static confirmation act on all of them.
 */
export function useSelectionTotal(selection: Selection) {
  return useQuery({
    queryKey: [...selectionKeys.total(selection.id), selection.version],
    queryFn: ({ signal }) =>
      fetchPage(recordKindOf(selection.entity), { filter: [], sort: 'name', limit: 1, selectionId: selection.id }, signal),
    select: (page) => page.total,
  });
}

/**
 * Refreshes what a change to a selection can alter: the selection screens and the record lists of
 * its kind (a selection's list is cached under the record kind).
 */
export async function refreshSelection(queryClient: QueryClient, entity: SelectionEntity): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: selectionKeys.all });
  await queryClient.invalidateQueries({ queryKey: [recordKindOf(entity)] });
}
