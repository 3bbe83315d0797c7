import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { bulkUpdates } from '../api/endpoints';
import type { Language } from '../api/types';
import { formatNumber } from '../i18n/format';
import { useToast } from '../ui/toast';
import { isActive } from './changes';

/** How often a running bulk update's progress is fetched, in milliseconds. */
const POLL_INTERVAL_MS = 500;

export const runQueryKey = (id: number | null) => ['bulkUpdate', 'run', id] as const;

/**
 * Follows a bulk update until it ends, also while the dialog is closed. When it ends, lists, cards
 * and the board fetch their records again, and a closed dialog reports the outcome in a toast.
 */
export function useBulkRun(runId: number | null, dialogOpen: boolean) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const queryClient = useQueryClient();
  const toast = useToast();

  const query = useQuery({
    queryKey: runQueryKey(runId),
    queryFn: () => bulkUpdates.get(runId as number),
    enabled: runId !== null,
    refetchInterval: (current) => (current.state.data === undefined || isActive(current.state.data.status) ? POLL_INTERVAL_MS : false),
    refetchIntervalInBackground: true,
  });

  const run = query.data;
  const finishedRun = useRef<number | null>(null);
  const open = useRef(dialogOpen);
  open.current = dialogOpen;

  useEffect(() => {
    if (run === undefined || isActive(run.status) || finishedRun.current === run.id) return;
    finishedRun.current = run.id;
    // A company's new category moves its persons' lead statuses too, so both kinds refresh.
    void queryClient.invalidateQueries({ queryKey: ['persons'] });
    void queryClient.invalidateQueries({ queryKey: ['companies'] });
    if (!open.current) {
      toast(
        t('bulkUpdate.finishedInBackground', {
          status: t(`bulkUpdate.status.${run.status}`).toLowerCase(),
          changed: formatNumber(run.changed, language),
          unchanged: formatNumber(run.unchanged, language),
          refused: formatNumber(run.refused, language),
        }),
      );
    }
  }, [run, queryClient, toast, t, language]);

  return query;
}
