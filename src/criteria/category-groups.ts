import { type RawBuilder, sql } from 'kysely';

import { CATEGORY_GROUPS, type CategoryGroup, type Language } from '../db/schema.js';

// TODO: move these labels to the interface translations once those exist, so that the API's
// category group resource and the group counts read them from one place.
const CATEGORY_GROUP_LABELS: Record<CategoryGroup, { nl: string; en: string }> = {
  potentialCustomer: { nl: 'Potentiële klant', en: 'Potential customer' },
  customer: { nl: 'Klant', en: 'Customer' },
  partner: { nl: 'Partner', en: 'Partner' },
  lost: { nl: 'Verloren', en: 'Lost' },
  other: { nl: 'Overig', en: 'Other' },
};

export function categoryGroupLabel(group: CategoryGroup, language: Language): string {
  return CATEGORY_GROUP_LABELS[group][language];
}

export function isCategoryGroup(value: unknown): value is CategoryGroup {
  return typeof value === 'string' && (CATEGORY_GROUPS as readonly string[]).includes(value);
}

/** Returns the position of a category group in the fixed order of CATEGORY_GROUPS, or null for no group. */
export function categoryGroupRank(column: RawBuilder<unknown>): RawBuilder<number | null> {
  const branches = CATEGORY_GROUPS.map((group, index) => sql`when ${sql.lit(group)} then ${sql.lit(index)}`);
  return sql<number | null>`(case ${column} ${sql.join(branches, sql` `)} end)`;
}
