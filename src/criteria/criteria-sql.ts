import { type RawBuilder, type SqlBool, sql } from 'kysely';

import type { Actor } from '../auth/actor.js';
import type { Condition } from './validate-criteria.js';
import { calendarDateAt, calendarRange, daysBefore, formatCalendarDate, relativePeriodRange, type InstantRange } from './periods.js';

/** Context for turning conditions into SQL: the signed-in user, the time zone and the clock. */
export interface CriteriaContext {
  actor: Actor;
  timeZone: string;
  now: Date;
}

const TRUE = sql<SqlBool>`true`;
const FALSE = sql<SqlBool>`false`;

/**
 * Builds the WHERE expression of validated criteria: lines within a set ANDed, sets ORed. No sets
 * means no condition, and so does a set without lines.
 */
export function criteriaExpression(conditions: Condition[][], context: CriteriaContext): RawBuilder<SqlBool> {
  if (conditions.length === 0) return TRUE;

  const sets = conditions.map((set) => {
    if (set.length === 0) return TRUE;
    return and(set.map((condition) => conditionExpression(condition, context)));
  });
  return sets.length === 1 ? (sets[0] as RawBuilder<SqlBool>) : or(sets);
}

export function and(parts: RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  if (parts.length === 1) return parts[0] as RawBuilder<SqlBool>;
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

export function or(parts: RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  if (parts.length === 1) return parts[0] as RawBuilder<SqlBool>;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

function conditionExpression(condition: Condition, context: CriteriaContext): RawBuilder<SqlBool> {
  switch (condition.type) {
    case 'text':
      return textExpression(condition);
    case 'list':
      return listExpression(condition, context);
    case 'date':
      return dateExpression(condition, context);
    case 'number':
      return numberExpression(condition, context);
    case 'boolean':
      return sql<SqlBool>`(${condition.column} = ${condition.value})`;
    case 'event':
      return eventExpression(condition, context);
  }
}

/** Escapes the LIKE wildcards % and _ and the escape character itself, so user text matches literally. */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function textExpression(condition: Extract<Condition, { type: 'text' }>): RawBuilder<SqlBool> {
  const { column, operator } = condition;
  // Both sides are folded (accents and case) and compared byte by byte, the same form as the
  // name indexes, so that a prefix search on a name can use them.
  const folded = sql`trechter_fold(${column}) collate "C"`;
  const pattern = escapeLikePattern(condition.text);

  switch (operator) {
    case 'startsWith':
      return sql<SqlBool>`(${folded} like trechter_fold(${pattern}) || '%' escape '\\')`;
    case 'contains':
      return sql<SqlBool>`(${folded} like '%' || trechter_fold(${pattern}) || '%' escape '\\')`;
    case 'equals':
      return sql<SqlBool>`(${folded} = trechter_fold(${condition.text}))`;
    case 'isEmpty':
      return sql<SqlBool>`(coalesce(${column}, '') = '')`;
    case 'isNotEmpty':
      return sql<SqlBool>`(coalesce(${column}, '') <> '')`;
  }
}

function listExpression(condition: Extract<Condition, { type: 'list' }>, context: CriteriaContext): RawBuilder<SqlBool> {
  const { column } = condition;
  if (condition.operator === 'isEmpty') return sql<SqlBool>`(${column} is null)`;
  if (condition.operator === 'isNotEmpty') return sql<SqlBool>`(${column} is not null)`;

  // "currentUser" matches no owner when the actor has no user id, as for the import command.
  const values = [...condition.values];
  if (condition.includesCurrentUser && context.actor.userId !== null) values.push(context.actor.userId);
  const inValues = values.length > 0 ? sql<SqlBool>`${column} in (${sql.join(values)})` : null;

  if (condition.operator === 'isOneOf') {
    const parts = [inValues, condition.includesNull ? sql<SqlBool>`${column} is null` : null].filter(isPresent);
    return parts.length === 0 ? FALSE : or(parts);
  }

  // isNotOneOf keeps the rows without a value, unless null is one of the values.
  if (inValues === null) return condition.includesNull ? sql<SqlBool>`(${column} is not null)` : TRUE;
  const notIn = sql<SqlBool>`${column} not in (${sql.join(values)})`;
  if (condition.includesNull) return sql<SqlBool>`(${column} is not null and ${notIn})`;
  return sql<SqlBool>`(${column} is null or ${notIn})`;
}

function isPresent<T>(value: T | null): value is T {
  return value !== null;
}

function dateExpression(condition: Extract<Condition, { type: 'date' }>, context: CriteriaContext): RawBuilder<SqlBool> {
  const { column, operator } = condition;
  if (operator === 'isEmpty') return sql<SqlBool>`(${column} is null)`;
  if (operator === 'isNotEmpty') return sql<SqlBool>`(${column} is not null)`;
  return instantRangeExpression(column, dateConditionRange(condition, context));
}

/** Returns the instants a date operator other than isEmpty and isNotEmpty covers; open ends are absent. */
function dateConditionRange(
  condition: Pick<Extract<Condition, { type: 'date' }>, 'operator' | 'dates' | 'days'>,
  context: CriteriaContext,
): Partial<InstantRange> {
  const { operator, dates } = condition;
  const { timeZone, now } = context;
  const [first, second] = dates;

  switch (operator) {
    case 'isEmpty':
    case 'isNotEmpty':
      return {};
    case 'before':
      return { end: calendarRange(first!, first!, timeZone).start };
    case 'after':
      return { start: calendarRange(first!, first!, timeZone).end };
    case 'onDate':
      return calendarRange(first!, first!, timeZone);
    case 'between':
      return calendarRange(first!, second!, timeZone);
    case 'lastNDays':
      return relativePeriodRange(operator, { timeZone, now, days: condition.days });
    default:
      return relativePeriodRange(operator, { timeZone, now });
  }
}

function eventExpression(condition: Extract<Condition, { type: 'event' }>, context: CriteriaContext): RawBuilder<SqlBool> {
  const { field, operator, subject } = condition;
  if (operator === 'isNotEmpty') return field.exists(subject, () => TRUE);
  if (operator === 'isEmpty') return sql<SqlBool>`(not ${field.exists(subject, () => TRUE)})`;

  const range = dateConditionRange(condition, context);
  if (field.timeKind === 'instant') return field.exists(subject, (column) => instantRangeExpression(column, range));
  return field.exists(subject, (column) => calendarDateRangeExpression(column, range, context.timeZone));
}

/**
 * Restricts a date column (without time zone) to the days of an instant range. The range's ends
 * are starts of local days, so the local date at each end is the first day in or after it.
 */
function calendarDateRangeExpression(column: RawBuilder<unknown>, range: Partial<InstantRange>, timeZone: string): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [];
  if (range.start !== undefined) parts.push(sql<SqlBool>`${column} >= cast(${formatCalendarDate(calendarDateAt(range.start, timeZone))} as date)`);
  if (range.end !== undefined) parts.push(sql<SqlBool>`${column} < cast(${formatCalendarDate(calendarDateAt(range.end, timeZone))} as date)`);
  return parts.length === 0 ? TRUE : and(parts);
}

export function instantRangeExpression(column: RawBuilder<unknown>, range: Partial<InstantRange>): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [];
  if (range.start !== undefined) parts.push(sql<SqlBool>`${column} >= ${timestamp(range.start)}`);
  if (range.end !== undefined) parts.push(sql<SqlBool>`${column} < ${timestamp(range.end)}`);
  return parts.length === 0 ? TRUE : and(parts);
}

/** Returns a timestamptz parameter, sent as ISO text so that both drivers pass it the same way. */
export function timestamp(instant: Date): RawBuilder<Date> {
  return sql<Date>`cast(${instant.toISOString()} as timestamptz)`;
}

function numberExpression(condition: Extract<Condition, { type: 'number' }>, context: CriteriaContext): RawBuilder<SqlBool> {
  const { measure } = condition.field;
  const { operator, numbers } = condition;
  const [first, second] = numbers as [number, number];

  if (operator === 'isEmpty') return sql<SqlBool>`(${measure.column} is null)`;
  if (operator === 'isNotEmpty') return sql<SqlBool>`(${measure.column} is not null)`;

  if (measure.kind === 'value') {
    const value = measure.column;
    switch (operator) {
      case 'equals':
        return sql<SqlBool>`(${value} = ${first})`;
      case 'greaterThan':
        return sql<SqlBool>`(${value} > ${first})`;
      case 'lessThan':
        return sql<SqlBool>`(${value} < ${first})`;
      case 'between':
        return sql<SqlBool>`(${value} between ${first} and ${second})`;
    }
  }

  // Whole days since a timestamp t are floor((now - t) / 24 h). So "days >= n" is "t <= now - n
  // days" and "days <= n" is "t > now - (n + 1) days". Comparing the column itself with an instant
  // lets an index on the column serve the filter.
  const column = measure.column;
  const atLeast = (days: number) => sql<SqlBool>`${column} <= ${timestamp(daysBefore(context.now, days))}`;
  const atMost = (days: number) => sql<SqlBool>`${column} > ${timestamp(daysBefore(context.now, days + 1))}`;
  switch (operator) {
    case 'equals':
      return and([atLeast(first), atMost(first)]);
    case 'greaterThan':
      return atLeast(first + 1);
    case 'lessThan':
      return atMost(first - 1);
    case 'between':
      return and([atLeast(first), atMost(second)]);
  }
}
