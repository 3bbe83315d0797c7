import { type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * Field catalogues: for each entity, the fields that criteria, sort and group counts can use, with
 * the SQL expression that each one maps to on the entity's base query.
 */

/** Type of a sort expression's value, which decides how a cursor stores it and casts it back. */
export type SortValueType = 'text' | 'integer' | 'timestamp' | 'boolean';

/** One expression of a field's sort order. */
export interface SortExpression {
  expression: RawBuilder<unknown>;
  valueType: SortValueType;
  nullable: boolean;
  /** Sorts this expression opposite to the requested direction (days in status ascending is the change date descending). */
  reversed?: boolean;
}

/** Source of a group's label and order in group counts. */
export type GroupSource =
  | { kind: 'listItem'; table: 'lead_statuses' | 'categories' }
  | { kind: 'user' }
  | { kind: 'company' }
  | { kind: 'categoryGroup' }
  | { kind: 'boolean' };

interface FieldBase {
  /** Expressions to order by, most significant first; absent when the field cannot be sorted on. */
  sort?: SortExpression[];
}

export interface TextField extends FieldBase {
  type: 'text';
  column: RawBuilder<unknown>;
}

/** The values a list field accepts besides null. */
export type ListValueKind = 'leadStatusId' | 'categoryId' | 'companyId' | 'userId' | 'categoryGroup';

export interface ListField extends FieldBase {
  type: 'list';
  column: RawBuilder<unknown>;
  valueKind: ListValueKind;
  group: GroupSource;
}

export interface DateField extends FieldBase {
  type: 'date';
  column: RawBuilder<unknown>;
}

export interface NumberField extends FieldBase {
  type: 'number';
  /** `daysSince`: whole days between the timestamp column and the clock. `value`: the column itself. */
  measure: { kind: 'daysSince'; column: RawBuilder<unknown> } | { kind: 'value'; column: RawBuilder<unknown> };
  minimum: number;
  maximum: number;
}

export interface BooleanField extends FieldBase {
  type: 'boolean';
  column: RawBuilder<unknown>;
  group: GroupSource;
}

/**
 * A field that matches when a related record exists whose time falls in a period, such as a history
 * record of the person reaching a lead status. Its values are the subject (a lead status id) when
 * the field has one, followed by the values of the date operator.
 */
export interface EventField extends FieldBase {
  type: 'event';
  /** Kind of the first value; null when the event takes no subject. */
  subject: 'leadStatusId' | null;
  /** `instant`: the time is a timestamptz. `calendarDate`: it is a date without time zone. */
  timeKind: 'instant' | 'calendarDate';
  /** Builds the EXISTS test; `time` restricts the event's time column and is TRUE for "ever". */
  exists(subject: number | null, time: (column: RawBuilder<unknown>) => RawBuilder<SqlBool>): RawBuilder<SqlBool>;
}

export type FieldDefinition = TextField | ListField | DateField | NumberField | BooleanField | EventField;

export type EntityName = 'person' | 'company';

export interface FieldCatalogue {
  entity: EntityName;
  fields: Readonly<Record<string, FieldDefinition>>;
  /** The primary key on the base query, the last sort key of every list. */
  id: RawBuilder<number>;
  /** True for soft-deleted rows, which lists leave out unless asked to include them. */
  deleted: RawBuilder<boolean>;
  defaultSort: string;
}

/** Returns the field definition, or undefined for a name that is not in the catalogue. */
export function findField(catalogue: FieldCatalogue, name: string): FieldDefinition | undefined {
  return Object.hasOwn(catalogue.fields, name) ? catalogue.fields[name] : undefined;
}

/** Returns the sort and search form of a text, with accents and case folded and compared byte by byte. */
export function folded(column: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`trechter_fold(${column}) collate "C"`;
}

/** Sort expressions for a text column. */
export function textSort(column: RawBuilder<unknown>, nullable: boolean): SortExpression[] {
  return [{ expression: folded(column), valueType: 'text', nullable }];
}

export function plainSort(column: RawBuilder<unknown>, valueType: SortValueType, nullable: boolean): SortExpression[] {
  return [{ expression: column, valueType, nullable }];
}
