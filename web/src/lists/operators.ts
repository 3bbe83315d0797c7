import type { ColumnKind } from './columns';

/** Operators offered per column kind, in the order the filter shows them. */
export const OPERATORS: Record<ColumnKind, readonly string[]> = {
  text: ['startsWith', 'contains', 'equals', 'isEmpty', 'isNotEmpty'],
  list: ['isOneOf', 'isNotOneOf', 'isEmpty', 'isNotEmpty'],
  date: ['before', 'after', 'between', 'onDate', 'today', 'thisWeek', 'thisMonth', 'thisQuarter', 'thisYear', 'yearToDate', 'lastNDays'],
  number: ['equals', 'greaterThan', 'lessThan', 'between'],
  boolean: ['is'],
};

const WITHOUT_VALUE = new Set(['isEmpty', 'isNotEmpty', 'today', 'thisWeek', 'thisMonth', 'thisQuarter', 'thisYear', 'yearToDate']);

/** Returns how many value inputs an operator needs: none, one, two (between) or a choice of many. */
export function valueArity(operator: string): 'none' | 'one' | 'two' | 'many' {
  if (WITHOUT_VALUE.has(operator)) return 'none';
  if (operator === 'between') return 'two';
  if (operator === 'isOneOf' || operator === 'isNotOneOf') return 'many';
  return 'one';
}
