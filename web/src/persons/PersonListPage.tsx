import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Language } from '../api/types';
import { navigate, paths } from '../app/router';
import { BulkUpdateButton } from '../bulk/BulkUpdateButton';
import { formatNumber } from '../i18n/format';
import { RecordList } from '../lists/RecordList';
import { EmptyState } from '../ui/feedback';
import { useToast } from '../ui/toast';
import { PERSON_COLUMNS, PERSON_LIST_DEFAULTS } from './personColumns';
import { PersonFormDialog } from './PersonFormDialog';

export default function PersonListPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [creating, setCreating] = useState(false);
  const toast = useToast();

  const newButton = (
    <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
      <span className="icon icon-plus" aria-hidden="true" />
      {t('persons.new')}
    </button>
  );

  return (
    <div className="page page-list">
      <header className="page-header">
        <h1 className="page-title">{t('persons.title')}</h1>
        {newButton}
      </header>
      <RecordList
        kind="persons"
        preferenceKey="list:persons"
        specs={PERSON_COLUMNS}
        defaults={PERSON_LIST_DEFAULTS}
        label={t('persons.title')}
        countText={(count) => t('persons.count', { count, formatted: formatNumber(count, language) })}
        rowHref={(person) => paths.person(person.id)}
        actions={(list) => <BulkUpdateButton entity="person" list={list} />}
        variant="page"
        empty={
          <EmptyState title={t('persons.emptyTitle')} action={newButton}>
            {t('persons.emptyText')}
          </EmptyState>
        }
      />
      <PersonFormDialog
        open={creating}
        person={null}
        onClose={() => setCreating(false)}
        onSaved={(person) => {
          setCreating(false);
          toast(t('persons.created', { name: person.fullName }));
          navigate(paths.person(person.id));
        }}
      />
    </div>
  );
}
