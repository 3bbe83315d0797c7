import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { selections } from '../api/endpoints';
import type { Selection } from '../api/types';
import { useToast } from '../ui/toast';
import { selectionKeys } from './selectionQueries';

/**
 * Copies a selection as a new selection of the user. The screen links to the copy it returns, or
 * shows the error of a failed copy.
 */
export function useCopySelection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [busyId, setBusyId] = useState<number | null>(null);
  const [copy, setCopy] = useState<Selection | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function run(source: Selection) {
    setBusyId(source.id);
    setError(null);
    setCopy(null);
    try {
      const created = await selections.copy(source.id);
      queryClient.setQueryData(selectionKeys.record(created.id), created);
      await queryClient.invalidateQueries({ queryKey: selectionKeys.list });
      setCopy(created);
      toast(t('selections.copied', { name: created.name }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusyId(null);
    }
  }

  return {
    copy: (source: Selection) => void run(source),
    busyId,
    created: copy,
    error,
    dismiss: () => {
      setCopy(null);
      setError(null);
    },
  };
}
