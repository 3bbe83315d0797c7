import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Company, Criterion, Language } from '../api/types';
import { paths } from '../app/router';
import { formatNumber } from '../i18n/format';
import { RecordList } from '../lists/RecordList';
import { COMPANY_PERSON_LIST_DEFAULTS, PERSON_COLUMNS } from '../persons/personColumns';
import { PersonFormDialog } from '../persons/PersonFormDialog';
import { EmptyState } from '../ui/feedback';
import { useToast } from '../ui/toast';

/** Shows the Contactpersonen tab: the persons of one company, in the same list as the Personen screen. */
export function CompanyPersons({ company }: { company: Company }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const toast = useToast();
  const [adding, setAdding] = useState(false);
  const baseFilter = useMemo<Criterion[]>(() => [{ field: 'company', operator: 'isOneOf', values: [company.id] }], [company.id]);

  const addButton = (
    <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
      <span className="icon icon-plus" aria-hidden="true" />
      {t('persons.add')}
    </button>
  );

  return (
    <>
      <RecordList
        kind="persons"
        preferenceKey="list:company-persons"
        specs={PERSON_COLUMNS}
        defaults={COMPANY_PERSON_LIST_DEFAULTS}
        baseFilter={baseFilter}
        label={t('companies.tabPersons')}
        countText={(count) => t('persons.count', { count, formatted: formatNumber(count, language) })}
        rowHref={(person) => paths.person(person.id)}
        actions={addButton}
        variant="tab"
        empty={
          <EmptyState title={t('companies.noPersonsTitle')} action={addButton}>
            {t('companies.noPersonsText', { name: company.name })}
          </EmptyState>
        }
      />
      <PersonFormDialog
        open={adding}
        person={null}
        company={{ id: company.id, name: company.name }}
        onClose={() => setAdding(false)}
        onSaved={(person, another) => {
          toast(t('persons.created', { name: person.fullName }));
          if (!another) setAdding(false);
        }}
        allowAnother
      />
    </>
  );
}

