import { type RawBuilder, type SqlBool, sql } from 'kysely';

import { and, or } from './criteria-sql.js';
import { type FieldCatalogue, type SortExpression, type SortValueType, findField } from './fields.js';
import { describeValue } from './validation-errors.js';
import { validationFailed } from '../errors/app-error.js';

/** At most this many fields in one sort. */
export const MAX_SORT_FIELDS = 3;

/** One expression of the ORDER BY, with its final direction. The last key is always the id. */
export interface SortKey {
  expression: RawBuilder<unknown>;
  valueType: SortValueType;
  nullable: boolean;
  descending: boolean;
}

export interface SortPlan {
  /** The sort in its canonical form, such as "companyName,-leadStatus"; cursors carry it. */
  canonical: string;
  keys: SortKey[];
}

/** A value of a sort key as a cursor stores it. Timestamps are ISO text with microseconds. */
export type SortValue = string | number | boolean | null;

/**
 * Parses a sort parameter: up to three field names separated by commas, each with a leading "-"
 * for descending order, such as "companyName,-leadStatus". An empty value means the catalogue's
 * default. Nulls sort last in either direction and ties are broken by id, in the direction of the
 * first field, so that the order is stable and paging by cursor is exact.
 */
export function parseSort(raw: unknown, catalogue: FieldCatalogue, parameter = 'sort'): SortPlan {
  const path = `/${parameter}`;
  if (raw !== undefined && typeof raw !== 'string') {
    throw validationFailed(path, `must be field names separated by commas, given once, got ${describeValue(raw)}`);
  }
  const text = raw === undefined || raw.trim() === '' ? catalogue.defaultSort : raw;

  const terms = text.split(',').map((term) => term.trim());
  if (terms.length > MAX_SORT_FIELDS) {
    throw validationFailed(path, `sorts on ${terms.length} fields; the maximum is ${MAX_SORT_FIELDS}`);
  }

  const keys: SortKey[] = [];
  const seen = new Set<string>();
  for (const term of terms) {
    const descending = term.startsWith('-');
    const name = descending ? term.slice(1) : term;
    const field = findField(catalogue, name);
    if (field?.sort === undefined) {
      const sortable = Object.entries(catalogue.fields)
        .filter(([, definition]) => definition.sort !== undefined)
        .map(([fieldName]) => fieldName);
      throw validationFailed(path, `cannot sort on ${describeValue(name)}; sort on one of: ${sortable.join(', ')}`);
    }
    if (seen.has(name)) throw validationFailed(path, `names the field "${name}" twice`);
    seen.add(name);

    for (const expression of field.sort) keys.push(toKey(expression, descending));
  }

  const firstDescending = terms[0]?.startsWith('-') ?? false;
  keys.push({ expression: catalogue.id, valueType: 'integer', nullable: false, descending: firstDescending });

  return { canonical: terms.join(','), keys };
}

function toKey(expression: SortExpression, descending: boolean): SortKey {
  return {
    expression: expression.expression,
    valueType: expression.valueType,
    nullable: expression.nullable,
    descending: expression.reversed === true ? !descending : descending,
  };
}

/**
 * Returns the expression to select for a key so that the cursor can restore its exact value.
 * Timestamps become UTC text with microseconds, because a JavaScript Date keeps only milliseconds.
 */
export function cursorValueExpression(key: SortKey): RawBuilder<unknown> {
  if (key.valueType === 'timestamp') {
    return sql`to_char(${key.expression} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  }
  return key.expression;
}

/** Returns a cursor value as a typed SQL parameter. */
function parameter(key: SortKey, value: string | number | boolean): RawBuilder<unknown> {
  switch (key.valueType) {
    case 'text':
      return sql`${value}`;
    case 'integer':
      return sql`cast(${value} as integer)`;
    case 'timestamp':
      return sql`cast(${value} as timestamptz)`;
    case 'boolean':
      return sql`cast(${value} as boolean)`;
  }
}

/**
 * Builds the condition "the row comes after the cursor row in this order", with nulls last in
 * both directions. `values` contains one value per key, the id last.
 *
 * When every value is present and every key has the same direction, the core is one row-value
 * comparison such as (a, b, id) > ($1, $2, $3), which an index on (a, b, id) can start from.
 * Otherwise the condition is spelled out key by key, and a bound on the first key still lets
 * an index on it skip the rows before the cursor.
 */
export function afterCursorExpression(keys: SortKey[], values: SortValue[]): RawBuilder<SqlBool> {
  const first = keys[0] as SortKey;
  const firstValue = values[0] ?? null;
  const sameDirection = keys.every((key) => key.descending === first.descending);
  const allPresent = values.every((value) => value !== null);

  let condition: RawBuilder<SqlBool>;
  if (sameDirection && allPresent) {
    const operator = sql.raw(first.descending ? '<' : '>');
    const row = sql<SqlBool>`(${sql.join(keys.map((key) => key.expression))}) ${operator} (${sql.join(
      keys.map((key, index) => parameter(key, values[index] as string | number | boolean)),
    )})`;
    // A row comparison is null when it meets a null before deciding, so rows with a null in a
    // later key, and an equal prefix, are added: nulls sort after every value.
    const nullTails = keys.flatMap((key, index) => {
      if (!key.nullable || index === 0) return [];
      return [and([...keys.slice(0, index).map((prefixKey, prefixIndex) => equals(prefixKey, values[prefixIndex])), sql<SqlBool>`${key.expression} is null`])];
    });
    const firstIsNull = first.nullable ? [sql<SqlBool>`${first.expression} is null`] : [];
    condition = or([row, ...nullTails, ...firstIsNull]);
  } else {
    condition = afterFrom(keys, values, 0);
  }

  // The bound repeats what the condition implies, in a form an index range can use.
  if (!first.nullable && firstValue !== null) {
    const bound = sql<SqlBool>`${first.expression} ${sql.raw(first.descending ? '<=' : '>=')} ${parameter(first, firstValue)}`;
    return and([bound, condition]);
  }
  return condition;
}

/** Rows after the cursor, looking at keys from `index` on, given equal values before it. */
function afterFrom(keys: SortKey[], values: SortValue[], index: number): RawBuilder<SqlBool> {
  const key = keys[index] as SortKey;
  const value = values[index] ?? null;
  const isLast = index === keys.length - 1;

  if (value === null) {
    // Nulls come last, so only rows that are null here too can follow.
    const rest = isLast ? sql<SqlBool>`false` : afterFrom(keys, values, index + 1);
    return and([sql<SqlBool>`${key.expression} is null`, rest]);
  }

  const beyond = sql<SqlBool>`${key.expression} ${sql.raw(key.descending ? '<' : '>')} ${parameter(key, value)}`;
  const options = [beyond];
  if (key.nullable) options.push(sql<SqlBool>`${key.expression} is null`);
  if (!isLast) options.push(and([equals(key, value), afterFrom(keys, values, index + 1)]));
  return or(options);
}

function equals(key: SortKey, value: SortValue | undefined): RawBuilder<SqlBool> {
  if (value === null || value === undefined) return sql<SqlBool>`${key.expression} is null`;
  return sql<SqlBool>`${key.expression} = ${parameter(key, value)}`;
}
