import type { TFunction } from 'i18next';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

import type { Criterion, Language, Selection } from '../api/types';
import { COMPANY_COLUMNS } from '../companies/companyColumns';
import { findField } from '../find/findFields';
import { formatDate, formatNumber } from '../i18n/format';
import type { ColumnKind, OptionSource } from '../lists/columns';
import { useFilterOptions, type FilterOption } from '../lists/options';
import { PERSON_COLUMNS } from '../persons/personColumns';
import { recordsWord } from './selectionLabels';

interface FieldInfo {
  label: string;
  kind: ColumnKind | null;
  options: OptionSource | undefined;
}

type OptionsBySource = Record<OptionSource, FilterOption[]>;

/**
 * Describes a criteria field by the list column that filters on it. A field without such a column,
 * such as a person's city, gets the label of the field with the same name.
 */
function fieldInfo(t: TFunction, selection: Selection, field: string): FieldInfo {
  const specs: Array<{ filterField?: string; labelKey: string; kind: ColumnKind; options?: OptionSource }> =
    selection.entity === 'person' ? PERSON_COLUMNS : COMPANY_COLUMNS;
  const spec = specs.find((candidate) => candidate.filterField === field);
  if (spec !== undefined) return { label: t(spec.labelKey as 'fields.name'), kind: spec.kind, options: spec.options };
  const findable = findField(selection.entity, field);
  return { label: t(`fields.${field}` as 'fields.name', { defaultValue: field }), kind: findable?.type ?? null, options: findable?.options };
}

function valueText(t: TFunction, info: FieldInfo, value: Criterion['values'][number], options: OptionsBySource, language: Language): string {
  if (value === null) return t('list.noValue');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (info.options !== undefined) return options[info.options].find((option) => option.value === value)?.label ?? String(value);
  if (info.kind === 'date') return formatDate(String(value), language);
  if (typeof value === 'number') return formatNumber(value, language);
  return `"${value}"`;
}

/** Writes one criteria line as a phrase, such as "Leadstatus is een van Open, Gekwalificeerd". */
function lineText(t: TFunction, selection: Selection, line: Criterion, options: OptionsBySource, language: Language): string {
  const info = fieldInfo(t, selection, line.field);
  // A reached lead status names the status first, then its dates: "Leadstatus bereikt: Open dit kwartaal".
  if (line.field === 'reachedLeadStatus') {
    const [status, ...dates] = line.values;
    const subject = options.leadStatuses.find((option) => option.value === status)?.label ?? String(status);
    const rest = lineText(t, selection, { ...line, values: dates }, options, language).slice(info.label.length);
    return `${info.label}: ${subject}${rest}`;
  }
  if (line.operator === 'lastNDays') {
    const days = Number(line.values[0]);
    return `${info.label} ${t('selections.criteria.lastNDays', { count: days, formatted: formatNumber(days, language) })}`;
  }
  let operator = t(`operators.${line.operator}` as 'operators.is', { defaultValue: line.operator }).toLocaleLowerCase(language);
  if (line.field === 'reachedLeadStatus' || line.field === 'companySaleSold') {
    if (line.operator === 'isEmpty') operator = t('find.never');
    if (line.operator === 'isNotEmpty') operator = t('find.ever');
  }
  const values = line.values.map((value) => valueText(t, info, value, options, language));
  const joined = line.operator === 'between' ? values.join(` ${t('selections.criteria.and')} `) : values.join(', ');
  return [info.label, operator, joined].filter((part) => part !== '').join(' ');
}

/** Shows the criteria of a dynamic selection: the lines of a set all apply, and any one set is enough. */
export function CriteriaSummary({ selection }: { selection: Selection }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const options: OptionsBySource = {
    categories: useFilterOptions('categories', language).options,
    leadStatuses: useFilterOptions('leadStatuses', language).options,
    categoryGroups: useFilterOptions('categoryGroups', language).options,
    users: useFilterOptions('users', language).options,
  };
  const sets = (selection.criteria ?? []).filter((set) => set.length > 0);

  return (
    <section className="selection-criteria" aria-label={t('selections.criteria.title')}>
      <h2 className="selection-criteria-title">{t('selections.criteria.title')}</h2>
      {sets.length === 0 ? (
        <p className="muted">{t('selections.criteria.none', { records: recordsWord(t, selection) })}</p>
      ) : (
        <div className="selection-criteria-sets">
          {sets.map((set, index) => (
            <Fragment key={index}>
              {index > 0 ? <span className="selection-criteria-or">{t('selections.criteria.or')}</span> : null}
              <ul className="selection-criteria-set">
                {set.map((line, lineIndex) => (
                  <li key={lineIndex}>
                    {lineIndex > 0 ? <span className="selection-criteria-and">{t('selections.criteria.and')}</span> : null}
                    <span className="chip selection-criteria-line">{lineText(t, selection, line, options, language)}</span>
                  </li>
                ))}
              </ul>
            </Fragment>
          ))}
        </div>
      )}
    </section>
  );
}
