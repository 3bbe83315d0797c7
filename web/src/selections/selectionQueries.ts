import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

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

// Selections are saved and changed on other screens too (find, board), so these screens read them
// again whenever they open instead of trusting a cached copy.
export function useSelections() {
  return useQuery({ queryKey: selectionKeys.list, queryFn: () => selections.list(), select: (response) => response.items, staleTime: 0 });
}

export function useSelection(id: number) {
  return useQuery({ queryKey: selectionKeys.record(id), queryFn: () => selections.get(id), staleTime: 0 });
}

/**
 * Reloads the cached record pages and group counts of a selection that are older than its last
 * change, such as pages of a dynamic selection whose criteria were edited on the find screen.
 */
export function useFreshSelectionRecords(selection: Selection) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const changedAt = Date.parse(selection.updatedAt);
    void queryClient.invalidateQueries({
      queryKey: [recordKindOf(selection.entity)],
      predicate: (query) => {
        const key = query.queryKey;
        // NOTE: relies on the keys of useRecordPages and GroupedBody, which end with the selection id.
        const ofSelection = (key[1] === 'list' || key[1] === 'groups') && key[key.length - 1] === selection.id;
        return ofSelection && query.state.dataUpdatedAt > 0 && query.state.dataUpdatedAt < changedAt;
      },
    });
  }, [queryClient, selection.entity, selection.id, selection.updatedAt]);
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
