import { type AliasedRawBuilder, type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';

import type { Actor } from '../auth/actor.js';
import { validationFailed } from '../errors/app-error.js';
import type { CriteriaSets } from './criteria.js';
import { type CriteriaContext, and, criteriaExpression } from './criteria-sql.js';
import { type CursorPosition, decodeCursor, encodeCursor } from './cursor.js';
import type { FieldCatalogue } from './fields.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from './periods.js';
import { type SortPlan, type SortValue, afterCursorExpression, cursorValueExpression, parseSort } from './sort.js';
import { validateCriteria } from './validate-criteria.js';
import { describeValue } from './validation-errors.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** Filter options that every list query shares, which decide the rows that count. */
export interface FilterOptions {
  /** Criteria sets; none means every row. */
  filter?: CriteriaSets;
  /** Includes soft-deleted rows, which lists otherwise leave out. */
  includeDeleted?: boolean;
  /** IANA time zone for date criteria; defaults to Europe/Amsterdam. */
  timeZone?: string;
  /** The clock for relative periods and days in status; defaults to the current time. */
  now?: Date;
  /** Criteria that rows must also match, such as those of a dynamic selection. */
  alsoMatch?: CriteriaSets;
  /** A subquery of ids that rows must be among, such as the members of a static selection. */
  idsFrom?: RawBuilder<unknown>;
}

export interface ListQuery extends FilterOptions {
  /** Field names separated by commas, "-" for descending, such as "companyName,-leadStatus". */
  sort?: string;
  /** Rows per page, 1 to 500; defaults to 50. */
  limit?: number;
  /** The nextCursor of the previous page, made with the same sort. */
  cursor?: string;
  /**
   * False skips counting the total, which costs more than a page on large lists. A client that
   * scrolls page by page needs the total only once.
   */
  includeTotal?: boolean;
}

export interface ListPage<Row> {
  rows: Row[];
  /** Rows matching the filter, on all pages; null when the query set includeTotal to false. */
  total: number | null;
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

/** A validated list query, ready to apply to an entity's base query. */
export interface ListPlan {
  /** The filter, including the exclusion of deleted rows: what the total counts. */
  filter: RawBuilder<SqlBool>;
  /** The filter and the position after the cursor: what the page reads. */
  page: RawBuilder<SqlBool>;
  sort: SortPlan;
  limit: number;
}

const CURSOR_COLUMN_PREFIX = 'cursor_key_';

/** Validates the filter options and builds the WHERE expression that decides which rows count. */
export function buildFilter(catalogue: FieldCatalogue, actor: Actor, options: FilterOptions): RawBuilder<SqlBool> {
  const context = criteriaContext(actor, options);
  const { conditions } = validateCriteria(options.filter ?? [], catalogue);
  const parts = [criteriaExpression(conditions, context)];
  if (options.alsoMatch !== undefined) {
    parts.push(criteriaExpression(validateCriteria(options.alsoMatch, catalogue).conditions, context));
  }
  if (options.idsFrom !== undefined) parts.push(sql<SqlBool>`${catalogue.id} in (${options.idsFrom})`);
  if (options.includeDeleted !== true) parts.unshift(sql<SqlBool>`not ${catalogue.deleted}`);
  return and(parts);
}

function criteriaContext(actor: Actor, options: FilterOptions): CriteriaContext {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) {
    throw validationFailed('/timeZone', `must be an IANA time zone such as Europe/Amsterdam, got ${describeValue(timeZone)}`);
  }
  const now = options.now ?? new Date();
  if (Number.isNaN(now.getTime())) throw validationFailed('/now', 'must be a valid date');
  return { actor, timeZone, now };
}

/** Validates a list query (filter, sort, page size and cursor) and plans its page and count. */
export function planList(catalogue: FieldCatalogue, actor: Actor, query: ListQuery): ListPlan {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw validationFailed('/limit', `must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${describeValue(limit)}`);
  }

  const sort = parseSort(query.sort, catalogue);
  const filter = buildFilter(catalogue, actor, query);
  if (query.cursor === undefined) return { filter, page: filter, sort, limit };

  const position = decodeCursor(query.cursor, catalogue.entity, sort);
  return { filter, page: and([filter, afterCursorExpression(sort.keys, position)]), sort, limit };
}

/**
 * Adds the page's filter, order, cursor columns and limit to a base query. It reads one row more
 * than the page size, which shows whether another page follows.
 */
export function applyListPage<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, plan: ListPlan) {
  let page = query.where(plan.page);
  for (const key of plan.sort.keys) {
    page = page.orderBy(key.expression, (order) => {
      if (!key.descending) return order.asc();
      // Ascending order already puts nulls last. Descending keys that cannot be null get no NULLS
      // LAST, so that a backward scan of an index still matches the order.
      return key.nullable ? order.desc().nullsLast() : order.desc();
    });
  }
  const cursorColumns: AliasedRawBuilder<SortValue, string>[] = plan.sort.keys
    .slice(0, -1)
    .map((key, index) => sql<SortValue>`${cursorValueExpression(key)}`.as(`${CURSOR_COLUMN_PREFIX}${index}`));
  return page.select(cursorColumns).limit(plan.limit + 1);
}

/** Counts the rows that match the plan's filter, on a base query whose selection it replaces. */
export async function countListRows<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  plan: ListPlan,
): Promise<number> {
  // Only the count is selected, so PostgreSQL drops the base query's left joins to tables that
  // the filter does not use.
  const result = await query
    .clearSelect()
    .select(sql<number>`cast(count(*) as integer)`.as('total'))
    .where(plan.filter)
    .executeTakeFirstOrThrow();
  return Number((result as { total: number }).total);
}

/**
 * Cuts the extra row off a page, removes the cursor columns and makes the next page's cursor from
 * the last row kept.
 */
export function finishListPage<Row extends { id: number }>(
  catalogue: FieldCatalogue,
  plan: ListPlan,
  rowsWithCursorColumns: Array<Row & Record<string, unknown>>,
  total: number | null,
): ListPage<Row> {
  const hasMore = rowsWithCursorColumns.length > plan.limit;
  const kept = rowsWithCursorColumns.slice(0, plan.limit);

  let nextCursor: string | null = null;
  const last = kept.at(-1);
  if (hasMore && last !== undefined) {
    const position: CursorPosition = plan.sort.keys
      .slice(0, -1)
      .map((_key, index) => (last[`${CURSOR_COLUMN_PREFIX}${index}`] ?? null) as SortValue);
    position.push(last.id);
    nextCursor = encodeCursor(catalogue.entity, plan.sort, position);
  }

  const rows = kept.map((row) => {
    const copy: Record<string, unknown> = { ...row };
    for (const name of Object.keys(copy)) {
      if (name.startsWith(CURSOR_COLUMN_PREFIX)) delete copy[name];
    }
    return copy as Row;
  });
  return { rows, total, nextCursor };
}
