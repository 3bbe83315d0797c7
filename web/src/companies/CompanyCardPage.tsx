import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../api/client';
import { companies } from '../api/endpoints';
import { queryKeys } from '../api/queries';
import type { Company, Language } from '../api/types';
import { Link, navigate, paths, useLocation } from '../app/router';
import { formatDate } from '../i18n/format';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { DeletedNotice } from '../ui/DeletedNotice';
import { Detail } from '../ui/Detail';
import { EmptyState, ErrorNotice, Spinner } from '../ui/feedback';
import { Tabs } from '../ui/Tabs';
import { useToast } from '../ui/toast';
import { useDeleteRecord } from '../ui/useDeleteRecord';
import { CompanyFormDialog } from './CompanyFormDialog';
import { CompanyLeadHistory } from './CompanyLeadHistory';
import { CompanyPersons } from './CompanyPersons';
import { CompanySales } from '../sales/CompanySales';

const TABS = ['persons', 'history', 'sales'] as const;
type TabId = (typeof TABS)[number];

export default function CompanyCardPage({ companyId }: { companyId: number }) {
  const { t } = useTranslation();
  const company = useQuery({ queryKey: queryKeys.company(companyId), queryFn: () => companies.get(companyId) });

  if (company.isPending) return <Spinner label={t('common.loading')} />;
  if (company.isError) {
    return (
      <div className="page">
        <Breadcrumb name={null} />
        {isApiError(company.error, 'NOT_FOUND') ? (
          <EmptyState title={t('companies.notFoundTitle')} action={<Link to={paths.companies}>{t('companies.backToList')}</Link>}>
            {t('companies.notFoundText')}
          </EmptyState>
        ) : (
          <ErrorNotice error={company.error} onRetry={() => void company.refetch()} />
        )}
      </div>
    );
  }
  return <CompanyCard company={company.data} />;
}

function Breadcrumb({ name }: { name: string | null }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
      <Link to={paths.companies}>{t('companies.title')}</Link>
      {name === null ? null : (
        <>
          <span aria-hidden="true"> / </span>
          <span aria-current="page" title={name}>
            {name}
          </span>
        </>
      )}
    </nav>
  );
}

function CompanyCard({ company }: { company: Company }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const location = useLocation();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const deletion = useDeleteRecord(
    queryKeys.company(company.id),
    () => companies.remove(company.id, company.version),
    () => {
      toast(t('companies.deleted', { name: company.name }));
      navigate(paths.companies);
    },
  );

  const tabParam = location.searchParams.get('tab');
  const tab: TabId = TABS.includes(tabParam as TabId) ? (tabParam as TabId) : 'persons';
  const address = [company.street, [company.postcode, company.city].filter(Boolean).join(' '), company.country]
    .filter((part) => part !== null && part !== '')
    .join(', ');

  return (
    <div className="page page-card">
      <Breadcrumb name={company.name} />
      <header className="card-header">
        <div>
          <p className="card-kind">{t('companies.card')}</p>
          <h1 className="page-title">{company.name}</h1>
        </div>
        {company.deletedAt === null ? (
          <div className="card-actions">
            <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </button>
            <button type="button" className="button button-ghost button-danger-text" onClick={deletion.ask}>
              {t('common.delete')}
            </button>
          </div>
        ) : null}
      </header>

      {company.deletedAt === null ? null : (
        <DeletedNotice
          text={t('companies.deletedNotice', { date: formatDate(company.deletedAt, language) })}
          recordKey={queryKeys.company(company.id)}
          restore={() => companies.restore(company.id)}
          onRestored={() => toast(t('companies.restored', { name: company.name }))}
        />
      )}

      <section className="card-details" aria-label={t('companies.details')}>
        <dl className="details-grid">
          <Detail label={t('fields.category')}>
            {company.category === null ? (
              <span className="muted">{t('companies.noCategory')}</span>
            ) : (
              <>
                {company.category.name}
                {company.category.deleted ? <span className="muted"> {t('common.deletedSuffix')}</span> : null}
              </>
            )}
          </Detail>
          <Detail label={t('fields.categoryGroup')}>
            {company.categoryGroup === null ? <span className="muted">—</span> : t(`categoryGroups.${company.categoryGroup}`)}
          </Detail>
          <Detail label={t('fields.leadStatus')}>
            {company.category?.leadStatusEnabled ? t('companies.leadStatusEnabled') : <span className="muted">{t('companies.leadStatusNotEnabled')}</span>}
          </Detail>
          <Detail label={t('fields.owner')}>{company.owner?.name ?? <span className="muted">{t('common.nobody')}</span>}</Detail>
          <Detail label={t('fields.address')}>{address === '' ? <span className="muted">—</span> : address}</Detail>
          <Detail label={t('fields.phone')}>
            {company.phone ? <a href={`tel:${company.phone}`}>{company.phone}</a> : <span className="muted">—</span>}
          </Detail>
          <Detail label={t('fields.website')}>
            {company.website ? (
              <a href={websiteUrl(company.website)} target="_blank" rel="noreferrer noopener">
                {company.website}
              </a>
            ) : (
              <span className="muted">—</span>
            )}
          </Detail>
          <Detail label={t('fields.registeredAt')}>{formatDate(company.registeredAt, language)}</Detail>
        </dl>
      </section>

      <Tabs
        label={t('companies.sections')}
        tabs={[
          { id: 'persons', label: t('companies.tabPersons') },
          { id: 'history', label: t('companies.tabHistory') },
          { id: 'sales', label: t('companies.tabSales') },
        ]}
        selected={tab}
        onSelect={(id) => navigate(`${paths.company(company.id)}${id === 'persons' ? '' : `?tab=${id}`}`, { replace: true })}
      >
        {tab === 'persons' ? <CompanyPersons company={company} /> : null}
        {tab === 'history' ? <CompanyLeadHistory company={company} /> : null}
        {tab === 'sales' ? <CompanySales company={company} /> : null}
      </Tabs>

      <CompanyFormDialog
        open={editing}
        company={company}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          toast(t('companies.saved'));
        }}
      />
      <ConfirmDialog
        open={deletion.open}
        title={t('companies.deleteTitle', { name: company.name })}
        text={t('companies.deleteText')}
        confirmLabel={t('common.delete')}
        danger
        busy={deletion.busy}
        error={deletion.error}
        onConfirm={deletion.confirm}
        onCancel={deletion.cancel}
      />
    </div>
  );
}

/** Websites are stored as typed ("bakkerij.nl"); a link needs a scheme. */
function websiteUrl(website: string): string {
  return /^https?:\/\//i.test(website) ? website : `https://${website}`;
}
