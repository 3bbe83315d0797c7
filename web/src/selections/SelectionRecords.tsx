import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { Language, Selection } from '../api/types';
import { Link, paths } from '../app/router';
import { COMPANY_COLUMNS, COMPANY_LIST_DEFAULTS } from '../companies/companyColumns';
import { formatNumber } from '../i18n/format';
import { RecordList, type ListContext } from '../lists/RecordList';
import { PERSON_COLUMNS, PERSON_LIST_DEFAULTS } from '../persons/personColumns';
import { EmptyState } from '../ui/feedback';

/** Address of the find screen with a dynamic selection's criteria loaded for editing. */
export function editCriteriaPath(selectionId: number): string {
  return `${paths.find}?selection=${selectionId}`;
}

/** Preference keys of the layouts of selection lists: one per record kind, shared by all selections. */
export const SELECTION_LIST_KEYS = { person: 'list:selection-persons', company: 'list:selection-companies' } as const;

interface SelectionRecordsProps {
  selection: Selection;
  onAddMembers: () => void;
  onRemoveMembers: (ids: number[]) => void;
}

/** Lists the records of a selection with the columns, sort and filters of the person or company list. */
export function SelectionRecords({ selection, onAddMembers, onRemoveMembers }: SelectionRecordsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const removable = selection.kind === 'static' && selection.editable;

  const actions = (list: ListContext) =>
    removable && list.tickedIds.length > 0 ? (
      <button type="button" className="button button-secondary button-danger-text" onClick={() => onRemoveMembers(list.tickedIds)}>
        {t('selections.removeTicked', { count: list.tickedIds.length })}
      </button>
    ) : null;

  const common = {
    selectionId: selection.id,
    label: t('selections.recordsLabel', { name: selection.name }),
    actions,
    variant: 'page' as const,
    empty: <SelectionEmpty selection={selection} onAddMembers={onAddMembers} />,
  };

  if (selection.entity === 'person') {
    return (
      <RecordList
        {...common}
        kind="persons"
        preferenceKey={SELECTION_LIST_KEYS.person}
        specs={PERSON_COLUMNS}
        defaults={PERSON_LIST_DEFAULTS}
        countText={(count) => t('selections.countPersons', { count, formatted: formatNumber(count, language) })}
        rowHref={(person) => paths.person(person.id)}
      />
    );
  }
  return (
    <RecordList
      {...common}
      kind="companies"
      preferenceKey={SELECTION_LIST_KEYS.company}
      specs={COMPANY_COLUMNS}
      defaults={COMPANY_LIST_DEFAULTS}
      countText={(count) => t('selections.countCompanies', { count, formatted: formatNumber(count, language) })}
      rowHref={(company) => paths.company(company.id)}
    />
  );
}

function SelectionEmpty({ selection, onAddMembers }: { selection: Selection; onAddMembers: () => void }) {
  const { t } = useTranslation();
  let action: ReactNode = null;

  if (selection.kind === 'dynamic') {
    if (selection.editable) {
      action = (
        <Link to={editCriteriaPath(selection.id)} className="button button-secondary">
          {t('selections.editCriteria')}
        </Link>
      );
    }
    return (
      <EmptyState title={t('selections.noMatchesTitle')} action={action}>
        {t('selections.noMatchesText')}
      </EmptyState>
    );
  }

  if (selection.editable) {
    action = (
      <button type="button" className="button button-primary" onClick={onAddMembers}>
        <span className="icon icon-plus" aria-hidden="true" />
        {t('selections.addMembers')}
      </button>
    );
  }
  let text = t('selections.noMembersReadOnly');
  if (selection.editable) text = selection.entity === 'person' ? t('selections.noMembersPersons') : t('selections.noMembersCompanies');
  return (
    <EmptyState title={t('selections.noMembersTitle')} action={action}>
      {text}
    </EmptyState>
  );
}
