import { type SqlBool, sql } from 'kysely';

import { categoryGroupRank } from './category-groups.js';
import { type FieldCatalogue, type FieldDefinition, folded, plainSort, textSort } from './fields.js';

/**
 * The person fields, mapped onto the person base query (`selectPersonRows`) and its aliases:
 * p persons, c company, cat the company's category, ls lead status, o owner.
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

// Surnames sort by the last name and then the first name, so the middle name ("de", "van der")
// does not count: "de Vries" sorts under V. The persons_name_sort_idx index has this order.
const nameSort = [
  { expression: folded(ref('p.last_name')), valueType: 'text', nullable: false },
  { expression: folded(ref('p.first_name')), valueType: 'text', nullable: true },
] as const;

const leadStatusEnabled = sql`coalesce(${ref('cat.lead_status_enabled')}, false)`;

const personFields: Record<string, FieldDefinition> = {
  leadStatus: {
    type: 'list',
    column: ref('p.lead_status_id'),
    valueKind: 'leadStatusId',
    group: { kind: 'listItem', table: 'lead_statuses' },
    sort: [
      { expression: ref('ls.sort_order'), valueType: 'integer', nullable: true },
      { expression: ref('p.lead_status_id'), valueType: 'integer', nullable: true },
    ],
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
    column: ref('p.owner_id'),
    valueKind: 'userId',
    group: { kind: 'user' },
    sort: [
      { expression: ref('o.name_sort'), valueType: 'text', nullable: true },
      { expression: ref('p.owner_id'), valueType: 'integer', nullable: true },
    ],
  },
  company: {
    type: 'list',
    column: ref('p.company_id'),
    valueKind: 'companyId',
    group: { kind: 'company' },
    sort: [
      { expression: ref('c.name_sort'), valueType: 'text', nullable: true },
      { expression: ref('p.company_id'), valueType: 'integer', nullable: true },
    ],
  },
  leadStatusEnabled: {
    type: 'boolean',
    column: leadStatusEnabled,
    group: { kind: 'boolean' },
    sort: plainSort(leadStatusEnabled, 'boolean', false),
  },
  formerEmployee: {
    type: 'boolean',
    column: ref('p.former_employee'),
    group: { kind: 'boolean' },
    sort: plainSort(ref('p.former_employee'), 'boolean', false),
  },
  deleted: {
    type: 'boolean',
    column: sql`(${ref('p.deleted_at')} is not null)`,
    group: { kind: 'boolean' },
  },
  salutation: text('p.salutation'),
  firstName: {
    type: 'text',
    column: ref('p.first_name'),
    sort: [
      { expression: folded(ref('p.first_name')), valueType: 'text', nullable: true },
      { expression: folded(ref('p.last_name')), valueType: 'text', nullable: false },
    ],
  },
  middleName: text('p.middle_name'),
  lastName: { type: 'text', column: ref('p.last_name'), sort: [...nameSort] },
  name: {
    type: 'text',
    column: sql`concat_ws(' ', ${ref('p.first_name')}, ${ref('p.middle_name')}, ${ref('p.last_name')})`,
    sort: [...nameSort],
  },
  email: text('p.email'),
  jobTitle: text('p.job_title'),
  phone: text('p.phone'),
  mobile: text('p.mobile'),
  companyName: { type: 'text', column: ref('c.name'), sort: plainSort(ref('c.name_sort'), 'text', true) },
  city: text('c.city'),
  country: text('c.country'),
  leadSource: text('p.lead_source'),
  registeredAt: date('p.registered_at', false),
  updatedAt: date('p.updated_at', false),
  leadStatusChangedAt: date('p.lead_status_changed_at', true),
  // A person reached a lead status when a history record changed it to that status. The first
  // value is the status id, and the rest are the date operator's values on the time of the change.
  reachedLeadStatus: {
    type: 'event',
    subject: 'leadStatusId',
    timeKind: 'instant',
    exists: (statusId, time) => sql<SqlBool>`exists (
      select 1 from lead_status_changes as h
      where h.person_id = ${ref('p.id')} and h.to_status_id = ${statusId} and ${time(ref('h.changed_at'))})`,
  },
  // The person's company has a sale marked sold whose sale date is in the period. Sales keep no
  // time of the status change, so the sale date stands for it.
  companySaleSold: {
    type: 'event',
    subject: null,
    timeKind: 'calendarDate',
    exists: (_subject, time) => sql<SqlBool>`exists (
      select 1 from sales as s
      where s.company_id = ${ref('p.company_id')} and s.status = 'sold' and s.deleted_at is null and ${time(ref('s.sale_date'))})`,
  },
  daysInStatus: {
    type: 'number',
    measure: { kind: 'daysSince', column: ref('p.lead_status_changed_at') },
    minimum: 0,
    maximum: 100_000,
    // More days in the status means an earlier change, so the order is the change date reversed.
    sort: [{ expression: ref('p.lead_status_changed_at'), valueType: 'timestamp', nullable: true, reversed: true }],
  },
};

export const PERSON_FIELDS: FieldCatalogue = {
  entity: 'person',
  fields: personFields,
  id: sql<number>`${ref('p.id')}`,
  deleted: sql<boolean>`(${ref('p.deleted_at')} is not null)`,
  defaultSort: 'lastName',
};
