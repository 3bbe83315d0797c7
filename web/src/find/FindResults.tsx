import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../api/client';
import { fetchPage, type RecordKind } from '../api/endpoints';
import type { Criterion, Language, SelectionEntity } from '../api/types';
import { paths } from '../app/router';
import { COMPANY_COLUMNS, COMPANY_LIST_DEFAULTS } from '../companies/companyColumns';
import { formatNumber } from '../i18n/format';
import type { ListContext } from '../lists/RecordList';
import { RecordList } from '../lists/RecordList';
import { PERSON_COLUMNS, PERSON_LIST_DEFAULTS } from '../persons/personColumns';
import { EmptyState, ErrorNotice, Spinner } from '../ui/feedback';

export type ResultActions = (list: ListContext) => ReactNode;

export function recordKind(entity: SelectionEntity): RecordKind {
  return entity === 'person' ? 'persons' : 'companies';
}

/**
 * Asks the server whether it accepts the criteria, with one row and no count, and returns the
 * criteria once it does. The list would only show a general error, while an invalid search must
 * show its error at the offending line and no list at all.
 *
 * While a new search is checked, the criteria of the previous one stay as data, so the list keeps
 * showing (and keeps its layout and scroll position) instead of making way for a spinner. The key
 * starts with the record kind, so changes to records refresh it like the lists.
 */
export function useCriteriaCheck(entity: SelectionEntity, criteria: Criterion[][] | null) {
  const kind = recordKind(entity);
  return useQuery({
    queryKey: [kind, 'find-check', criteria],
    queryFn: async ({ signal }) => {
      const checked = criteria ?? [];
      await fetchPage(kind, { filter: checked, sort: '', limit: 1, includeTotal: false }, signal);
      return checked;
    },
    enabled: criteria !== null,
    staleTime: Infinity,
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[0] === kind ? previous : undefined),
  });
}

interface FindResultsProps {
  entity: SelectionEntity;
  check: ReturnType<typeof useCriteriaCheck>;
  /** Problems with the criteria as a whole, in the user's language; line problems show at the lines. */
  general: string[];
  language: Language;
  actions: ResultActions;
}

/** Shows the records that match the searched criteria, as a full list with columns, sorting and grouping. */
export function FindResults({ entity, check, general, language, actions }: FindResultsProps) {
  const { t } = useTranslation();

  if (check.isPending) return <Spinner label={t('common.loading')} />;
  if (check.isError) {
    if (isApiError(check.error, 'VALIDATION_FAILED')) {
      return (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">{t('find.invalidTitle')}</p>
          <p>{t('find.invalidText')}</p>
          {general.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      );
    }
    return <ErrorNotice error={check.error} onRetry={() => void check.refetch()} />;
  }
  const criteria = check.data;

  const countText = (count: number) => t(`find.count.${entity}`, { count, formatted: formatNumber(count, language) });
  const empty = (
    <EmptyState title={t('find.noMatchTitle')}>
      <p>{t('find.noMatchText')}</p>
    </EmptyState>
  );

  return (
    <section className="find-results" aria-labelledby="find-results-title">
      <h2 id="find-results-title" className="find-results-title">
        {t('find.results')}
      </h2>
      {criteria.length === 0 ? <p className="notice notice-info">{t(`find.allRecords.${entity}`)}</p> : null}
      {entity === 'person' ? (
        <RecordList
          key="persons"
          kind="persons"
          preferenceKey="find.persons"
          specs={PERSON_COLUMNS}
          defaults={PERSON_LIST_DEFAULTS}
          baseFilter={criteria}
          label={t('find.resultsOf.person')}
          countText={countText}
          rowHref={(person) => paths.person(person.id)}
          empty={empty}
          actions={actions}
          variant="page"
        />
      ) : (
        <RecordList
          key="companies"
          kind="companies"
          preferenceKey="find.companies"
          specs={COMPANY_COLUMNS}
          defaults={COMPANY_LIST_DEFAULTS}
          baseFilter={criteria}
          label={t('find.resultsOf.company')}
          countText={countText}
          rowHref={(company) => paths.company(company.id)}
          empty={empty}
          actions={actions}
          variant="page"
        />
      )}
    </section>
  );
}
