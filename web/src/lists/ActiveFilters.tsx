import { useTranslation } from 'react-i18next';

import type { Language } from '../api/types';
import { formatDate, formatNumber } from '../i18n/format';
import type { ColumnSpec } from './columns';
import type { ColumnFilter, ListLayout } from './layout';
import { useFilterOptions } from './options';

interface ActiveFiltersProps<T> {
  specs: ColumnSpec<T>[];
  layout: ListLayout;
  language: Language;
  onRemove: (columnId: string) => void;
  onClearAll: () => void;
}

/** Shows the list's active column filters as removable chips, so no filter hides rows unnoticed. */
export function ActiveFilters<T>({ specs, layout, language, onRemove, onClearAll }: ActiveFiltersProps<T>) {
  const { t } = useTranslation();
  const active = specs.filter((spec) => layout.filters[spec.id] !== undefined);
  if (active.length === 0) return null;

  return (
    <div className="active-filters">
      <span className="active-filters-label">{t('list.activeFilters')}</span>
      <ul>
        {active.map((spec) => (
          <FilterChip
            key={spec.id}
            spec={spec}
            filter={layout.filters[spec.id] as ColumnFilter}
            language={language}
            onRemove={() => onRemove(spec.id)}
          />
        ))}
      </ul>
      <button type="button" className="button button-link" onClick={onClearAll}>
        {t('list.clearFilters')}
      </button>
    </div>
  );
}

function FilterChip<T>({
  spec,
  filter,
  language,
  onRemove,
}: {
  spec: ColumnSpec<T>;
  filter: ColumnFilter;
  language: Language;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { options } = useFilterOptions(spec.options, language);
  const column = t(spec.labelKey as 'fields.name');

  const values = filter.values.map((value) => {
    if (value === null) return t('list.noValue');
    if (spec.kind === 'boolean') return value === true ? t('common.yes') : t('common.no');
    if (spec.kind === 'list') return options.find((option) => option.value === value)?.label ?? String(value);
    if (spec.kind === 'date' && filter.operator !== 'lastNDays') return formatDate(String(value), language);
    if (typeof value === 'number') return formatNumber(value, language);
    return `"${String(value)}"`;
  });
  const summary = [column, t(`operators.${filter.operator}` as 'operators.is').toLocaleLowerCase(language), values.join(', ')]
    .filter((part) => part !== '')
    .join(' ');

  return (
    <li className="chip">
      <span>{summary}</span>
      <button type="button" className="chip-remove" aria-label={t('list.removeFilter', { filter: summary })} onClick={onRemove}>
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}
