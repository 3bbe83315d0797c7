import { useCallback, useMemo, useState } from 'react';

/** Tick state and actions that a block of rows needs for its checkboxes. */
export interface RowTicks<T extends { id: number }> {
  isTicked: (id: number) => boolean;
  /**
   * Toggles the row at `index` of `rows`. With `extendRange`, every row from the row ticked or
   * unticked last up to this one gets this row's new state, as in a file manager.
   */
  toggle: (rows: readonly T[], index: number, extendRange: boolean) => void;
  /** Accessible name of a row's checkbox, such as "Ada Lovelace aanvinken". */
  checkboxLabel: (row: T) => string;
}

interface TickState {
  /** Filter the ticks belong to. Ticks of another filter are dropped. */
  resetKey: string;
  /** Ticked ids in the order they were ticked (a Set keeps insertion order). */
  ids: ReadonlySet<number>;
  /** Id of the row ticked or unticked last, where a shift+click range starts. */
  anchorId: number | null;
}

/**
 * Keeps the ids of the rows a user ticked in a list. The ticks are dropped whenever `resetKey`
 * changes, because a tick on a row that the new filter hides would change records that the
 * list no longer shows.
 */
export function useTickedRows(resetKey: string) {
  const [state, setState] = useState<TickState>({ resetKey, ids: new Set(), anchorId: null });

  // Adjusting state during render drops stale ticks before anything shows them or acts on them.
  let current = state;
  if (state.resetKey !== resetKey) {
    current = { resetKey, ids: new Set(), anchorId: null };
    setState(current);
  }
  const ids = current.ids;

  const toggle = useCallback(<T extends { id: number }>(rows: readonly T[], index: number, extendRange: boolean) => {
    const row = rows[index];
    if (row === undefined) return;
    setState((previous) => {
      const next = new Set(previous.ids);
      const tick = !previous.ids.has(row.id);
      const anchorIndex = extendRange && previous.anchorId !== null ? rows.findIndex((candidate) => candidate.id === previous.anchorId) : -1;
      const [from, to] = anchorIndex < 0 ? [index, index] : [Math.min(anchorIndex, index), Math.max(anchorIndex, index)];
      for (let position = from; position <= to; position++) {
        const id = rows[position]?.id;
        if (id === undefined) continue;
        if (tick) next.add(id);
        else next.delete(id);
      }
      return { ...previous, ids: next, anchorId: row.id };
    });
  }, []);

  /** Ticks every given row, or unticks them all when every one of them is ticked already. */
  const toggleAll = useCallback((rows: readonly { id: number }[]) => {
    setState((previous) => {
      const allTicked = rows.length > 0 && rows.every((row) => previous.ids.has(row.id));
      const next = new Set(previous.ids);
      for (const row of rows) {
        if (allTicked) next.delete(row.id);
        else next.add(row.id);
      }
      return { ...previous, ids: next, anchorId: null };
    });
  }, []);

  const clear = useCallback(() => setState((previous) => ({ ...previous, ids: new Set(), anchorId: null })), []);
  const isTicked = useCallback((id: number) => ids.has(id), [ids]);
  const tickedIds = useMemo(() => [...ids], [ids]);

  return { tickedIds, isTicked, toggle, toggleAll, clear };
}
