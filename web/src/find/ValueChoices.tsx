import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Language } from '../api/types';
import type { OptionSource } from '../lists/columns';
import { useFilterOptions, type FilterOption } from '../lists/options';
import { ErrorNotice, Spinner } from '../ui/feedback';
import { Popover } from '../ui/Popover';
import type { CriterionValue } from './draft';

/** Lists longer than this get a search box above the choices. */
const SEARCH_FROM_OPTIONS = 8;

interface ValueChoicesProps {
  id: string;
  source: OptionSource;
  fieldLabel: string;
  selected: CriterionValue[];
  onChange: (values: CriterionValue[]) => void;
  language: Language;
  describedBy?: string | undefined;
  invalid: boolean;
}

/**
 * Picks several items of a list for "is een van" and "is niet een van": a button that names the
 * chosen items and opens the choices. Deleted items are offered last and marked, so records that
 * still hold them can be found; "no value" is offered too.
 */
export function ValueChoices({ id, source, fieldLabel, selected, onChange, language, describedBy, invalid }: ValueChoicesProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const { options, isPending, error } = useFilterOptions(source, language);
  const choices = withNoValue(options, source, t('find.noOwner'), t('list.noValue'));
  const inactiveSuffix = source === 'users' ? t('find.inactiveSuffix') : t('common.deletedSuffix');

  const chosen = selected.map((value) => {
    const choice = choices.find((item) => item.value === value);
    if (choice === undefined) return String(value);
    return choice.deleted ? `${choice.label} ${inactiveSuffix}` : choice.label;
  });
  const summary = chosen.length === 0 ? t('find.chooseValues') : chosen.join(', ');

  return (
    <>
      <button
        ref={button}
        id={id}
        type="button"
        className={`find-choices-button${chosen.length === 0 ? ' is-empty' : ''}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        aria-label={t('find.valuesOf', { field: fieldLabel, values: summary })}
        title={summary}
        onClick={() => setOpen((current) => !current)}
      >
        <span className="find-choices-summary">{summary}</span>
        <span className="chevron chevron-open" aria-hidden="true" />
      </button>
      {open ? (
        <Popover anchor={button} label={t('find.chooseValuesOf', { field: fieldLabel })} onClose={() => setOpen(false)} width={300}>
          {isPending ? (
            <Spinner label={t('common.loading')} />
          ) : error ? (
            <ErrorNotice error={error} />
          ) : (
            <ChoiceList
              choices={choices}
              selected={selected}
              onChange={onChange}
              language={language}
              inactiveSuffix={inactiveSuffix}
              onDone={() => {
                setOpen(false);
                button.current?.focus();
              }}
            />
          )}
        </Popover>
      ) : null}
    </>
  );
}

/** Puts "no value" among the choices: after "current user" for owners, where it reads "no contact". */
function withNoValue(options: FilterOption[], source: OptionSource, noOwner: string, noValue: string): FilterOption[] {
  if (source !== 'users') return [{ value: null, label: noValue, deleted: false }, ...options];
  const [currentUser, ...users] = options;
  return [...(currentUser === undefined ? [] : [currentUser]), { value: null, label: noOwner, deleted: false }, ...users];
}

function ChoiceList({
  choices,
  selected,
  onChange,
  language,
  inactiveSuffix,
  onDone,
}: {
  choices: FilterOption[];
  selected: CriterionValue[];
  onChange: (values: CriterionValue[]) => void;
  language: Language;
  inactiveSuffix: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const panel = useRef<HTMLDivElement>(null);
  const needle = search.trim().toLocaleLowerCase(language);
  const matching = needle === '' ? choices : choices.filter((choice) => choice.label.toLocaleLowerCase(language).includes(needle));

  // The popover focuses its first control when it opens, but the choices may arrive later.
  useEffect(() => {
    panel.current?.querySelector('input')?.focus();
  }, []);

  function toggle(value: CriterionValue) {
    onChange(selected.includes(value) ? selected.filter((item) => item !== value) : [...selected, value]);
  }

  return (
    <div ref={panel} className="find-choices">
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
        {matching.map((choice) => (
          <label key={String(choice.value)} className="choice">
            <input type="checkbox" checked={selected.includes(choice.value)} onChange={() => toggle(choice.value)} />
            <span className={choice.value === null || choice.deleted ? 'muted' : undefined}>
              {choice.label}
              {choice.deleted ? ` ${inactiveSuffix}` : ''}
            </span>
          </label>
        ))}
      </div>
      <div className="filter-editor-actions">
        <button type="button" className="button button-ghost button-small" onClick={() => onChange([])} disabled={selected.length === 0}>
          {t('find.clearValues')}
        </button>
        <button type="button" className="button button-primary button-small" onClick={onDone}>
          {t('common.done')}
        </button>
      </div>
    </div>
  );
}
