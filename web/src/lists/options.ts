import { useTranslation } from 'react-i18next';

import { useCategories, useCategoryGroups, useLeadStatuses, useUsers } from '../api/queries';
import type { Language } from '../api/types';
import type { OptionSource } from './columns';

export interface FilterOption {
  value: string | number | boolean | null;
  label: string;
  deleted: boolean;
}

/**
 * Returns the choices of a list column's filter in list order, with deleted items last so old
 * records that still hold them can be found. The API's "current user" value comes first for owners.
 */
export function useFilterOptions(source: OptionSource | undefined, language: Language) {
  const { t } = useTranslation();
  const categories = useCategories(language);
  const leadStatuses = useLeadStatuses(language);
  const categoryGroups = useCategoryGroups(language);
  const users = useUsers();

  const query =
    source === 'categories'
      ? categories
      : source === 'leadStatuses'
        ? leadStatuses
        : source === 'categoryGroups'
          ? categoryGroups
          : source === 'users'
            ? users
            : null;

  let options: FilterOption[] = [];
  if (source === 'categories' || source === 'leadStatuses') {
    const items = (source === 'categories' ? categories.data : leadStatuses.data) ?? [];
    options = [...items]
      .sort((a, b) => Number(a.deleted) - Number(b.deleted) || a.sortOrder - b.sortOrder)
      .map((item) => ({ value: item.id, label: item.name, deleted: item.deleted }));
  } else if (source === 'categoryGroups') {
    options = (categoryGroups.data ?? []).map((group) => ({ value: group.id, label: group.name, deleted: false }));
  } else if (source === 'users') {
    options = [
      { value: 'currentUser', label: t('filter.currentUser'), deleted: false },
      ...(users.data ?? []).map((user) => ({ value: user.id, label: user.name, deleted: !user.active })),
    ];
  }

  return { options, isPending: query?.isPending ?? false, error: query?.error ?? null };
}
