import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Language } from '../api/types';
import { ErrorNotice, Spinner } from '../ui/feedback';
import type { ColumnSpec } from './columns';
import type { ColumnFilter } from './layout';
import { OPERATORS, valueArity } from './operators';
import { useFilterOptions } from './options';

interface FilterEditorProps<T> {
  spec: ColumnSpec<T>;
  columnLabel: string;
  current: ColumnFilter | undefined;
  language: Language;
  onApply: (filter: ColumnFilter) => void;
  onClear: () => void;
}

type Value = string | number | boolean | null;

/** Users pick among this many list values before the filter offers a search box. */
const SEARCH_FROM_OPTIONS = 8;

export function FilterEditor<T>({ spec, columnLabel, current, language, onApply, onClear }: FilterEditorProps<T>) {
  const { t } = useTranslation();
  const operators = OPERATORS[spec.kind];
  const [operator, setOperator] = useState(current?.operator ?? operators[0] ?? 'equals');
  const [values, setValues] = useState<Value[]>(current?.values ?? []);
  const [invalid, setInvalid] = useState(false);
  const arity = valueArity(operator);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const cleaned = cleanValues(spec.kind, operator, values);
    if (cleaned === null) {
      setInvalid(true);
      return;
    }
    onApply({ operator, values: cleaned });
  }

  return (
    <form className="filter-editor" onSubmit={handleSubmit} noValidate>
      <p className="filter-editor-title">{t('filter.title', { column: columnLabel })}</p>
      <label className="field">
        <span className="field-label">{t('filter.operator')}</span>
        <select
          value={operator}
          onChange={(event) => {
            setOperator(event.target.value);
            setInvalid(false);
            if (valueArity(event.target.value) !== arity) setValues([]);
          }}
        >
          {operators.map((name) => (
            <option key={name} value={name}>
              {t(`operators.${name}` as 'operators.is')}
            </option>
          ))}
        </select>
      </label>

      {arity === 'none' ? null : spec.kind === 'list' ? (
        <ListChoices spec={spec} language={language} selected={values} onChange={setValues} />
      ) : spec.kind === 'boolean' ? (
        <fieldset className="choice-group">
          <legend className="field-label">{t('filter.value')}</legend>
          {[true, false].map((choice) => (
            <label key={String(choice)} className="choice">
              <input
                type="radio"
                name="boolean-value"
                checked={values[0] === choice}
                onChange={() => setValues([choice])}
              />
              {choice ? t('common.yes') : t('common.no')}
            </label>
          ))}
        </fieldset>
      ) : (
        <ValueInputs kind={spec.kind} operator={operator} arity={arity === 'two' ? 'two' : 'one'} values={values} onChange={setValues} />
      )}

      {invalid ? (
        <p className="field-error" role="alert">
          {t('filter.valueMissing')}
        </p>
      ) : null}

      <div className="filter-editor-actions">
        <button type="button" className="button button-ghost button-small" onClick={onClear} disabled={current === undefined}>
          {t('filter.clear')}
        </button>
        <button type="submit" className="button button-primary button-small">
          {t('filter.apply')}
        </button>
      </div>
    </form>
  );
}

/** Returns the values to send, or null when a required value is missing or not a number. */
function cleanValues(kind: ColumnSpec<unknown>['kind'], operator: string, values: Value[]): Value[] | null {
  const arity = valueArity(operator);
  if (arity === 'none') return [];
  if (arity === 'many') return values.length > 0 ? values : null;

  const needed = arity === 'two' ? 2 : 1;
  const cleaned = values.slice(0, needed).map((value) => (typeof value === 'string' ? value.trim() : value));
  if (cleaned.length < needed || cleaned.some((value) => value === '' || value === null || value === undefined)) return null;

  if (kind === 'number' || operator === 'lastNDays') {
    // Dutch users type a decimal comma.
    const numbers = cleaned.map((value) => Number(String(value).replace(',', '.')));
    return numbers.some((value) => Number.isNaN(value)) ? null : numbers;
  }
  return cleaned;
}

function ValueInputs({
  kind,
  operator,
  arity,
  values,
  onChange,
}: {
  kind: 'text' | 'date' | 'number';
  operator: string;
  arity: 'one' | 'two';
  values: Value[];
  onChange: (values: Value[]) => void;
}) {
  const { t } = useTranslation();
  let type = 'number';
  if (kind === 'text') type = 'text';
  if (kind === 'date' && operator !== 'lastNDays') type = 'date';
  const labels = arity === 'two' ? [t('filter.from'), t('filter.to')] : [operator === 'lastNDays' ? t('filter.days') : t('filter.value')];

  return (
    <div className={arity === 'two' ? 'filter-range' : undefined}>
      {labels.map((label, index) => (
        <label key={label} className="field">
          <span className="field-label">{label}</span>
          <input
            type={type}
            inputMode={type === 'number' ? 'decimal' : undefined}
            min={operator === 'lastNDays' ? 1 : undefined}
            value={values[index] === null || values[index] === undefined ? '' : String(values[index])}
            onChange={(event) => {
              const next = [...values];
              next[index] = event.target.value;
              onChange(next);
            }}
          />
        </label>
      ))}
    </div>
  );
}

function ListChoices<T>({
  spec,
  language,
  selected,
  onChange,
}: {
  spec: ColumnSpec<T>;
  language: Language;
  selected: Value[];
  onChange: (values: Value[]) => void;
}) {
  const { t } = useTranslation();
  const { options, isPending, error } = useFilterOptions(spec.options, language);
  const [search, setSearch] = useState('');

  if (isPending) return <Spinner label={t('common.loading')} />;
  if (error) return <ErrorNotice error={error} />;

  const choices = [{ value: null, label: t('list.noValue'), deleted: false }, ...options];
  const needle = search.trim().toLocaleLowerCase(language);
  const shown = needle === '' ? choices : choices.filter((choice) => choice.label.toLocaleLowerCase(language).includes(needle));

  function toggle(value: Value) {
    onChange(selected.includes(value) ? selected.filter((item) => item !== value) : [...selected, value]);
  }

  return (
    <fieldset className="choice-group">
      <legend className="field-label">{t('filter.values')}</legend>
      {choices.length > SEARCH_FROM_OPTIONS ? (
        <input
          type="search"
          className="choice-search"
          aria-label={t('filter.searchValues')}
          placeholder={t('filter.searchValues')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      ) : null}
      <div className="choice-list">
        {shown.map((choice) => (
          <label key={String(choice.value)} className="choice">
            <input type="checkbox" checked={selected.includes(choice.value)} onChange={() => toggle(choice.value)} />
            <span className={choice.value === null ? 'muted' : undefined}>
              {choice.label}
              {choice.deleted ? ` ${t('common.deletedSuffix')}` : ''}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
