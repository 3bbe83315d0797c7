import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import type { Language, SelectionEntity } from '../api/types';
import { valueArity } from '../lists/operators';
import { useFilterOptions } from '../lists/options';
import { withField, withOperator, type CriterionValue, type DraftLine } from './draft';
import { FIELD_GROUPS, FIND_OPERATORS, findField, findFields } from './findFields';
import { ValueChoices } from './ValueChoices';

interface CriterionLineProps {
  entity: SelectionEntity;
  line: DraftLine;
  /** Position in its set, from 1, for the line's accessible name. */
  number: number;
  /** Shows "en" before the line: every line after a set's first. */
  joined: boolean;
  error: string | undefined;
  language: Language;
  onChange: (line: DraftLine) => void;
  onRemove: () => void;
}

/** Id of a line's field select, which gets the focus when the line is added. */
export function lineFieldId(key: number): string {
  return `find-line-${key}-field`;
}

/** Renders one criteria line: field, operator and the values that operator takes. */
export function CriterionLine({ entity, line, number, joined, error, language, onChange, onRemove }: CriterionLineProps) {
  const { t } = useTranslation();
  const field = line.field === '' ? undefined : findField(entity, line.field);
  const subjects = useFilterOptions(field?.subject, language).options;
  // An event's first value is its subject; the operator and value inputs work on the rest.
  const subjectValues = field?.subject === undefined ? [] : line.values.slice(0, 1);
  const dateValues = line.values.slice(subjectValues.length);
  const withValues = (values: CriterionValue[]) => [...subjectValues, ...values];
  const fieldLabel = field === undefined ? '' : t(field.labelKey as 'fields.name');
  const lineLabel = t('find.line', { number });
  const errorId = `find-line-${line.key}-error`;
  const control = { 'aria-invalid': error === undefined ? undefined : (true as const), 'aria-describedby': error === undefined ? undefined : errorId };

  return (
    <li className={`find-line${error === undefined ? '' : ' find-line-invalid'}`} role="group" aria-label={lineLabel}>
      <span className="find-connector" aria-hidden={!joined}>
        {joined ? t('find.and') : ''}
      </span>
      <div className="find-line-controls">
        <select
          id={lineFieldId(line.key)}
          className="find-field"
          aria-label={t('find.field')}
          value={line.field}
          onChange={(event) => onChange(withField(line, entity, event.target.value))}
          {...(field === undefined ? control : {})}
        >
          <option value="" disabled>
            {t('find.chooseField')}
          </option>
          {FIELD_GROUPS.map((group) => {
            const fields = findFields(entity).filter((item) => item.group === group);
            if (fields.length === 0) return null;
            return (
              <optgroup key={group} label={t(`find.groups.${group}`)}>
                {fields.map((item) => (
                  <option key={item.name} value={item.name}>
                    {t(item.labelKey as 'fields.name')}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>

        {field === undefined ? null : (
          <>
            {field.subject === undefined ? null : (
              <select
                className="find-subject"
                aria-label={t('find.subject')}
                value={subjectValues[0] === undefined || subjectValues[0] === null ? '' : String(subjectValues[0])}
                onChange={(event) => onChange({ ...line, values: [event.target.value === '' ? '' : Number(event.target.value), ...dateValues] })}
                {...control}
              >
                <option value="" disabled>
                  {t('find.chooseSubject')}
                </option>
                {subjects
                  .filter((option) => !option.deleted || option.value === subjectValues[0])
                  .map((option) => (
                    <option key={String(option.value)} value={String(option.value)}>
                      {option.label}
                    </option>
                  ))}
              </select>
            )}
            <select
              className="find-operator"
              aria-label={t('find.operator')}
              value={line.operator}
              onChange={(event) => {
                const changed = withOperator({ ...line, values: dateValues }, event.target.value);
                onChange({ ...changed, values: withValues(changed.values) });
              }}
            >
              {FIND_OPERATORS[field.type].map((operator) => (
                <option key={operator} value={operator}>
                  {operatorLabel(t, operator, field.event === true)}
                </option>
              ))}
            </select>
            <Values
              lineKey={line.key}
              type={field.type}
              operator={line.operator}
              values={dateValues}
              fieldLabel={fieldLabel}
              source={field.options}
              language={language}
              control={control}
              onChange={(values) => onChange({ ...line, values: withValues(values) })}
            />
          </>
        )}
      </div>
      <button type="button" className="icon-button find-line-remove" aria-label={t('find.removeLine', { number })} title={t('find.removeLine', { number })} onClick={onRemove}>
        <span aria-hidden="true">×</span>
      </button>
      {error === undefined ? null : (
        <p id={errorId} className="field-error find-line-error">
          {error}
        </p>
      )}
    </li>
  );
}

/** Names an operator; for events "is empty" reads as never and "is not empty" as ever. */
function operatorLabel(t: TFunction, operator: string, event: boolean): string {
  if (event && operator === 'isEmpty') return t('find.never');
  if (event && operator === 'isNotEmpty') return t('find.ever');
  return t(`operators.${operator}` as 'operators.is');
}

interface ValuesProps {
  lineKey: number;
  type: 'text' | 'list' | 'date' | 'number' | 'boolean';
  operator: string;
  values: CriterionValue[];
  fieldLabel: string;
  source: Parameters<typeof ValueChoices>[0]['source'] | undefined;
  language: Language;
  control: { 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };
  onChange: (values: CriterionValue[]) => void;
}

/** Renders the value inputs the operator takes: none, one, a range, list items, yes or no, or a number of days. */
function Values({ lineKey, type, operator, values, fieldLabel, source, language, control, onChange }: ValuesProps) {
  const { t } = useTranslation();
  const arity = valueArity(operator);
  if (arity === 'none') return null;

  if (type === 'list' && source !== undefined) {
    return (
      <ValueChoices
        id={`find-line-${lineKey}-values`}
        source={source}
        fieldLabel={fieldLabel}
        selected={values}
        onChange={onChange}
        language={language}
        describedBy={control['aria-describedby']}
        invalid={control['aria-invalid'] === true}
      />
    );
  }

  if (type === 'boolean') {
    return (
      <div className="find-yes-no" role="radiogroup" aria-label={t('find.value')}>
        {[true, false].map((choice) => (
          <label key={String(choice)} className="choice">
            <input type="radio" name={`find-line-${lineKey}-boolean`} checked={values[0] === choice} onChange={() => onChange([choice])} />
            {choice ? t('common.yes') : t('common.no')}
          </label>
        ))}
      </div>
    );
  }

  function set(index: number, value: CriterionValue) {
    const next = [...values];
    while (next.length < index) next.push('');
    next[index] = value;
    onChange(next);
  }

  function text(index: number) {
    const value = values[index];
    return value === undefined || value === null ? '' : String(value);
  }

  if (operator === 'lastNDays') {
    return (
      <span className="find-days">
        <input
          type="number"
          className="find-number"
          inputMode="numeric"
          min={1}
          step={1}
          aria-label={t('filter.days')}
          value={text(0)}
          onChange={(event) => set(0, numberOrText(event.target.value))}
          {...control}
        />
        <span aria-hidden="true">{t('find.days')}</span>
      </span>
    );
  }

  const { inputType, className } = INPUTS[type === 'date' || type === 'number' ? type : 'text'];
  const convert = type === 'number' ? numberOrText : (value: string) => value;

  if (arity === 'two') {
    return (
      <span className="find-range">
        <input type={inputType} className={className} aria-label={t('filter.from')} value={text(0)} onChange={(event) => set(0, convert(event.target.value))} {...control} />
        <span aria-hidden="true">{t('find.rangeTo')}</span>
        <input type={inputType} className={className} aria-label={t('filter.to')} value={text(1)} onChange={(event) => set(1, convert(event.target.value))} {...control} />
      </span>
    );
  }

  return (
    <input
      type={inputType}
      className={className}
      aria-label={type === 'date' ? t('find.date') : t('find.value')}
      maxLength={type === 'text' ? 200 : undefined}
      value={text(0)}
      onChange={(event) => set(0, convert(event.target.value))}
      {...control}
    />
  );
}

/** Input type and class of the value inputs of text, date and number fields. */
const INPUTS = {
  text: { inputType: 'text', className: 'find-text' },
  date: { inputType: 'date', className: 'find-date' },
  number: { inputType: 'number', className: 'find-number' },
} as const;

/** Converts a number input's text. Number inputs give '' while empty or unreadable, and toCriteria leaves '' out. */
function numberOrText(value: string): CriterionValue {
  return value === '' ? '' : Number(value);
}
