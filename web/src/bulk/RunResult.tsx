import { useInfiniteQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { bulkUpdates, type BulkUpdateRecord } from '../api/endpoints';
import type { BulkUpdate, Language, SelectionEntity } from '../api/types';
import { Link, paths } from '../app/router';
import { formatNumber } from '../i18n/format';
import { Spinner } from '../ui/feedback';
import { BulkError } from './BulkError';
import { OutcomeCounts } from './RunProgress';

/** Refusal reasons of the run log that have their own text. Other reasons show their code. */
const KNOWN_REASONS = new Set(['LEAD_STATUS_NOT_ENABLED', 'deleted', 'NOT_FOUND', 'VERSION_CONFLICT']);

type OutcomeFilter = 'all' | BulkUpdateRecord['outcome'];

function reasonText(t: TFunction, reason: string | null): string {
  if (reason === null) return '';
  if (KNOWN_REASONS.has(reason)) return t(`bulkUpdate.reasons.${reason}` as 'bulkUpdate.reasons.deleted');
  return t('bulkUpdate.reasons.other', { code: reason });
}

/** Renders the last step: how the run ended, its counts, and the outcome for every record. */
export function RunResult({ run, entity }: { run: BulkUpdate; entity: SelectionEntity }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const number = (value: number) => formatNumber(value, language);

  let sentence = t('bulkUpdate.resultDone', { total: number(run.total) });
  if (run.status === 'stopped') sentence = t('bulkUpdate.resultStopped', { done: number(run.done), total: number(run.total) });
  if (run.status === 'interrupted') sentence = t('bulkUpdate.resultInterrupted', { done: number(run.done), total: number(run.total) });

  return (
    <div className="bulk-step">
      <div className="bulk-progress-head">
        <span className={`badge bulk-status bulk-status-${run.status}`}>{t(`bulkUpdate.status.${run.status}`)}</span>
        <span>{sentence}</span>
      </div>
      <OutcomeCounts run={run} />
      <RunLog run={run} entity={entity} />
    </div>
  );
}

/**
 * Lists the outcome per record, 500 at a time. The outcome filter works on the lines loaded so
 * far, because the API returns the log in id order without a filter.
 */
function RunLog({ run, entity }: { run: BulkUpdate; entity: SelectionEntity }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const filterId = useId();
  const [outcome, setOutcome] = useState<OutcomeFilter>('all');

  const log = useInfiniteQuery({
    queryKey: ['bulkUpdate', 'records', run.id],
    queryFn: ({ pageParam }) => bulkUpdates.records(run.id, pageParam),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextAfter,
  });
  const pages = log.data?.pages;
  const records = useMemo(() => pages?.flatMap((page) => page.items) ?? [], [pages]);
  const shown = outcome === 'all' ? records : records.filter((record) => record.outcome === outcome);
  // A full last page makes the API hand out a cursor even when nothing follows it.
  const hasMore = log.hasNextPage && records.length < run.done;

  if (log.isPending) return <Spinner label={t('common.loading')} />;
  if (log.isError && log.data === undefined) return <BulkError error={log.error} onRetry={() => void log.refetch()} />;
  if (records.length === 0) return <p className="muted">{t('bulkUpdate.logEmpty')}</p>;

  return (
    <section className="bulk-log" aria-labelledby={`${filterId}-title`}>
      <div className="bulk-log-head">
        <h3 id={`${filterId}-title`} className="section-title">
          {t('bulkUpdate.logTitle')}
        </h3>
        <label className="inline-field" htmlFor={filterId}>
          <span>{t('bulkUpdate.logFilter')}</span>
          <select id={filterId} value={outcome} onChange={(event) => setOutcome(event.target.value as OutcomeFilter)}>
            <option value="all">{t('bulkUpdate.logAll')}</option>
            {(['changed', 'unchanged', 'refused'] as const).map((value) => (
              <option key={value} value={value}>
                {t(`bulkUpdate.outcomes.${value}`)} ({formatNumber(run[value], language)})
              </option>
            ))}
          </select>
        </label>
      </div>
      {outcome !== 'all' && hasMore ? <p className="muted">{t('bulkUpdate.logFilterNote', { formatted: formatNumber(records.length, language) })}</p> : null}
      <div className="bulk-log-scroll">
        <table className="simple-table">
          <thead>
            <tr>
              <th scope="col">{t('fields.name')}</th>
              <th scope="col">{t('bulkUpdate.logOutcome')}</th>
              <th scope="col">{t('bulkUpdate.logReason')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((record) => (
              <tr key={record.recordId}>
                <td>
                  <Link to={entity === 'person' ? paths.person(record.recordId) : paths.company(record.recordId)}>
                    {record.name === null || record.name.trim() === '' ? t('bulkUpdate.unnamed') : record.name}
                  </Link>
                </td>
                <td>
                  <span className={`bulk-outcome bulk-outcome-${record.outcome}`}>{t(`bulkUpdate.outcomes.${record.outcome}`)}</span>
                </td>
                <td>{reasonText(t, record.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 ? <p className="muted bulk-log-empty">{t('bulkUpdate.logFilterEmpty')}</p> : null}
      </div>
      {hasMore ? (
        <button type="button" className="button button-secondary button-small bulk-log-more" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
          {log.isFetchingNextPage ? t('common.loading') : t('bulkUpdate.loadMore')}
        </button>
      ) : null}
      {log.isFetchNextPageError ? <BulkError error={log.error} onRetry={() => void log.fetchNextPage()} /> : null}
    </section>
  );
}
