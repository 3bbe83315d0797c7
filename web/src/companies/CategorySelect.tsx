import { useTranslation } from 'react-i18next';

import { useCategories } from '../api/queries';
import type { CategoryGroupId, Language } from '../api/types';

const GROUP_ORDER: CategoryGroupId[] = ['potentialCustomer', 'customer', 'partner', 'lost', 'other'];

interface CategorySelectProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  language: Language;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/**
 * Picks a company category, grouped by category group, in list order. Deleted categories are not
 * offered, except the one the company still has.
 */
export function CategorySelect({ value, onChange, language, ...control }: CategorySelectProps) {
  const { t } = useTranslation();
  const categories = useCategories(language);
  const items = (categories.data ?? []).filter((category) => !category.deleted || String(category.id) === value);

  return (
    <select {...control} value={value} onChange={(event) => onChange(event.target.value)} disabled={categories.isPending}>
      <option value="">{t('companyForm.noCategory')}</option>
      {GROUP_ORDER.map((group) => {
        const inGroup = items.filter((category) => category.categoryGroup === group).sort((a, b) => a.sortOrder - b.sortOrder);
        if (inGroup.length === 0) return null;
        return (
          <optgroup key={group} label={t(`categoryGroups.${group}`)}>
            {inGroup.map((category) => (
              <option key={category.id} value={String(category.id)}>
                {category.name}
                {category.deleted ? ` ${t('common.deletedSuffix')}` : ''}
              </option>
            ))}
          </optgroup>
        );
      })}
    </select>
  );
}
