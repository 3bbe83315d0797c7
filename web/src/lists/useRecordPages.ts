import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

import { fetchPage, type RecordKind } from '../api/endpoints';
import type { Criterion } from '../api/types';

/** Rows per request: enough to fill a tall screen twice, few enough for a fast response. */
export const PAGE_SIZE = 50;

/**
 * Loads a list page by page through the API's cursor. The cursor, unlike an offset, never skips or
 * repeats a row when records are added or removed while the user scrolls.
 */
export function useRecordPages<T>(kind: RecordKind, filter: Criterion[], sort: string, enabled = true) {
  const query = useInfiniteQuery({
    queryKey: [kind, 'list', filter, sort],
    queryFn: ({ pageParam, signal }) => fetchPage<T>(kind, { filter, sort, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    enabled,
  });
  const pages = query.data?.pages;
  const rows = useMemo(() => pages?.flatMap((page) => page.items) ?? [], [pages]);
  const total = query.data?.pages[0]?.total ?? null;
  return { query, rows, total };
}
