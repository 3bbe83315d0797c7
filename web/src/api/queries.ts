import { useQuery } from '@tanstack/react-query';

import { lists } from './endpoints';
import type { Language } from './types';

/**
 * Query keys. List items carry names in the user's language, so their keys include the language:
 * switching language fetches them again instead of showing the other language's names.
 */
export const queryKeys = {
  session: ['session'] as const,
  categoryGroups: (language: Language) => ['categoryGroups', language] as const,
  categories: (language: Language) => ['categories', language] as const,
  leadStatuses: (language: Language) => ['leadStatuses', language] as const,
  users: ['users'] as const,
  company: (id: number) => ['companies', 'record', id] as const,
  person: (id: number) => ['persons', 'record', id] as const,
  leadStatusHistory: (personId: number) => ['persons', 'history', personId] as const,
  companyLeadStatusHistory: (companyId: number) => ['persons', 'companyHistory', companyId] as const,
};

const LIST_ITEMS_STALE_MS = 5 * 60_000;

export function useCategoryGroups(language: Language) {
  return useQuery({
    queryKey: queryKeys.categoryGroups(language),
    queryFn: lists.categoryGroups,
    select: (response) => response.items,
    staleTime: LIST_ITEMS_STALE_MS,
  });
}

export function useCategories(language: Language) {
  return useQuery({
    queryKey: queryKeys.categories(language),
    queryFn: lists.categories,
    select: (response) => response.items,
    staleTime: LIST_ITEMS_STALE_MS,
  });
}

export function useLeadStatuses(language: Language) {
  return useQuery({
    queryKey: queryKeys.leadStatuses(language),
    queryFn: lists.leadStatuses,
    select: (response) => response.items,
    staleTime: LIST_ITEMS_STALE_MS,
  });
}

export function useUsers() {
  return useQuery({
    queryKey: queryKeys.users,
    queryFn: lists.users,
    select: (response) => response.items,
    staleTime: LIST_ITEMS_STALE_MS,
  });
}
