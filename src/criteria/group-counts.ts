import { type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';

import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/database.js';
import type { CategoryGroup, Language } from '../db/schema.js';
import { validationFailed } from '../errors/app-error.js';
import { localize } from '../lists/localize.js';
import { categoryGroupLabel, categoryGroupRank } from './category-groups.js';
import type { BooleanField, FieldCatalogue, GroupSource, ListField } from './fields.js';
import { findField } from './fields.js';
import type { FilterOptions } from './list-query.js';
import { describeValue } from './validation-errors.js';

/** Group counts go at most this many fields deep. */
export const MAX_GROUP_FIELDS = 2;

export interface GroupQuery extends FilterOptions {
  /** One or two list or yes/no fields, such as ['leadStatus'] or ['category', 'leadStatus']. */
  by: string[];
}

export interface GroupKey {
  field: string;
  /** The list item id, category group, user id, company id or yes/no; null for "no value". */
  value: number | string | boolean | null;
  /** The value's name in the actor's language; null for "no value". */
  label: string | null;
  /** True for a soft-deleted list item or company that rows still hold. */
  deleted: boolean;
}

export interface GroupCounts {
  /** Rows matching the filter: the sum of all group counts. */
  total: number;
  groups: Array<{ keys: GroupKey[]; count: number }>;
}

export interface GroupField {
  name: string;
  definition: ListField | BooleanField;
}

/** Returns the catalogue fields that group counts accept. */
export function groupableFields(catalogue: FieldCatalogue): string[] {
  return Object.entries(catalogue.fields)
    .filter(([, definition]) => definition.type === 'list' || definition.type === 'boolean')
    .map(([name]) => name);
}

/** Checks the group fields: one or two distinct list or yes/no fields of the catalogue. */
export function resolveGroupFields(catalogue: FieldCatalogue, by: unknown, parameter = 'by'): GroupField[] {
  const path = `/${parameter}`;
  const groupable = groupableFields(catalogue);
  if (!Array.isArray(by) || by.length < 1 || by.length > MAX_GROUP_FIELDS) {
    throw validationFailed(path, `must name 1 or ${MAX_GROUP_FIELDS} fields to group by, got ${describeValue(by)}`);
  }

  return by.map((name: unknown, index) => {
    const definition = typeof name === 'string' ? findField(catalogue, name) : undefined;
    if (definition === undefined || (definition.type !== 'list' && definition.type !== 'boolean')) {
      throw validationFailed(`${path}/${index}`, `cannot group by ${describeValue(name)}; group by one of: ${groupable.join(', ')}`);
    }
    if (by.indexOf(name) !== index) throw validationFailed(path, `names the field "${String(name)}" twice`);
    return { name: name as string, definition };
  });
}

/**
 * Builds the inner query of group counts: the base query's rows that match the filter, counted per
 * combination of group keys. Its selection replaces the base query's.
 */
export function groupedRowsQuery<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  fields: GroupField[],
  filter: RawBuilder<SqlBool>,
) {
  let grouped = query
    .clearSelect()
    .select(fields.map((field, index) => sql`${field.definition.column}`.as(`key_${index}`)))
    .select(sql<number>`cast(count(*) as integer)`.as('row_count'))
    .where(filter);
  for (const field of fields) grouped = grouped.groupBy(field.definition.column);
  return grouped;
}

/**
 * Counts the grouped rows and names each group. Groups follow the order of their list (sort order
 * for lead statuses and categories, the fixed order for category groups, names for users and
 * companies, no before yes), and the "no value" group comes last. Only groups with rows appear.
 */
export async function countGroupedRows(
  db: Executor,
  grouped: Expression<unknown>,
  fields: GroupField[],
  actor: Actor,
): Promise<GroupCounts> {
  const joins: RawBuilder<unknown>[] = [];
  const labelColumns: RawBuilder<unknown>[] = [];
  const orderTerms: RawBuilder<unknown>[] = [];

  fields.forEach((field, index) => {
    const key = sql.raw(`g.key_${index}`);
    const item = sql.raw(`l${index}`);
    const source = field.definition.group;
    const labels = labelSource(source, key, item);
    if (labels.join !== null) joins.push(labels.join);
    labelColumns.push(
      sql`${labels.nameNl} as ${sql.raw(`name_nl_${index}`)}`,
      sql`${labels.nameEn} as ${sql.raw(`name_en_${index}`)}`,
      sql`${labels.deleted} as ${sql.raw(`deleted_${index}`)}`,
    );
    orderTerms.push(sql`${key} is null`, labels.order, key);
  });

  const keyColumns = fields.map((_field, index) => sql.raw(`g.key_${index}`));
  const result = await sql<Record<string, unknown>>`
    select ${sql.join([...keyColumns, ...labelColumns])}, g.row_count
    from (${grouped}) as g
    ${sql.join(joins, sql` `)}
    order by ${sql.join(orderTerms)}`.execute(db);

  const groups = result.rows.map((row) => ({
    keys: fields.map((field, index) => groupKey(field, row, index, actor.language)),
    count: Number(row.row_count),
  }));
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  return { total, groups };
}

interface LabelSource {
  join: RawBuilder<unknown> | null;
  nameNl: RawBuilder<unknown>;
  nameEn: RawBuilder<unknown>;
  deleted: RawBuilder<unknown>;
  order: RawBuilder<unknown>;
}

function labelSource(source: GroupSource, key: RawBuilder<unknown>, item: RawBuilder<unknown>): LabelSource {
  const none = sql`null`;
  switch (source.kind) {
    case 'listItem':
      return {
        join: sql`left join ${sql.table(source.table)} as ${item} on ${item}.id = ${key}`,
        nameNl: sql`${item}.name_nl`,
        nameEn: sql`${item}.name_en`,
        deleted: sql`coalesce(${item}.deleted, false)`,
        order: sql`${item}.sort_order`,
      };
    case 'user':
      return {
        join: sql`left join users as ${item} on ${item}.id = ${key}`,
        nameNl: sql`${item}.name`,
        nameEn: sql`${item}.name`,
        deleted: sql`false`,
        order: sql`trechter_fold(${item}.name) collate "C"`,
      };
    case 'company':
      return {
        join: sql`left join companies as ${item} on ${item}.id = ${key}`,
        nameNl: sql`${item}.name`,
        nameEn: sql`${item}.name`,
        deleted: sql`(${item}.deleted_at is not null)`,
        order: sql`trechter_fold(${item}.name) collate "C"`,
      };
    case 'categoryGroup':
      return { join: null, nameNl: none, nameEn: none, deleted: sql`false`, order: categoryGroupRank(key) };
    case 'boolean':
      return { join: null, nameNl: none, nameEn: none, deleted: sql`false`, order: key };
  }
}

const YES_NO = { nl: { yes: 'Ja', no: 'Nee' }, en: { yes: 'Yes', no: 'No' } } as const;

function groupKey(field: GroupField, row: Record<string, unknown>, index: number, language: Language): GroupKey {
  const value = (row[`key_${index}`] ?? null) as number | string | boolean | null;
  if (value === null) return { field: field.name, value: null, label: null, deleted: false };

  const deleted = row[`deleted_${index}`] === true;
  switch (field.definition.group.kind) {
    case 'categoryGroup':
      return { field: field.name, value, label: categoryGroupLabel(value as CategoryGroup, language), deleted };
    case 'boolean':
      return { field: field.name, value, label: value === true ? YES_NO[language].yes : YES_NO[language].no, deleted };
    default:
      return {
        field: field.name,
        value,
        label: localize(language, (row[`name_nl_${index}`] ?? null) as string | null, (row[`name_en_${index}`] ?? null) as string | null),
        deleted,
      };
  }
}
