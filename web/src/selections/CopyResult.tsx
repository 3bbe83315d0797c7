import { useTranslation } from 'react-i18next';

import type { Selection } from '../api/types';
import { Link, paths } from '../app/router';
import { describeSelectionError } from './selectionErrors';

/** Shows the outcome of a copy: a link to the new selection, or why the copy failed. */
export function CopyResult({ created, error, onDismiss }: { created: Selection | null; error: unknown; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (created === null && !error) return null;

  return (
    <div className={`notice notice-row ${created === null ? 'notice-error' : 'notice-info'}`} role={created === null ? 'alert' : 'status'}>
      {created === null ? (
        <p>{t('selections.copyFailed', { reason: describeSelectionError(t, error) })}</p>
      ) : (
        <p>
          {t('selections.copyMade')} <Link to={paths.selection(created.id)}>{created.name}</Link>
        </p>
      )}
      <button type="button" className="button button-ghost button-small" onClick={onDismiss}>
        {t('selections.dismiss')}
      </button>
    </div>
  );
}
