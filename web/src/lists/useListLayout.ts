import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';

import { isApiError } from '../api/client';
import { preferences } from '../api/endpoints';
import type { ColumnSpec } from './columns';
import { normalizeLayout, type ListLayout } from './layout';

/** Layout changes are saved this long after the last one, so dragging a column edge saves once. */
const SAVE_DELAY_MS = 600;

async function fetchStoredLayout(key: string): Promise<unknown> {
  try {
    return (await preferences.get(key)).value;
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) return null;
    throw error;
  }
}

/**
 * Loads the user's layout of one list and saves every change back, per user and per list. While
 * the stored layout loads, `layout` is null. When it cannot be loaded, the default layout is used
 * and `loadError` contains the reason.
 */
export function useListLayout<T>(key: string, specs: ColumnSpec<T>[], defaults: ListLayout) {
  const stored = useQuery({
    queryKey: ['preferences', key],
    queryFn: () => fetchStoredLayout(key),
    staleTime: Infinity,
    gcTime: 0,
  });
  const [layout, setLayout] = useState<ListLayout | null>(null);
  // Two changes within one render (a click that sets sort and filter) must build on each other.
  const latest = useRef<ListLayout | null>(null);
  const save = useMutation({ mutationFn: (value: ListLayout) => preferences.put(key, value) });
  const saveTimer = useRef<number | undefined>(undefined);
  const pending = useRef<ListLayout | null>(null);
  const { mutate } = save;

  useEffect(() => {
    if (layout !== null) return;
    if (!stored.isSuccess && !stored.isError) return;
    const initial = stored.isSuccess ? normalizeLayout(stored.data, specs, defaults) : defaults;
    latest.current = initial;
    setLayout(initial);
  }, [layout, stored.isSuccess, stored.isError, stored.data, specs, defaults]);

  useEffect(
    () => () => {
      // Leaving the screen must not lose the last change.
      window.clearTimeout(saveTimer.current);
      if (pending.current !== null) mutate(pending.current);
    },
    [mutate],
  );

  const update = useCallback(
    (change: (current: ListLayout) => ListLayout) => {
      const next = change(latest.current ?? defaults);
      latest.current = next;
      setLayout(next);

      pending.current = next;
      window.clearTimeout(saveTimer.current);
      saveTimer.current = window.setTimeout(() => {
        pending.current = null;
        mutate(next);
      }, SAVE_DELAY_MS);
    },
    [defaults, mutate],
  );

  return { layout, update, loadError: stored.error, saveError: save.error };
}
