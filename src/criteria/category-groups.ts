import { type RawBuilder, sql } from 'kysely';

import { CATEGORY_GROUPS, type CategoryGroup, type Language } from '../db/schema.js';
import { categoryGroupName } from '../lists/list-item.js';

export function categoryGroupLabel(group: CategoryGroup, language: Language): string {
  return categoryGroupName(group, language);
}

export function isCategoryGroup(value: unknown): value is CategoryGroup {
  return typeof value === 'string' && (CATEGORY_GROUPS as readonly string[]).includes(value);
}

/** Returns the position of a category group in the fixed order of CATEGORY_GROUPS, or null for no group. */
export function categoryGroupRank(column: RawBuilder<unknown>): RawBuilder<number | null> {
  const branches = CATEGORY_GROUPS.map((group, index) => sql`when ${sql.lit(group)} then ${sql.lit(index)}`);
  return sql<number | null>`(case ${column} ${sql.join(branches, sql` `)} end)`;
}
