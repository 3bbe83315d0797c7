import { useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import type { Language } from '../../api/types';
import { adminKeys, listItems, type AnyListItem, type ListItemUsage, type ListKind } from '../adminApi';

/** Returns the items of a list in list order, deleted ones included. */
export function useListItems(kind: ListKind) {
  const { i18n } = useTranslation();
  const language = i18n.language as Language;
  return useQuery({
    queryKey: adminKeys.listItems(kind, language),
    queryFn: () => listItems.list(kind),
    select: (response) => [...response.items].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id),
  });
}

/** Returns the usage counts of the items by id; an item whose count is loading or failed is missing. */
export function useUsages(kind: ListKind, items: AnyListItem[]): Map<number, ListItemUsage> {
  const results = useQueries({
    queries: items.map((item) => ({
      queryKey: adminKeys.usage(kind, item.id),
      queryFn: () => listItems.usage(kind, item.id),
      staleTime: 30_000,
    })),
  });
  const usages = new Map<number, ListItemUsage>();
  results.forEach((result, index) => {
    const item = items[index];
    if (item !== undefined && result.data !== undefined) usages.set(item.id, result.data);
  });
  return usages;
}

export function useListUsage(kind: ListKind, id: number | null) {
  return useQuery({
    queryKey: adminKeys.usage(kind, id ?? 0),
    queryFn: () => listItems.usage(kind, id ?? 0),
    enabled: id !== null,
    staleTime: 30_000,
  });
}

/**
 * Refetches everything that shows the items of a list: this screen, the pickers, and the records,
 * which carry item names and the deleted mark.
 */
export async function refreshAfterListChange(queryClient: QueryClient, kind: ListKind): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['admin', 'listItems', kind] }),
    queryClient.invalidateQueries({ queryKey: ['admin', 'usage', kind] }),
    queryClient.invalidateQueries({ queryKey: [kind === 'categories' ? 'categories' : 'leadStatuses'] }),
    queryClient.invalidateQueries({ queryKey: ['companies'] }),
    queryClient.invalidateQueries({ queryKey: ['persons'] }),
  ]);
}

export function useRefreshAfterListChange(kind: ListKind): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => refreshAfterListChange(queryClient, kind);
}
