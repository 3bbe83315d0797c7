import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { isApiError } from '../api/client';

/**
 * Tracks a "delete this record?" confirmation and runs the delete. A 409 means someone changed the
 * record since it was loaded, so the record is reloaded and the error stays on screen for the user.
 */
export function useDeleteRecord(recordKey: readonly unknown[], remove: () => Promise<void>, onDeleted: () => void) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await remove();
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: [recordKey[0]] });
      onDeleted();
    } catch (caught) {
      setError(caught);
      if (isApiError(caught, 'VERSION_CONFLICT')) await queryClient.invalidateQueries({ queryKey: recordKey });
    } finally {
      setBusy(false);
    }
  }

  return {
    open,
    busy,
    error,
    ask: () => {
      setError(null);
      setOpen(true);
    },
    cancel: () => setOpen(false),
    confirm: () => void confirm(),
  };
}
