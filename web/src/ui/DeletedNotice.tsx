import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { describeError } from './errors';

interface DeletedNoticeProps {
  text: string;
  /** Query key of the record, which gets the restored version. */
  recordKey: readonly unknown[];
  restore: () => Promise<unknown>;
  onRestored: () => void;
}

/** Tells that the open record is deleted and offers to restore it. */
export function DeletedNotice({ text, recordKey, restore, onRestored }: DeletedNoticeProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function handleRestore() {
    setBusy(true);
    setError(null);
    try {
      queryClient.setQueryData(recordKey, await restore());
      // Restoring brings records back into lists, and a company brings its persons back too.
      await queryClient.invalidateQueries({ queryKey: ['companies'] });
      await queryClient.invalidateQueries({ queryKey: ['persons'] });
      onRestored();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="notice notice-warning notice-row" role="status">
      <p>{text}</p>
      <button type="button" className="button button-secondary button-small" onClick={() => void handleRestore()} disabled={busy}>
        {t('common.restore')}
      </button>
      {error === null ? null : <p className="field-error">{describeError(t, error)}</p>}
    </div>
  );
}
