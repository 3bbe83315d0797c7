import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { navigate, paths } from '../app/router';
import { BulkUpdateButton } from '../bulk/BulkUpdateButton';
import { formatNumber } from '../i18n/format';
import { RecordList } from '../lists/RecordList';
import { EmptyState } from '../ui/feedback';
import { useToast } from '../ui/toast';
import type { Language } from '../api/types';
import { COMPANY_COLUMNS, COMPANY_LIST_DEFAULTS } from './companyColumns';
import { CompanyFormDialog } from './CompanyFormDialog';

export default function CompanyListPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [creating, setCreating] = useState(false);
  const toast = useToast();

  const newButton = (
    <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
      <span className="icon icon-plus" aria-hidden="true" />
      {t('companies.new')}
    </button>
  );

  return (
    <div className="page page-list">
      <header className="page-header">
        <h1 className="page-title">{t('companies.title')}</h1>
        {newButton}
      </header>
      <RecordList
        kind="companies"
        preferenceKey="list:companies"
        specs={COMPANY_COLUMNS}
        defaults={COMPANY_LIST_DEFAULTS}
        label={t('companies.title')}
        countText={(count) => t('companies.count', { count, formatted: formatNumber(count, language) })}
        rowHref={(company) => paths.company(company.id)}
        actions={(list) => <BulkUpdateButton entity="company" list={list} />}
        variant="page"
        empty={
          <EmptyState title={t('companies.emptyTitle')} action={newButton}>
            {t('companies.emptyText')}
          </EmptyState>
        }
      />
      <CompanyFormDialog
        open={creating}
        company={null}
        onClose={() => setCreating(false)}
        onSaved={(company) => {
          setCreating(false);
          toast(t('companies.created', { name: company.name }));
          navigate(paths.company(company.id));
        }}
      />
    </div>
  );
}
