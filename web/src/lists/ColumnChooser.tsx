import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Dialog } from '../ui/Dialog';
import type { ColumnSpec } from './columns';
import type { ListLayout } from './layout';

interface ColumnChooserProps<T> {
  open: boolean;
  onClose: () => void;
  specs: ColumnSpec<T>[];
  layout: ListLayout;
  onChange: (columns: string[]) => void;
  onReset: () => void;
}

/**
 * Chooses and orders the list's columns. Changes apply at once, so the user sees the list change
 * behind the dialog.
 */
export function ColumnChooser<T>({ open, onClose, specs, layout, onChange, onReset }: ColumnChooserProps<T>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const headingId = useId();
  const label = (spec: ColumnSpec<T>) => t(spec.labelKey as 'fields.name');

  const shown = layout.columns
    .map((id) => specs.find((spec) => spec.id === id))
    .filter((spec): spec is ColumnSpec<T> => spec !== undefined);
  const needle = search.trim().toLocaleLowerCase();
  const hidden = specs
    .filter((spec) => !layout.columns.includes(spec.id))
    .filter((spec) => needle === '' || label(spec).toLocaleLowerCase().includes(needle))
    .sort((a, b) => label(a).localeCompare(label(b)));

  function move(index: number, offset: number) {
    const next = [...layout.columns];
    const target = index + offset;
    const moved = next[index];
    const other = next[target];
    if (moved === undefined || other === undefined) return;
    next[index] = other;
    next[target] = moved;
    onChange(next);
  }

  return (
    <Dialog
      title={t('columns.title')}
      open={open}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button button-ghost" onClick={onReset}>
            {t('columns.reset')}
          </button>
          <button type="button" className="button button-primary" onClick={onClose}>
            {t('common.done')}
          </button>
        </>
      }
    >
      <div className="column-chooser">
        <section aria-labelledby={`${headingId}-shown`}>
          <h3 id={`${headingId}-shown`} className="section-title">
            {t('columns.shown')}
          </h3>
          <ol className="column-list">
            {shown.map((spec, index) => (
              <li key={spec.id} className="column-list-item">
                <label className="choice">
                  <input
                    type="checkbox"
                    checked
                    disabled={spec.hideable === false}
                    onChange={() => onChange(layout.columns.filter((id) => id !== spec.id))}
                  />
                  {label(spec)}
                </label>
                <span className="column-list-move">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('columns.moveUp', { column: label(spec) })}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('columns.moveDown', { column: label(spec) })}
                    disabled={index === shown.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                </span>
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby={`${headingId}-available`}>
          <h3 id={`${headingId}-available`} className="section-title">
            {t('columns.available')}
          </h3>
          <input
            type="search"
            className="choice-search"
            aria-label={t('columns.search')}
            placeholder={t('columns.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          {hidden.length === 0 ? (
            <p className="muted">{needle === '' ? t('columns.allShown') : t('columns.noMatch')}</p>
          ) : (
            <ul className="column-list">
              {hidden.map((spec) => (
                <li key={spec.id} className="column-list-item">
                  <label className="choice">
                    <input type="checkbox" checked={false} onChange={() => onChange([...layout.columns, spec.id])} />
                    {label(spec)}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Dialog>
  );
}
