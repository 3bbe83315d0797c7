import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { selections } from '../api/endpoints';
import type { Selection } from '../api/types';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useToast } from '../ui/toast';
import { describeSelectionError, isConflict } from './selectionErrors';
import { recordsWord } from './selectionLabels';
import { selectionKeys } from './selectionQueries';

interface DeleteSelectionDialogProps {
  /** The selection to delete, or null while the dialog is closed. */
  selection: Selection | null;
  onClose: () => void;
  /** Runs after the delete, before the lists refresh. */
  onDeleted?: () => void;
}

/**
 * Confirms and deletes a selection with the version the user saw. On a conflict the selection is
 * loaded again, so a second try sends the newer version after the user has seen it.
 */
export function DeleteSelectionDialog({ selection, onClose, onDeleted }: DeleteSelectionDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm(target: Selection) {
    setBusy(true);
    setError(null);
    try {
      await selections.remove(target.id, target.version);
      toast(t('selections.deleted', { name: target.name }));
      onDeleted?.();
      onClose();
      queryClient.removeQueries({ queryKey: selectionKeys.record(target.id) });
      await queryClient.invalidateQueries({ queryKey: selectionKeys.list });
    } catch (caught) {
      setError(caught);
      if (isConflict(caught)) await queryClient.invalidateQueries({ queryKey: selectionKeys.all });
    } finally {
      setBusy(false);
    }
  }

  function close() {
    setError(null);
    onClose();
  }

  return (
    <ConfirmDialog describe={describeSelectionError}
      open={selection !== null}
      title={t('selections.deleteTitle', { name: selection?.name ?? '' })}
      text={[t('selections.deleteText', { records: selection === null ? '' : recordsWord(t, selection) })]}
      confirmLabel={t('common.delete')}
      danger
      busy={busy}
      error={error}
      onConfirm={() => {
        if (selection !== null) void confirm(selection);
      }}
      onCancel={close}
    />
  );
}
