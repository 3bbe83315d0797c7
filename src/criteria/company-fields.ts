import { sql } from 'kysely';

import { categoryGroupRank } from './category-groups.js';
import { type FieldCatalogue, type FieldDefinition, folded, plainSort, textSort } from './fields.js';

/**
 * The company fields, mapped onto the company base query (`selectCompanyRows`) and its aliases:
 * c companies, cat the category, o owner.
 */

const ref = (column: string) => sql.ref(column);

const text = (column: string): FieldDefinition => ({
  type: 'text',
  column: ref(column),
  sort: textSort(ref(column), true),
});

const date = (column: string, nullable: boolean): FieldDefinition => ({
  type: 'date',
  column: ref(column),
  sort: plainSort(ref(column), 'timestamp', nullable),
});

const leadStatusEnabled = sql`coalesce(${ref('cat.lead_status_enabled')}, false)`;

// A correlated count is cheap for one page of companies, but a filter or sort on it counts the
// persons of every company that the other criteria keep.
const personCount = sql`(select cast(count(*) as integer) from persons counted where counted.company_id = ${ref('c.id')} and counted.deleted_at is null)`;

const companyFields: Record<string, FieldDefinition> = {
  name: {
    type: 'text',
    column: ref('c.name'),
    // The companies_name_sort_column_idx index has this order.
    sort: [{ expression: ref('c.name_sort'), valueType: 'text', nullable: false }],
  },
  category: {
    type: 'list',
    column: ref('c.category_id'),
    valueKind: 'categoryId',
    group: { kind: 'listItem', table: 'categories' },
    sort: [
      { expression: ref('cat.sort_order'), valueType: 'integer', nullable: true },
      { expression: ref('c.category_id'), valueType: 'integer', nullable: true },
    ],
  },
  categoryGroup: {
    type: 'list',
    column: ref('cat.category_group'),
    valueKind: 'categoryGroup',
    group: { kind: 'categoryGroup' },
    sort: plainSort(categoryGroupRank(ref('cat.category_group')), 'integer', true),
  },
  owner: {
    type: 'list',
    column: ref('c.owner_id'),
    valueKind: 'userId',
    group: { kind: 'user' },
    sort: [
      { expression: ref('o.name_sort'), valueType: 'text', nullable: true },
      { expression: ref('c.owner_id'), valueType: 'integer', nullable: true },
    ],
  },
  leadStatusEnabled: {
    type: 'boolean',
    column: leadStatusEnabled,
    group: { kind: 'boolean' },
    sort: plainSort(leadStatusEnabled, 'boolean', false),
  },
  deleted: {
    type: 'boolean',
    column: sql`(${ref('c.deleted_at')} is not null)`,
    group: { kind: 'boolean' },
  },
  street: text('c.street'),
  postcode: text('c.postcode'),
  city: text('c.city'),
  country: text('c.country'),
  phone: text('c.phone'),
  website: text('c.website'),
  registeredAt: date('c.registered_at', false),
  updatedAt: date('c.updated_at', false),
  personCount: {
    type: 'number',
    measure: { kind: 'value', column: personCount },
    minimum: 0,
    maximum: 2_147_483_647,
    sort: plainSort(personCount, 'integer', false),
  },
};

export const COMPANY_FIELDS: FieldCatalogue = {
  entity: 'company',
  fields: companyFields,
  id: sql<number>`${ref('c.id')}`,
  deleted: sql<boolean>`(${ref('c.deleted_at')} is not null)`,
  defaultSort: 'name',
};
