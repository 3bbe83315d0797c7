import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

import { fetchPage, type RecordKind } from '../api/endpoints';
import type { Filter } from '../api/types';

/** Rows of the first request: enough to fill a tall screen twice, few enough for a fast response. */
const FIRST_PAGE_SIZE = 50;

/**
 * Rows of each later request. Later requests skip the total, so each costs a few milliseconds of
 * server time; larger pages mean fewer round trips while the user scrolls fast.
 */
const NEXT_PAGE_SIZE = 200;

/**
 * Loads a list page by page through the API's cursor. The cursor, unlike an offset, never skips or
 * repeats a row when records are added or removed while the user scrolls.
 */
export function useRecordPages<T>(kind: RecordKind, filter: Filter, sort: string, enabled = true, selectionId?: number) {
  const query = useInfiniteQuery({
    queryKey: [kind, 'list', filter, sort, selectionId ?? null],
    queryFn: ({ pageParam, signal }) =>
      fetchPage<T>(
        kind,
        { filter, sort, limit: pageParam === null ? FIRST_PAGE_SIZE : NEXT_PAGE_SIZE, cursor: pageParam, ...(selectionId === undefined ? {} : { selectionId }) },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    // Comparing every loaded row with the previous result costs more with each page. Fetched pages
    // never change, so the comparison would find nothing to share.
    structuralSharing: false,
    enabled,
  });
  const pages = query.data?.pages;
  const rows = useMemo(() => pages?.flatMap((page) => page.items) ?? [], [pages]);
  const total = query.data?.pages[0]?.total ?? null;
  return { query, rows, total };
}
