import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../api/client';
import { describeError } from '../ui/errors';

/** Validation codes that have a text under `validation.` in the translation files. */
const VALIDATION_CODES = new Set(['required', 'invalid', 'unknownReference', 'inactiveUser', 'deletedItem']);

function fieldLabel(t: TFunction, field: string): string {
  if (field.endsWith('/leadStatusId')) return t('fields.leadStatus');
  if (field.endsWith('/ownerId')) return t('fields.owner');
  if (field.endsWith('/categoryId')) return t('fields.category');
  if (field.startsWith('/target')) return t('bulkUpdate.fieldTarget');
  return field;
}

function fieldText(t: TFunction, field: string, code: string | undefined): string {
  if (field === '/target/ids') return t('bulkUpdate.targetIdsMissing');
  return t(`validation.${code !== undefined && VALIDATION_CODES.has(code) ? code : 'invalid'}` as 'validation.invalid');
}

/**
 * Shows a failed request of the bulk update in the user's language: what happened, what to do,
 * and for a rejected field which one it was.
 */
export function BulkError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const fields = error instanceof ApiError ? error.fields : [];

  return (
    <div className="notice notice-error" role="alert">
      <p>{describeError(t, error)}</p>
      {fields.length > 0 ? (
        <ul className="bulk-error-fields">
          {fields.map((problem) => (
            <li key={problem.field}>
              <strong>{fieldLabel(t, problem.field)}:</strong> {fieldText(t, problem.field, problem.code)}
            </li>
          ))}
        </ul>
      ) : null}
      {onRetry ? (
        <button type="button" className="button button-secondary button-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
