import { useTranslation } from 'react-i18next';

import type { BulkUpdateTarget, Language, SelectionEntity } from '../api/types';
import { formatNumber } from '../i18n/format';
import { Spinner } from '../ui/feedback';
import { BulkError } from './BulkError';
import { BATCH_SIZES, coversEverything, type BulkChoice } from './changes';
import { ChangeSummary } from './ChangeSummary';

/**
 * Counts of a preview as the dialog shows them. The person preview names refused persons with a
 * reason; the company preview has no refusals but counts the persons of the companies that change.
 */
export interface PreviewCounts {
  total: number;
  change: number;
  unchanged: number;
  refused: Array<{ reason: 'leadStatusNotEnabled'; count: number }>;
  persons?: number;
}

interface PreviewStepProps {
  entity: SelectionEntity;
  target: BulkUpdateTarget;
  choice: BulkChoice;
  preview: PreviewCounts | undefined;
  error: unknown;
  onRetry: () => void;
}

/** Renders the second step: how many records the update changes, leaves alone or cannot change. */
export function PreviewStep({ entity, target, choice, preview, error, onRetry }: PreviewStepProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const number = (value: number) => formatNumber(value, language);

  let body;
  if (error) {
    body = <BulkError error={error} onRetry={onRetry} />;
  } else if (preview === undefined) {
    body = <Spinner label={t('bulkUpdate.counting')} />;
  } else {
    body = (
      <>
        {coversEverything(target) ? (
          <p className="notice notice-warning bulk-everything">
            {t(entity === 'person' ? 'bulkUpdate.previewAllPersons' : 'bulkUpdate.previewAllCompanies', { formatted: number(preview.total) })}
          </p>
        ) : null}
        <div className="bulk-preview" aria-live="polite">
          <p className="bulk-preview-total">
            {t(entity === 'person' ? 'bulkUpdate.previewOfPersons' : 'bulkUpdate.previewOfCompanies', {
              count: preview.total,
              formatted: number(preview.total),
            })}
          </p>
          <ul className="bulk-preview-lines">
            <li className="bulk-outcome-changed">{t('bulkUpdate.previewChange', { count: preview.change, formatted: number(preview.change) })}</li>
            <li className="bulk-outcome-unchanged">
              {t('bulkUpdate.previewUnchanged', { count: preview.unchanged, formatted: number(preview.unchanged) })}
            </li>
            {preview.refused.map((entry) => (
              <li key={entry.reason} className="bulk-outcome-refused">
                {t('bulkUpdate.previewRefused', {
                  count: entry.count,
                  formatted: number(entry.count),
                  reason: t(`bulkUpdate.refusedReasons.${entry.reason}`),
                })}
              </li>
            ))}
          </ul>
          {entity === 'company' && preview.persons !== undefined && preview.change > 0 ? (
            <p className="muted">{t('bulkUpdate.previewCompanyPersons', { count: preview.persons, formatted: number(preview.persons) })}</p>
          ) : null}
        </div>
        {preview.change === 0 ? (
          <p className="notice notice-info">{t('bulkUpdate.previewNothing')}</p>
        ) : (
          <p className="muted">{t('bulkUpdate.previewBatches', { formatted: number(BATCH_SIZES[entity]) })}</p>
        )}
      </>
    );
  }

  return (
    <div className="bulk-step">
      <ChangeSummary choice={choice} />
      {body}
    </div>
  );
}
