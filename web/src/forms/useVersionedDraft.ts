import { useMemo, useState } from 'react';

export type DraftValue = string | boolean;
export type Draft = Record<string, DraftValue>;

/**
 * The form state of a record edit: the version it is based on, what the user typed, and, after a
 * 409 conflict, the newer version someone else saved. Saves send only the fields the user changed,
 * so saving over a newer version keeps the other user's changes to the other fields.
 */
export function useVersionedDraft<R extends { version: number }, D extends Draft>(record: R | null, toDraft: (record: R | null) => D) {
  const [base, setBase] = useState<R | null>(record);
  const [draft, setDraft] = useState<D>(() => toDraft(record));
  const [newer, setNewer] = useState<R | null>(null);

  const initial = useMemo(() => toDraft(base), [base, toDraft]);
  const changed = (Object.keys(draft) as Array<keyof D & string>).filter((key) => draft[key] !== initial[key]);

  const changedByOther = useMemo(() => {
    if (newer === null) return [];
    const latest = toDraft(newer);
    return (Object.keys(latest) as Array<keyof D & string>).filter((key) => latest[key] !== initial[key]);
  }, [newer, initial, toDraft]);

  function set<K extends keyof D>(key: K, value: D[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
  }

  /** Replaces the form with the newer version; the user's typing is discarded. */
  function loadNewer() {
    if (newer === null) return;
    setBase(newer);
    setDraft(toDraft(newer));
    setNewer(null);
  }

  /** Bases the user's changes on the newer version, keeping the other fields as the other user saved them. */
  function rebaseOnNewer(): R | null {
    if (newer === null) return null;
    const latest = toDraft(newer);
    const merged = { ...latest };
    for (const key of changed) merged[key] = draft[key];
    setBase(newer);
    setDraft(merged);
    setNewer(null);
    return newer;
  }

  return { base, draft, changed, set, newer, setNewer, changedByOther, loadNewer, rebaseOnNewer, setBase };
}

/** Converts text typed into a form to what the API expects: trimmed, and null when empty. */
export function textOrNull(value: DraftValue | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Converts an id chosen in a select ("" for none) to the number or null the API expects. */
export function idOrNull(value: DraftValue | undefined): number | null {
  if (typeof value !== 'string' || value === '') return null;
  const id = Number(value);
  return Number.isInteger(id) ? id : null;
}
