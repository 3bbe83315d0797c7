import { type Static, Type } from '@sinclair/typebox';

/**
 * The criteria model that find, list filters, selections, the board and dashboard tiles share.
 * A criterion line is a field, an operator and the operator's values. Lines within a set are
 * ANDed and sets are ORed, so a list filter is a single set.
 */

export const FIELD_TYPES = ['text', 'list', 'date', 'number', 'boolean', 'event'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const TEXT_OPERATORS = ['startsWith', 'contains', 'equals', 'isEmpty', 'isNotEmpty'] as const;
export const LIST_OPERATORS = ['isOneOf', 'isNotOneOf', 'isEmpty', 'isNotEmpty'] as const;
/** Periods relative to the clock, computed in the organisation's time zone with weeks starting on Monday. */
export const RELATIVE_PERIODS = [
  'today',
  'thisWeek',
  'thisMonth',
  'thisQuarter',
  'thisYear',
  'yearToDate',
  'lastNDays',
] as const;
export const DATE_OPERATORS = ['before', 'after', 'between', 'onDate', ...RELATIVE_PERIODS, 'isEmpty', 'isNotEmpty'] as const;
export const NUMBER_OPERATORS = ['equals', 'greaterThan', 'lessThan', 'between', 'isEmpty', 'isNotEmpty'] as const;
export const BOOLEAN_OPERATORS = ['is'] as const;
/**
 * Operators of an event field, such as "reached lead status X in a period": the date operators on
 * the event's time. isNotEmpty means the event ever happened and isEmpty that it never did.
 */
export const EVENT_OPERATORS = DATE_OPERATORS;

export type TextOperator = (typeof TEXT_OPERATORS)[number];
export type ListOperator = (typeof LIST_OPERATORS)[number];
export type RelativePeriod = (typeof RELATIVE_PERIODS)[number];
export type DateOperator = (typeof DATE_OPERATORS)[number];
export type NumberOperator = (typeof NUMBER_OPERATORS)[number];
export type BooleanOperator = (typeof BOOLEAN_OPERATORS)[number];

export const OPERATORS_BY_TYPE: Record<FieldType, readonly string[]> = {
  text: TEXT_OPERATORS,
  list: LIST_OPERATORS,
  date: DATE_OPERATORS,
  number: NUMBER_OPERATORS,
  boolean: BOOLEAN_OPERATORS,
  event: EVENT_OPERATORS,
};

/** Limits on the criteria of one filter, which keep queries and error messages small. */
export const CRITERIA_LIMITS = {
  /** Lines in all sets together. */
  maxLines: 50,
  maxSets: 50,
  maxValues: 1000,
  maxTextLength: 200,
  maxNameLength: 50,
  /** Largest N of "last N days": about a hundred years. */
  maxLastNDays: 36_600,
} as const;

/** The value that an owner criterion resolves to the signed-in user. */
export const CURRENT_USER = 'currentUser';

const criterionValue = Type.Union([
  Type.String({ maxLength: CRITERIA_LIMITS.maxTextLength }),
  Type.Number(),
  Type.Boolean(),
  Type.Null(),
]);

export const CriterionSchema = Type.Object(
  {
    field: Type.String({ minLength: 1, maxLength: CRITERIA_LIMITS.maxNameLength, description: 'Field name, such as leadStatus' }),
    operator: Type.String({ minLength: 1, maxLength: CRITERIA_LIMITS.maxNameLength, description: 'Operator valid for the field type, such as isOneOf' }),
    values: Type.Optional(
      Type.Array(criterionValue, {
        maxItems: CRITERIA_LIMITS.maxValues,
        description:
          'The operator\'s values: list ids (null means "no value"), "currentUser" for owner, dates as YYYY-MM-DD, numbers, booleans or text',
      }),
    ),
  },
  { additionalProperties: false },
);

export const CriteriaSetSchema = Type.Array(CriterionSchema, {
  maxItems: CRITERIA_LIMITS.maxLines,
  description: 'Criterion lines that must all match',
});

export const CriteriaSetsSchema = Type.Array(CriteriaSetSchema, {
  maxItems: CRITERIA_LIMITS.maxSets,
  description: 'Sets of criterion lines; a row matches when it matches any set. No sets means no condition.',
});

export type Criterion = Static<typeof CriterionSchema>;
export type CriterionValue = Static<typeof criterionValue>;
export type CriteriaSet = Static<typeof CriteriaSetSchema>;
export type CriteriaSets = Static<typeof CriteriaSetsSchema>;
