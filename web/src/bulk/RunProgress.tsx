import { useTranslation } from 'react-i18next';

import type { BulkUpdate, Language } from '../api/types';
import { formatNumber } from '../i18n/format';

/** Shows the changed, unchanged and refused counts of a run. */
export function OutcomeCounts({ run }: { run: BulkUpdate }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;

  return (
    <dl className="bulk-counts">
      {(['changed', 'unchanged', 'refused'] as const).map((outcome) => (
        <div key={outcome} className={`bulk-count bulk-outcome-${outcome}`}>
          <dt>{t(`bulkUpdate.outcomes.${outcome}`)}</dt>
          <dd>{formatNumber(run[outcome], language)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Renders the third step: a progress bar, the counts so far and what stopping does. */
export function RunProgress({ run }: { run: BulkUpdate }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const share = run.total === 0 ? 1 : run.done / run.total;
  const progress = t('bulkUpdate.progress', { done: formatNumber(run.done, language), total: formatNumber(run.total, language) });

  return (
    <div className="bulk-step">
      <div className="bulk-progress-head">
        <span className={`badge bulk-status bulk-status-${run.status}`}>{t(`bulkUpdate.status.${run.status}`)}</span>
        <span className="bulk-progress-text">{progress}</span>
      </div>
      <div
        className="bulk-progress"
        role="progressbar"
        aria-label={t('bulkUpdate.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={run.total}
        aria-valuenow={run.done}
        aria-valuetext={progress}
      >
        <div className="bulk-progress-bar" style={{ width: `${Math.round(share * 1000) / 10}%` }} />
      </div>
      <OutcomeCounts run={run} />
      <p className={`notice ${run.status === 'stopping' ? 'notice-warning' : 'notice-info'}`}>
        {run.status === 'stopping' ? t('bulkUpdate.stopping') : t('bulkUpdate.stopHint')}
      </p>
    </div>
  );
}
