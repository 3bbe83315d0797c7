import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useCategories, useCategoryGroups, useUsers } from '../api/queries';
import type { Language } from '../api/types';
import { activeFilterCount, NO_TOOLBAR_FILTERS, REGISTERED_PERIODS, type BoardToolbarFilters } from './boardColumns';

/** Pause in typing, in milliseconds, after which the country filter applies. */
const COUNTRY_FILTER_DELAY_MS = 300;

interface BoardFilterBarProps {
  filters: BoardToolbarFilters;
  onChange: (filters: BoardToolbarFilters) => void;
  /** Offers only categories of the group Potential customer, as on the board of all leads. */
  leadCategoriesOnly: boolean;
}

/** Renders the board's filters on owner, category, country and registered date. */
export function BoardFilterBar({ filters, onChange, leadCategoriesOnly }: BoardFilterBarProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const users = useUsers();
  const categories = useCategories(language);
  const categoryGroups = useCategoryGroups(language);
  const [country, setCountry] = useState(filters.country);

  // The country is typed, so it applies after a pause; a reset from outside shows at once.
  useEffect(() => setCountry(filters.country), [filters.country]);
  useEffect(() => {
    if (country === filters.country) return;
    const timer = window.setTimeout(() => onChange({ ...filters, country }), COUNTRY_FILTER_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [country, filters, onChange]);

  const set = (field: keyof BoardToolbarFilters, value: string) => onChange({ ...filters, [field]: value });
  const activeUsers = (users.data ?? []).filter((user) => user.active || String(user.id) === filters.owner);
  const groups = (categoryGroups.data ?? []).filter((group) => !leadCategoriesOnly || group.id === 'potentialCustomer');
  const usableCategories = (categories.data ?? []).filter((category) => !category.deleted || String(category.id) === filters.category);

  return (
    <div className="board-filters" role="group" aria-label={t('board.filters')}>
      <label className="inline-field">
        <span>{t('fields.owner')}</span>
        <select value={filters.owner} onChange={(event) => set('owner', event.target.value)}>
          <option value="">{t('board.ownerAll')}</option>
          <option value="currentUser">{t('board.ownerMe')}</option>
          <option value="none">{t('board.ownerNone')}</option>
          {activeUsers.map((user) => (
            <option key={user.id} value={String(user.id)}>
              {user.name}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>{t('fields.category')}</span>
        <select value={filters.category} onChange={(event) => set('category', event.target.value)}>
          <option value="">{t('board.categoryAll')}</option>
          {groups.map((group) => (
            <optgroup key={group.id} label={group.name}>
              {usableCategories
                .filter((category) => category.categoryGroup === group.id)
                .sort((a, b) => a.sortOrder - b.sortOrder)
                .map((category) => (
                  <option key={category.id} value={String(category.id)}>
                    {category.deleted ? `${category.name} ${t('common.deletedSuffix')}` : category.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>{t('fields.country')}</span>
        <input type="search" className="board-country-filter" value={country} placeholder={t('board.countryPlaceholder')} onChange={(event) => setCountry(event.target.value)} />
      </label>
      <label className="inline-field">
        <span>{t('board.registered')}</span>
        <select value={filters.registered} onChange={(event) => set('registered', event.target.value)}>
          <option value="">{t('board.registeredAny')}</option>
          {Object.keys(REGISTERED_PERIODS).map((period) => (
            <option key={period} value={period}>
              {t(`board.periods.${period}` as 'board.periods.today')}
            </option>
          ))}
        </select>
      </label>
      {activeFilterCount(filters) > 0 ? (
        <button type="button" className="button button-ghost" onClick={() => onChange(NO_TOOLBAR_FILTERS)}>
          {t('board.clearFilters')}
        </button>
      ) : null}
    </div>
  );
}
