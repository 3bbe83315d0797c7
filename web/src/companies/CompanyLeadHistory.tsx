import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { fetchPage, persons as personsApi } from '../api/endpoints';
import { queryKeys } from '../api/queries';
import type { Company, Language, LeadStatusChange, Person } from '../api/types';
import { Link, paths } from '../app/router';
import { formatDateTime, formatNumber } from '../i18n/format';
import { EmptyState, ErrorNotice, Spinner } from '../ui/feedback';

/**
 * Persons whose history the tab loads. The API has lead status history per person only, so the
 * tab makes one request per person.
 */
const MAX_PERSONS = 50;

interface CompanyChange extends LeadStatusChange {
  person: Pick<Person, 'id' | 'fullName'>;
}

/** Lists the lead status changes of all persons of a company, newest first. */
export function CompanyLeadHistory({ company }: { company: Company }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const filter = [{ field: 'company', operator: 'isOneOf', values: [company.id] }];

  const personPage = useQuery({
    queryKey: ['persons', 'list', filter, 'lastName', 'history'],
    queryFn: ({ signal }) => fetchPage<Person>('persons', { filter, sort: 'lastName', limit: MAX_PERSONS }, signal),
  });
  const people = personPage.data?.items ?? [];
  const histories = useQueries({
    queries: people.map((person) => ({
      queryKey: queryKeys.leadStatusHistory(person.id),
      queryFn: () => personsApi.leadStatusHistory(person.id),
    })),
  });

  if (personPage.isPending || histories.some((history) => history.isPending)) return <Spinner label={t('common.loading')} />;
  if (personPage.isError) return <ErrorNotice error={personPage.error} onRetry={() => void personPage.refetch()} />;
  const failed = histories.find((history) => history.isError);
  if (failed) return <ErrorNotice error={failed.error} onRetry={() => void failed.refetch()} />;

  const changes: CompanyChange[] = histories
    .flatMap((history, index) => {
      const person = people[index];
      if (person === undefined) return [];
      return (history.data?.items ?? []).map((change) => ({ ...change, person }));
    })
    .sort((a, b) => b.changedAt.localeCompare(a.changedAt) || b.id - a.id);

  if (changes.length === 0) {
    return (
      <EmptyState title={t('history.emptyTitle')}>
        {company.category?.leadStatusEnabled ? t('history.emptyTextEnabled') : t('history.emptyTextNotEnabled')}
      </EmptyState>
    );
  }

  const total = personPage.data.total ?? 0;
  return (
    <div className="history">
      {total > MAX_PERSONS ? (
        <p className="notice notice-info">
          {t('history.partial', { shown: formatNumber(MAX_PERSONS, language), total: formatNumber(total, language) })}
        </p>
      ) : null}
      <HistoryTable changes={changes} language={language} showPerson />
    </div>
  );
}

export function HistoryTable({
  changes,
  language,
  showPerson,
}: {
  changes: Array<LeadStatusChange & { person?: Pick<Person, 'id' | 'fullName'> }>;
  language: Language;
  showPerson: boolean;
}) {
  const { t } = useTranslation();
  const statusName = (status: LeadStatusChange['from']) =>
    status === null ? (
      <span className="muted">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('list.noValue')}</span>
      </span>
    ) : status.deleted ? `${status.name} ${t('common.deletedSuffix')}` : status.name;

  return (
    <table className="simple-table">
      <caption className="visually-hidden">{t('history.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('history.changedAt')}</th>
          {showPerson ? <th scope="col">{t('history.person')}</th> : null}
          <th scope="col">{t('history.from')}</th>
          <th scope="col">{t('history.to')}</th>
          <th scope="col">{t('history.changedBy')}</th>
          <th scope="col">{t('history.source')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.id}>
            <td className="nowrap">{formatDateTime(change.changedAt, language)}</td>
            {showPerson && change.person ? (
              <td>
                <Link to={paths.person(change.person.id)}>{change.person.fullName}</Link>
              </td>
            ) : null}
            <td>{statusName(change.from)}</td>
            <td>{statusName(change.to)}</td>
            <td>{change.changedBy?.name ?? <span className="muted">{t('history.system')}</span>}</td>
            <td>{t(`history.sources.${change.source}` as 'history.sources.edit', { defaultValue: change.source })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
