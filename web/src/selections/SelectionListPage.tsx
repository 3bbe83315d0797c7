import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Language, Selection, SelectionEntity } from '../api/types';
import { Link, navigate, paths } from '../app/router';
import { useSession } from '../auth/session';
import { formatDate, formatNumber } from '../i18n/format';
import { EmptyState, ErrorNotice, Spinner } from '../ui/feedback';
import { Popover } from '../ui/Popover';
import { CopyResult } from './CopyResult';
import { DeleteSelectionDialog } from './DeleteSelectionDialog';
import { entityLabel, foldForSearch, kindLabel, visibilityLabel } from './selectionLabels';
import { useSelections } from './selectionQueries';
import { useCopySelection } from './useCopySelection';

type EntityFilter = 'all' | SelectionEntity;

const ENTITY_FILTERS: EntityFilter[] = ['all', 'person', 'company'];

/** Renders the saved selections the user may see. */
export default function SelectionListPage() {
  const { t } = useTranslation();
  const list = useSelections();
  const copying = useCopySelection();
  const [entity, setEntity] = useState<EntityFilter>('all');
  const [search, setSearch] = useState('');
  const [deletingId, setDeletingId] = useState<number | null>(null);

  const all = list.data ?? [];
  const folded = foldForSearch(search.trim());
  const matching = all.filter((selection) => (entity === 'all' || selection.entity === entity) && foldForSearch(selection.name).includes(folded));
  // Looked up on every render, so a retry after a conflict sends the version loaded since.
  const deleting = all.find((selection) => selection.id === deletingId) ?? null;

  const newButton = (
    <Link to={paths.find} className="button button-primary">
      <span className="icon icon-plus" aria-hidden="true" />
      {t('selections.new')}
    </Link>
  );

  let body;
  if (list.isPending) {
    body = <Spinner label={t('common.loading')} />;
  } else if (list.isError) {
    body = <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />;
  } else if (all.length === 0) {
    body = (
      <div className="selection-empty">
        <EmptyState
          title={t('selections.emptyTitle')}
          action={
            <button type="button" className="button button-primary" onClick={() => navigate(paths.find)}>
              <span className="icon icon-find" aria-hidden="true" />
              {t('selections.toFind')}
            </button>
          }
        >
          {t('selections.emptyText')}
        </EmptyState>
      </div>
    );
  } else {
    body = (
      <>
        <SelectionToolbar
          entity={entity}
          onEntity={setEntity}
          search={search}
          onSearch={setSearch}
          count={matching.length}
        />
        {matching.length === 0 ? (
          <div className="selection-empty">
            <EmptyState
              title={t('selections.noMatchTitle')}
              action={
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    setSearch('');
                    setEntity('all');
                  }}
                >
                  {t('selections.showAll')}
                </button>
              }
            >
              {t('selections.noMatchText')}
            </EmptyState>
          </div>
        ) : (
          <SelectionTable
            rows={matching}
            copyingId={copying.busyId}
            onCopy={copying.copy}
            onDelete={(selection) => setDeletingId(selection.id)}
          />
        )}
      </>
    );
  }

  return (
    <div className="page page-selections">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('selections.title')}</h1>
          <p className="page-intro">{t('selections.intro')}</p>
        </div>
        {newButton}
      </header>
      <CopyResult created={copying.created} error={copying.error} onDismiss={copying.dismiss} />
      {body}
      <DeleteSelectionDialog selection={deleting} onClose={() => setDeletingId(null)} />
    </div>
  );
}

function SelectionToolbar({
  entity,
  onEntity,
  search,
  onSearch,
  count,
}: {
  entity: EntityFilter;
  onEntity: (entity: EntityFilter) => void;
  search: string;
  onSearch: (text: string) => void;
  count: number;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const labels: Record<EntityFilter, string> = {
    all: t('selections.filterAll'),
    person: t('selections.entity.person'),
    company: t('selections.entity.company'),
  };

  return (
    <div className="list-toolbar">
      <p className="list-count" aria-live="polite">
        {t('selections.count', { count, formatted: formatNumber(count, language) })}
      </p>
      <div className="list-toolbar-controls">
        <div className="segmented" role="group" aria-label={t('selections.filterLabel')}>
          {ENTITY_FILTERS.map((option) => (
            <button
              key={option}
              type="button"
              className="segmented-option"
              aria-pressed={entity === option}
              onClick={() => onEntity(option)}
            >
              {labels[option]}
            </button>
          ))}
        </div>
        <label className="selection-search">
          <span className="icon icon-find" aria-hidden="true" />
          <span className="visually-hidden">{t('selections.searchLabel')}</span>
          <input
            type="search"
            value={search}
            placeholder={t('selections.searchPlaceholder')}
            onChange={(event) => onSearch(event.target.value)}
          />
        </label>
      </div>
    </div>
  );
}

function SelectionTable({
  rows,
  copyingId,
  onCopy,
  onDelete,
}: {
  rows: Selection[];
  copyingId: number | null;
  onCopy: (selection: Selection) => void;
  onDelete: (selection: Selection) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { user } = useSession();

  return (
    <div className="selection-table-frame">
      <table className="simple-table selection-table">
        <caption className="visually-hidden">{t('selections.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fields.name')}</th>
            <th scope="col">{t('selections.columns.records')}</th>
            <th scope="col">{t('selections.columns.kind')}</th>
            <th scope="col">{t('selections.columns.owner')}</th>
            <th scope="col">{t('selections.columns.visibility')}</th>
            <th scope="col">{t('selections.columns.updatedAt')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('selections.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((selection) => (
            <tr key={selection.id}>
              <td className="selection-name-cell">
                <Link to={paths.selection(selection.id)} className="selection-name">
                  {selection.name}
                </Link>
                {selection.description ? (
                  <span className="selection-description" title={selection.description}>
                    {selection.description}
                  </span>
                ) : null}
              </td>
              <td>
                <span className={`selection-entity selection-entity-${selection.entity}`}>
                  <span className={`icon ${selection.entity === 'person' ? 'icon-person' : 'icon-building'}`} aria-hidden="true" />
                  {entityLabel(t, selection)}
                </span>
              </td>
              <td>
                <span className={`badge selection-kind-${selection.kind}`}>{kindLabel(t, selection)}</span>
              </td>
              <td>{selection.owner.id === user.id ? t('selections.you') : selection.owner.name}</td>
              <td>{visibilityLabel(t, selection)}</td>
              <td className="nowrap">{formatDate(selection.updatedAt, language)}</td>
              <td className="selection-actions-cell">
                <RowActions selection={selection} copying={copyingId === selection.id} onCopy={onCopy} onDelete={onDelete} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RowActions({
  selection,
  copying,
  onCopy,
  onDelete,
}: {
  selection: Selection;
  copying: boolean;
  onCopy: (selection: Selection) => void;
  onDelete: (selection: Selection) => void;
}) {
  const { t } = useTranslation();
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);

  function choose(action: () => void) {
    setOpen(false);
    anchor.current?.focus();
    action();
  }

  return (
    <>
      <button
        ref={anchor}
        type="button"
        className="icon-button selection-more"
        aria-label={t('selections.actionsFor', { name: selection.name })}
        aria-haspopup="dialog"
        aria-expanded={open}
        disabled={copying}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="icon icon-more" aria-hidden="true" />
      </button>
      {open ? (
        <Popover anchor={anchor} label={t('selections.actionsFor', { name: selection.name })} onClose={() => setOpen(false)} width={200}>
          <ul className="selection-menu">
            <li>
              <button type="button" className="selection-menu-item" onClick={() => choose(() => navigate(paths.selection(selection.id)))}>
                {t('selections.open')}
              </button>
            </li>
            <li>
              <button type="button" className="selection-menu-item" onClick={() => choose(() => onCopy(selection))}>
                {t('selections.copy')}
              </button>
            </li>
            {selection.editable ? (
              <li>
                <button type="button" className="selection-menu-item button-danger-text" onClick={() => choose(() => onDelete(selection))}>
                  {t('common.delete')}
                </button>
              </li>
            ) : null}
          </ul>
        </Popover>
      ) : null}
    </>
  );
}
