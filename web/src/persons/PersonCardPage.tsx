import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../api/client';
import { persons } from '../api/endpoints';
import { queryKeys } from '../api/queries';
import type { Language, Person } from '../api/types';
import { Link, navigate, paths } from '../app/router';
import { HistoryTable } from '../companies/CompanyLeadHistory';
import { formatDate, formatNumber } from '../i18n/format';
import { SaleFormDialog } from '../sales/SaleFormDialog';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { DeletedNotice } from '../ui/DeletedNotice';
import { Detail } from '../ui/Detail';
import { EmptyState, ErrorNotice, Spinner } from '../ui/feedback';
import { useToast } from '../ui/toast';
import { useDeleteRecord } from '../ui/useDeleteRecord';
import { LeadStatusField } from './LeadStatusField';
import { PersonFormDialog } from './PersonFormDialog';
import { StatusTimeline } from './StatusTimeline';

export default function PersonCardPage({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const person = useQuery({ queryKey: queryKeys.person(personId), queryFn: () => persons.get(personId) });

  if (person.isPending) return <Spinner label={t('common.loading')} />;
  if (person.isError) {
    return (
      <div className="page">
        <Breadcrumb name={null} />
        {isApiError(person.error, 'NOT_FOUND') ? (
          <EmptyState title={t('persons.notFoundTitle')} action={<Link to={paths.persons}>{t('persons.backToList')}</Link>}>
            {t('persons.notFoundText')}
          </EmptyState>
        ) : (
          <ErrorNotice error={person.error} onRetry={() => void person.refetch()} />
        )}
      </div>
    );
  }
  return <PersonCard person={person.data} />;
}

function Breadcrumb({ name }: { name: string | null }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
      <Link to={paths.persons}>{t('persons.title')}</Link>
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

function PersonCard({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const toast = useToast();
  const leadStatusLabelId = useId();
  const [editing, setEditing] = useState(false);
  const [registeringSale, setRegisteringSale] = useState(false);
  const deletion = useDeleteRecord(
    queryKeys.person(person.id),
    () => persons.remove(person.id, person.version),
    () => {
      toast(t('persons.deleted', { name: person.fullName }));
      navigate(person.company ? paths.company(person.company.id) : paths.persons);
    },
  );
  const dash = <span className="muted">—</span>;

  return (
    <div className="page page-card">
      <Breadcrumb name={person.fullName} />
      <header className="card-header">
        <div>
          <p className="card-kind">{t('persons.card')}</p>
          <h1 className="page-title">
            {person.salutation ? <span className="muted">{person.salutation} </span> : null}
            {person.fullName}
          </h1>
          <p className="card-subtitle">
            {person.jobTitle ?? null}
            {person.jobTitle && person.company ? ` ${t('persons.at')} ` : null}
            {person.company ? <Link to={paths.company(person.company.id)}>{person.company.name}</Link> : null}
            {person.formerEmployee ? <span className="badge badge-muted">{t('fields.formerEmployee')}</span> : null}
          </p>
        </div>
        {person.deletedAt === null ? (
          <div className="card-actions">
            {person.company === null ? null : (
              <button type="button" className="button button-secondary" onClick={() => setRegisteringSale(true)}>
                {t('sales.add')}
              </button>
            )}
            <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </button>
            <button type="button" className="button button-ghost button-danger-text" onClick={deletion.ask}>
              {t('common.delete')}
            </button>
          </div>
        ) : null}
      </header>

      {person.deletedAt === null ? null : (
        <DeletedNotice
          text={t('persons.deletedNotice', { date: formatDate(person.deletedAt, language) })}
          recordKey={queryKeys.person(person.id)}
          restore={() => persons.restore(person.id)}
          onRestored={() => toast(t('persons.restored', { name: person.fullName }))}
        />
      )}

      <div className="card-panels">
        <section className="panel" aria-labelledby={`${leadStatusLabelId}-lead`}>
          <h2 className="panel-title" id={`${leadStatusLabelId}-lead`}>
            {t('persons.leadPanel')}
          </h2>
          <dl className="details-list">
            <Detail label={t('fields.company')}>
              {person.company ? <Link to={paths.company(person.company.id)}>{person.company.name}</Link> : <span className="muted">{t('persons.noCompany')}</span>}
            </Detail>
            <Detail label={t('fields.category')}>
              {person.category ? (
                <>
                  {person.category.name}
                  {person.category.deleted ? <span className="muted"> {t('common.deletedSuffix')}</span> : null}
                  {person.categoryGroup && t(`categoryGroups.${person.categoryGroup}`) !== person.category.name ? (
                    <span className="muted"> · {t(`categoryGroups.${person.categoryGroup}`)}</span>
                  ) : null}
                </>
              ) : (
                dash
              )}
            </Detail>
            <div className="detail detail-lead-status">
              <dt id={leadStatusLabelId}>{t('fields.leadStatus')}</dt>
              <dd>
                <LeadStatusField person={person} labelId={leadStatusLabelId} readOnly={person.deletedAt !== null} />
              </dd>
            </div>
            {person.leadStatusEnabled ? (
              <Detail label={t('fields.daysInStatus')}>
                {person.daysInStatus === null ? dash : t('persons.days', { count: person.daysInStatus, formatted: formatNumber(person.daysInStatus, language) })}
              </Detail>
            ) : null}
            <Detail label={t('fields.leadSource')}>{person.leadSource ?? dash}</Detail>
          </dl>
        </section>

        <section className="panel" aria-labelledby={`${leadStatusLabelId}-contact`}>
          <h2 className="panel-title" id={`${leadStatusLabelId}-contact`}>
            {t('persons.contactPanel')}
          </h2>
          <dl className="details-list">
            <Detail label={t('fields.email')}>{person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : dash}</Detail>
            <Detail label={t('fields.phone')}>{person.phone ? <a href={`tel:${person.phone}`}>{person.phone}</a> : dash}</Detail>
            <Detail label={t('fields.mobile')}>{person.mobile ? <a href={`tel:${person.mobile}`}>{person.mobile}</a> : dash}</Detail>
            <Detail label={t('fields.owner')}>{person.owner?.name ?? <span className="muted">{t('common.nobody')}</span>}</Detail>
            <Detail label={t('fields.registeredAt')}>{formatDate(person.registeredAt, language)}</Detail>
          </dl>
        </section>
      </div>

      <PersonHistory person={person} />
      <StatusTimeline person={person} />

      {person.company === null ? null : (
        <SaleFormDialog
          company={person.company}
          personId={person.id}
          open={registeringSale}
          onClose={() => setRegisteringSale(false)}
          onSaved={() => {
            setRegisteringSale(false);
            toast(t('sales.saved'));
          }}
        />
      )}
      <PersonFormDialog
        open={editing}
        person={person}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          toast(t('persons.saved'));
        }}
      />
      <ConfirmDialog
        open={deletion.open}
        title={t('persons.deleteTitle', { name: person.fullName })}
        text={t('persons.deleteText')}
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

function PersonHistory({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const headingId = useId();
  const history = useQuery({
    queryKey: [...queryKeys.leadStatusHistory(person.id), person.version],
    queryFn: () => persons.leadStatusHistory(person.id),
  });

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 className="panel-title" id={headingId}>
        {t('history.title')}
      </h2>
      {history.isPending ? <Spinner label={t('common.loading')} /> : null}
      {history.isError ? <ErrorNotice error={history.error} onRetry={() => void history.refetch()} /> : null}
      {history.isSuccess && history.data.items.length === 0 ? <p className="muted">{t('history.emptyPerson')}</p> : null}
      {history.isSuccess && history.data.items.length > 0 ? <HistoryTable changes={history.data.items} language={language} showPerson={false} /> : null}
    </section>
  );
}
