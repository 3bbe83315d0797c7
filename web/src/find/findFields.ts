import type { SelectionEntity } from '../api/types';
import type { ColumnKind, OptionSource } from '../lists/columns';

/**
 * A field the find screen offers. The names and types follow the server's field catalogues
 * (src/criteria/person-fields.ts and company-fields.ts), which validate every criterion again.
 */
export interface FindField {
  name: string;
  type: ColumnKind;
  /** Translation key of the field's label. */
  labelKey: string;
  /** Source of the choices of a list field. */
  options?: OptionSource;
  /** The heading the field select shows the field under. */
  group: FieldGroup;
  /**
   * Something that happened to the record at a time, such as reaching a lead status: a date field
   * whose "is empty" means never and "is not empty" ever.
   */
  event?: boolean;
  /** An event's first value: the list item it is about, such as the lead status reached. */
  subject?: OptionSource;
}

export type FieldGroup = 'lead' | 'person' | 'company' | 'dates';

const leadStatus: FindField = { name: 'leadStatus', type: 'list', labelKey: 'fields.leadStatus', options: 'leadStatuses', group: 'lead' };
const category: FindField = { name: 'category', type: 'list', labelKey: 'fields.category', options: 'categories', group: 'lead' };
const categoryGroup: FindField = { name: 'categoryGroup', type: 'list', labelKey: 'fields.categoryGroup', options: 'categoryGroups', group: 'lead' };
const owner: FindField = { name: 'owner', type: 'list', labelKey: 'fields.owner', options: 'users', group: 'lead' };
const leadStatusEnabled: FindField = { name: 'leadStatusEnabled', type: 'boolean', labelKey: 'fields.leadStatusEnabled', group: 'lead' };

const text = (name: string, group: FieldGroup, labelKey = `fields.${name}`): FindField => ({ name, type: 'text', labelKey, group });
const date = (name: string): FindField => ({ name, type: 'date', labelKey: `fields.${name}`, group: 'dates' });

const PERSON_FIELDS: FindField[] = [
  leadStatus,
  category,
  categoryGroup,
  owner,
  leadStatusEnabled,
  { name: 'daysInStatus', type: 'number', labelKey: 'fields.daysInStatus', group: 'lead' },
  { name: 'reachedLeadStatus', type: 'date', labelKey: 'fields.reachedLeadStatus', group: 'lead', event: true, subject: 'leadStatuses' },
  { name: 'companySaleSold', type: 'date', labelKey: 'fields.companySaleSold', group: 'lead', event: true },
  text('leadSource', 'lead'),
  text('name', 'person'),
  text('salutation', 'person'),
  text('firstName', 'person'),
  text('middleName', 'person'),
  text('lastName', 'person'),
  text('jobTitle', 'person'),
  text('email', 'person'),
  text('phone', 'person'),
  text('mobile', 'person'),
  { name: 'formerEmployee', type: 'boolean', labelKey: 'fields.formerEmployee', group: 'person' },
  // A person's company name, city and country are its company's.
  text('companyName', 'company', 'fields.company'),
  text('city', 'company'),
  text('country', 'company'),
  date('registeredAt'),
  date('updatedAt'),
  date('leadStatusChangedAt'),
];

const COMPANY_FIELDS: FindField[] = [
  category,
  categoryGroup,
  owner,
  leadStatusEnabled,
  text('name', 'company', 'fields.companyName'),
  text('street', 'company'),
  text('postcode', 'company'),
  text('city', 'company'),
  text('country', 'company'),
  text('phone', 'company'),
  text('website', 'company'),
  { name: 'personCount', type: 'number', labelKey: 'fields.personCount', group: 'company' },
  date('registeredAt'),
  date('updatedAt'),
];

export const FIELD_GROUPS: readonly FieldGroup[] = ['lead', 'person', 'company', 'dates'];

export function findFields(entity: SelectionEntity): FindField[] {
  return entity === 'person' ? PERSON_FIELDS : COMPANY_FIELDS;
}

export function findField(entity: SelectionEntity, name: string): FindField | undefined {
  return findFields(entity).find((field) => field.name === name);
}

/** Operators per field type, as the server accepts them, in the order the operator select shows them. */
export const FIND_OPERATORS: Record<ColumnKind, readonly string[]> = {
  text: ['startsWith', 'contains', 'equals', 'isEmpty', 'isNotEmpty'],
  list: ['isOneOf', 'isNotOneOf', 'isEmpty', 'isNotEmpty'],
  date: ['before', 'after', 'between', 'onDate', 'today', 'thisWeek', 'thisMonth', 'thisQuarter', 'thisYear', 'yearToDate', 'lastNDays', 'isEmpty', 'isNotEmpty'],
  number: ['equals', 'greaterThan', 'lessThan', 'between', 'isEmpty', 'isNotEmpty'],
  boolean: ['is'],
};
