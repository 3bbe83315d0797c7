import { type ValueError, ValueErrorType } from '@sinclair/typebox/errors';
import { Value } from '@sinclair/typebox/value';
import type { RawBuilder } from 'kysely';

import { CATEGORY_GROUPS } from '../db/schema.js';
import { validationFailed } from '../errors/app-error.js';
import { findUnstorableText } from '../errors/unstorable-text.js';
import { isCategoryGroup } from './category-groups.js';
import {
  CRITERIA_LIMITS,
  CURRENT_USER,
  type CriteriaSets,
  CriteriaSetsSchema,
  type Criterion,
  type CriterionValue,
  type DateOperator,
  type ListOperator,
  type NumberOperator,
  OPERATORS_BY_TYPE,
  type TextOperator,
} from './criteria.js';
import { type EventField, type FieldCatalogue, type ListField, type ListValueKind, type NumberField, findField } from './fields.js';
import { type CalendarDate, compareCalendarDates, parseCalendarDate } from './periods.js';
import { ValidationErrors, describeValue } from './validation-errors.js';

/** A criterion line after validation, with its values parsed for the field's type. */
export type Condition =
  | { type: 'text'; column: RawBuilder<unknown>; operator: TextOperator; text: string }
  | {
      type: 'list';
      column: RawBuilder<unknown>;
      operator: ListOperator;
      /** Ids, or category group names, without null and "currentUser". */
      values: Array<number | string>;
      includesNull: boolean;
      includesCurrentUser: boolean;
    }
  | { type: 'date'; column: RawBuilder<unknown>; operator: DateOperator; dates: CalendarDate[]; days: number }
  | { type: 'number'; field: NumberField; operator: NumberOperator; numbers: number[] }
  | { type: 'boolean'; column: RawBuilder<unknown>; value: boolean }
  | { type: 'event'; field: EventField; operator: DateOperator; subject: number | null; dates: CalendarDate[]; days: number };

/** Validated criteria: the sets as sent and the conditions the SQL builder reads. */
export interface ValidatedCriteria {
  criteria: CriteriaSets;
  conditions: Condition[][];
}

const MAX_ID = 2_147_483_647;

/** The JSON text of a filter parameter is capped before parsing; 100,000 characters is far above any URL that HTTP servers accept by default. */
const MAX_FILTER_TEXT_LENGTH = 100_000;

const VALUE_DESCRIPTIONS: Record<ListValueKind, string> = {
  leadStatusId: 'a lead status id',
  categoryId: 'a category id',
  companyId: 'a company id',
  userId: `a user id or "${CURRENT_USER}"`,
  categoryGroup: `a category group (${CATEGORY_GROUPS.join(', ')})`,
};

/**
 * Parses the JSON text of a `filter` query parameter: either one set of criterion lines, such as
 * `[{"field":"leadStatus","operator":"isNotOneOf","values":[3]}]`, or an array of sets. Returns
 * the criteria as sets and throws VALIDATION_FAILED on anything invalid, naming the parameter.
 */
export function parseFilterParameter(raw: unknown, catalogue: FieldCatalogue, parameter = 'filter'): CriteriaSets {
  const path = `/${parameter}`;
  if (typeof raw !== 'string') {
    throw validationFailed(path, `must be a JSON array of criteria given once, got ${describeValue(raw)}`);
  }
  if (raw.trim() === '') return [];
  if (raw.length > MAX_FILTER_TEXT_LENGTH) {
    throw validationFailed(path, `is ${raw.length} characters long; the maximum is ${MAX_FILTER_TEXT_LENGTH}`);
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw validationFailed(
      path,
      `is not valid JSON (${reason}); send an array such as [{"field":"lastName","operator":"startsWith","values":["de"]}]`,
    );
  }

  const unstorable = findUnstorableText(parsed, path);
  if (unstorable !== null) {
    throw validationFailed(unstorable, 'contains a NUL character or an unpaired UTF-16 surrogate, which cannot be stored');
  }

  const isOneSet = Array.isArray(parsed) && parsed.length > 0 && parsed.every((line) => !Array.isArray(line));
  const sets = isOneSet ? [parsed] : parsed;
  return validateCriteria(sets, catalogue, { path, isOneSet }).criteria;
}

export interface ValidateOptions {
  /** JSON pointer of the criteria in the request, used in error fields. */
  path?: string;
  /** The client sent one set, so error paths leave out the set index. */
  isOneSet?: boolean;
}

/**
 * Checks criteria sets against an entity's field catalogue: known fields, operators valid for the
 * field type, and the number and type of values. Throws VALIDATION_FAILED listing every invalid
 * line, so that stored criteria and request input get the same checks.
 */
export function validateCriteria(input: unknown, catalogue: FieldCatalogue, options: ValidateOptions = {}): ValidatedCriteria {
  const basePath = options.path ?? '/filter';
  const errors = new ValidationErrors();

  if (!Value.Check(CriteriaSetsSchema, input)) {
    const reported = new Set<string>();
    for (const error of Value.Errors(CriteriaSetsSchema, input)) {
      const path = `${basePath}${options.isOneSet ? error.path.replace(/^\/0/, '') : error.path}`;
      if (reported.has(path)) continue;
      reported.add(path);
      errors.add(path, shapeErrorMessage(error));
    }
    errors.throwIfAny();
  }
  const sets = input as CriteriaSets;

  const lineCount = sets.reduce((sum, set) => sum + set.length, 0);
  if (lineCount > CRITERIA_LIMITS.maxLines) {
    errors.add(basePath, `has ${lineCount} criterion lines; the maximum is ${CRITERIA_LIMITS.maxLines}`);
    errors.throwIfAny();
  }

  const conditions = sets.map((set, setIndex) =>
    set.flatMap((criterion, lineIndex) => {
      const linePath = options.isOneSet ? `${basePath}/${lineIndex}` : `${basePath}/${setIndex}/${lineIndex}`;
      const condition = toCondition(criterion, catalogue, linePath, errors);
      return condition === null ? [] : [condition];
    }),
  );
  errors.throwIfAny();

  return { criteria: sets, conditions };
}

function toCondition(criterion: Criterion, catalogue: FieldCatalogue, path: string, errors: ValidationErrors): Condition | null {
  const field = findField(catalogue, criterion.field);
  if (field === undefined) {
    const known = Object.keys(catalogue.fields).join(', ');
    errors.add(`${path}/field`, `unknown ${catalogue.entity} field ${describeValue(criterion.field)}; use one of: ${known}`);
    return null;
  }

  const operators = OPERATORS_BY_TYPE[field.type];
  if (!operators.includes(criterion.operator)) {
    errors.add(
      `${path}/operator`,
      `operator ${describeValue(criterion.operator)} is not valid for the ${field.type} field "${criterion.field}"; use one of: ${operators.join(', ')}`,
    );
    return null;
  }

  const values = criterion.values ?? [];
  const valuesPath = `${path}/values`;
  const errorCountBefore = errors.count;

  switch (field.type) {
    case 'text': {
      const operator = criterion.operator as TextOperator;
      if (operator === 'isEmpty' || operator === 'isNotEmpty') {
        expectCount(values, 0, operator, valuesPath, errors);
        return { type: 'text', column: field.column, operator, text: '' };
      }
      if (!expectCount(values, 1, operator, valuesPath, errors)) return null;
      const text = values[0];
      if (typeof text !== 'string' || text === '') {
        errors.add(`${valuesPath}/0`, `must be a non-empty text, got ${describeValue(text)}; use isEmpty to find rows without a value`);
        return null;
      }
      return { type: 'text', column: field.column, operator, text };
    }

    case 'list':
      return toListCondition(field, criterion.operator as ListOperator, values, valuesPath, errors);

    case 'date': {
      const operator = criterion.operator as DateOperator;
      const parsed = parseDateValues(operator, values, 0, valuesPath, errors);
      if (parsed === null || errors.count > errorCountBefore) return null;
      return { type: 'date', column: field.column, operator, ...parsed };
    }

    case 'event': {
      const operator = criterion.operator as DateOperator;
      let subject: number | null = null;
      if (field.subject !== null) {
        const first = values[0];
        if (!isWholeNumber(first, 1, MAX_ID)) {
          errors.add(`${valuesPath}/0`, `must be ${VALUE_DESCRIPTIONS[field.subject]} (a whole number from 1 to ${MAX_ID}), followed by the values of "${operator}", got ${describeValue(first)}`);
          return null;
        }
        subject = first;
      }
      const offset = field.subject === null ? 0 : 1;
      const parsed = parseDateValues(operator, values.slice(offset), offset, valuesPath, errors);
      if (parsed === null || errors.count > errorCountBefore) return null;
      return { type: 'event', field, operator, subject, ...parsed };
    }

    case 'number': {
      const operator = criterion.operator as NumberOperator;
      let expected = 1;
      if (operator === 'between') expected = 2;
      if (operator === 'isEmpty' || operator === 'isNotEmpty') expected = 0;
      if (!expectCount(values, expected, operator, valuesPath, errors)) return null;
      const numbers: number[] = [];
      values.forEach((value, index) => {
        if (!isWholeNumber(value, field.minimum, field.maximum)) {
          errors.add(`${valuesPath}/${index}`, `must be a whole number from ${field.minimum} to ${field.maximum}, got ${describeValue(value)}`);
        } else {
          numbers.push(value);
        }
      });
      const [low, high] = numbers;
      if (low !== undefined && high !== undefined && low > high) {
        errors.add(valuesPath, 'the first number of "between" must not be greater than the second');
      }
      if (errors.count > errorCountBefore) return null;
      return { type: 'number', field, operator, numbers };
    }

    case 'boolean': {
      if (!expectCount(values, 1, criterion.operator, valuesPath, errors)) return null;
      const value = values[0];
      if (typeof value !== 'boolean') {
        errors.add(`${valuesPath}/0`, `must be true or false, got ${describeValue(value)}`);
        return null;
      }
      return { type: 'boolean', column: field.column, value };
    }
  }
}

function toListCondition(
  field: ListField,
  operator: ListOperator,
  values: CriterionValue[],
  valuesPath: string,
  errors: ValidationErrors,
): Condition | null {
  if (operator === 'isEmpty' || operator === 'isNotEmpty') {
    if (!expectCount(values, 0, operator, valuesPath, errors)) return null;
    return { type: 'list', column: field.column, operator, values: [], includesNull: false, includesCurrentUser: false };
  }
  if (values.length === 0) {
    errors.add(valuesPath, `operator "${operator}" needs at least one value`);
    return null;
  }

  const condition = {
    type: 'list' as const,
    column: field.column,
    operator,
    values: [] as Array<number | string>,
    includesNull: false,
    includesCurrentUser: false,
  };
  let valid = true;
  values.forEach((value, index) => {
    if (value === null) {
      condition.includesNull = true;
    } else if (field.valueKind === 'categoryGroup' ? isCategoryGroup(value) : isWholeNumber(value, 1, MAX_ID)) {
      condition.values.push(value as number | string);
    } else if (field.valueKind === 'userId' && value === CURRENT_USER) {
      condition.includesCurrentUser = true;
    } else {
      const range = field.valueKind === 'categoryGroup' ? '' : ` (a whole number from 1 to ${MAX_ID})`;
      errors.add(`${valuesPath}/${index}`, `must be ${VALUE_DESCRIPTIONS[field.valueKind]}${range} or null, got ${describeValue(value)}`);
      valid = false;
    }
  });
  return valid ? condition : null;
}

/** Rewords TypeBox's messages where they would leave the client guessing. */
function shapeErrorMessage(error: ValueError): string {
  if (error.type === ValueErrorType.Union) {
    if (typeof error.value === 'string') {
      return `text is ${error.value.length} characters long; the maximum is ${CRITERIA_LIMITS.maxTextLength}`;
    }
    return `must be text, a number, true, false or null, got ${describeValue(error.value)}`;
  }
  if (error.type === ValueErrorType.ObjectAdditionalProperties) {
    return 'a criterion has only the properties field, operator and values';
  }
  if (error.type === ValueErrorType.ObjectRequiredProperty) return 'is missing';
  if (error.type === ValueErrorType.ArrayMaxItems && Array.isArray(error.value)) {
    return `has ${error.value.length} entries; the maximum is ${String(error.schema.maxItems)}`;
  }
  return `${error.message}, got ${describeValue(error.value)}`;
}

/**
 * Parses the values of a date operator; `offset` is the index of the first of them among the
 * criterion's values, for the error paths. Returns null after adding an error when they are invalid.
 */
function parseDateValues(
  operator: DateOperator,
  values: CriterionValue[],
  offset: number,
  valuesPath: string,
  errors: ValidationErrors,
): { dates: CalendarDate[]; days: number } | null {
  const dates: CalendarDate[] = [];
  let days = 0;
  const errorCountBefore = errors.count;
  if (operator === 'before' || operator === 'after' || operator === 'onDate' || operator === 'between') {
    const expected = operator === 'between' ? 2 : 1;
    if (!expectCount(values, expected, operator, valuesPath, errors, offset)) return null;
    values.forEach((value, index) => {
      const date = typeof value === 'string' ? parseCalendarDate(value) : null;
      if (date === null) errors.add(`${valuesPath}/${index + offset}`, `must be an existing date written as YYYY-MM-DD, such as 2026-02-28, got ${describeValue(value)}`);
      else dates.push(date);
    });
    const [first, last] = dates;
    if (first !== undefined && last !== undefined && compareCalendarDates(first, last) > 0) {
      errors.add(valuesPath, 'the first date of "between" must not be after the second');
    }
  } else if (operator === 'lastNDays') {
    if (!expectCount(values, 1, operator, valuesPath, errors, offset)) return null;
    const value = values[0];
    if (!isWholeNumber(value, 1, CRITERIA_LIMITS.maxLastNDays)) {
      errors.add(`${valuesPath}/${offset}`, `must be a whole number of days from 1 to ${CRITERIA_LIMITS.maxLastNDays}, got ${describeValue(value)}`);
    } else {
      days = value;
    }
  } else {
    expectCount(values, 0, operator, valuesPath, errors, offset);
  }
  return errors.count > errorCountBefore ? null : { dates, days };
}

function expectCount(values: CriterionValue[], expected: number, operator: string, path: string, errors: ValidationErrors, offset = 0): boolean {
  if (values.length === expected) return true;
  let expectedText = `exactly ${expected} values`;
  if (expected === 0) expectedText = 'no values';
  if (expected === 1) expectedText = 'exactly 1 value';
  const after = offset > 0 ? ` after the subject` : '';
  errors.add(path, `operator "${operator}" takes ${expectedText}${after}, got ${values.length}`);
  return false;
}

function isWholeNumber(value: unknown, minimum: number, maximum: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= minimum && value <= maximum;
}

