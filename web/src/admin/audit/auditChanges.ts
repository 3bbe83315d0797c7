/** One changed field of an audit entry: either a before and after pair or only the value sent. */
export type ChangeLine =
  | { field: string; kind: 'pair'; from: string; to: string }
  | { field: string; kind: 'value'; value: string };

/** Words for values that have no text of their own, in the user's language. */
export interface ValueWords {
  empty: string;
  yes: string;
  no: string;
}

/** Maximum length of a value shown in full; longer text is cut, so a row stays readable. */
const MAX_VALUE_LENGTH = 120;

const PAIR_KEYS: Array<[string, string]> = [
  ['from', 'to'],
  ['old', 'new'],
  ['before', 'after'],
];

/**
 * Turns an audit entry's `changes` into readable lines. Fields whose value is an object such as
 * `{ from, to }` or `{ old, new }` become "field: old → new", and other fields show the value sent.
 * Returns a compact JSON string when `changes` is not an object of fields.
 */
export function describeChanges(changes: unknown, words: ValueWords): ChangeLine[] | string {
  if (changes === null || changes === undefined) return [];
  if (typeof changes !== 'object' || Array.isArray(changes)) return shorten(compactJson(changes));

  const lines: ChangeLine[] = [];
  for (const [field, value] of Object.entries(changes as Record<string, unknown>)) {
    if (value === undefined) continue;
    const pair = asPair(value);
    if (pair === null) lines.push({ field, kind: 'value', value: formatValue(value, words) });
    else lines.push({ field, kind: 'pair', from: formatValue(pair[0], words), to: formatValue(pair[1], words) });
  }
  return lines;
}

function asPair(value: unknown): [unknown, unknown] | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== 2) return null;
  for (const [before, after] of PAIR_KEYS) {
    if (before in value && after in value) {
      const record = value as Record<string, unknown>;
      return [record[before], record[after]];
    }
  }
  return null;
}

function formatValue(value: unknown, words: ValueWords): string {
  if (value === null || value === '') return words.empty;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'string') return shorten(value);
  return shorten(compactJson(value));
}

function compactJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function shorten(text: string): string {
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}
