import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { fetchPage } from '../api/endpoints';
import type { Company, NamedRef } from '../api/types';

interface CompanyPickerProps {
  id: string;
  value: NamedRef | null;
  onChange: (company: NamedRef | null) => void;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/** Waiting time after the last key press before the company search runs. */
const SEARCH_DELAY_MS = 250;
const MAX_SUGGESTIONS = 8;

/** Finds and picks a company by part of its name, as a WAI-ARIA combobox with a listbox popup. */
export function CompanyPicker({ id, value, onChange, ...control }: CompanyPickerProps) {
  const { t } = useTranslation();
  const listId = useId();
  const [text, setText] = useState(value?.name ?? '');
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(text.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const filter = search === '' ? [] : [{ field: 'name', operator: 'contains', values: [search] }];
  const suggestions = useQuery({
    queryKey: ['companies', 'list', filter, 'name', MAX_SUGGESTIONS],
    queryFn: ({ signal }) => fetchPage<Company>('companies', { filter, sort: 'name', limit: MAX_SUGGESTIONS }, signal),
    enabled: open,
  });
  const options = suggestions.data?.items ?? [];

  function choose(company: Company) {
    onChange({ id: company.id, name: company.name });
    setText(company.name);
    setOpen(false);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(index + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter' && open) {
      const option = options[active];
      if (option) {
        event.preventDefault();
        choose(option);
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  }

  const activeOption = open ? options[active] : undefined;

  return (
    <div className="combobox">
      <div className="combobox-input">
        <input
          {...control}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeOption ? `${listId}-${activeOption.id}` : undefined}
          placeholder={t('personForm.companyPlaceholder')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
            setOpen(true);
            if (value !== null && event.target.value !== value.name) onChange(null);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => window.setTimeout(() => setOpen(false), 150)}
          onKeyDown={handleKeyDown}
        />
        {value !== null ? (
          <button
            type="button"
            className="icon-button combobox-clear"
            aria-label={t('personForm.clearCompany')}
            onClick={() => {
              onChange(null);
              setText('');
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        ) : null}
      </div>
      {open && (suggestions.isPending || options.length === 0) ? (
        <div className="combobox-list combobox-message" role="status">
          {suggestions.isPending ? t('common.loading') : t('personForm.noCompanyFound')}
        </div>
      ) : null}
      {open && options.length > 0 ? (
        <ul id={listId} role="listbox" className="combobox-list" aria-label={t('personForm.companySuggestions')}>
          {options.map((company, index) => (
            <li
              key={company.id}
              id={`${listId}-${company.id}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'combobox-option is-active' : 'combobox-option'}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(company);
              }}
            >
              <span>{company.name}</span>
              {company.city ? <span className="muted"> · {company.city}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
