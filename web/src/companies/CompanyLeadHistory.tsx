import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { companies as companiesApi } from '../api/endpoints';
import { queryKeys } from '../api/queries';
import type { Company, Language, LeadStatusChange, Person } from '../api/types';
import { Link, paths } from '../app/router';
import { formatDateTime } from '../i18n/format';
import { EmptyState, ErrorNotice, Spinner } from '../ui/feedback';

/** Lists the lead status changes of all persons of a company, newest first, a hundred at a time. */
export function CompanyLeadHistory({ company }: { company: Company }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const history = useInfiniteQuery({
    queryKey: queryKeys.companyLeadStatusHistory(company.id),
    queryFn: ({ pageParam }) => companiesApi.leadStatusHistory(company.id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

  if (history.isPending) return <Spinner label={t('common.loading')} />;
  if (history.isError) return <ErrorNotice error={history.error} onRetry={() => void history.refetch()} />;

  const changes = history.data.pages.flatMap((page) => page.items);
  if (changes.length === 0) {
    return (
      <EmptyState title={t('history.emptyTitle')}>
        {company.category?.leadStatusEnabled ? t('history.emptyTextEnabled') : t('history.emptyTextNotEnabled')}
      </EmptyState>
    );
  }

  return (
    <div className="history">
      <HistoryTable changes={changes} language={language} showPerson />
      {history.hasNextPage ? (
        <div className="history-more">
          <button type="button" className="button button-secondary" disabled={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
            {history.isFetchingNextPage ? t('common.loading') : t('history.loadMore')}
          </button>
        </div>
      ) : null}
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
