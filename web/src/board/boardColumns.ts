import type { Criterion, GroupCounts, LeadStatus, User } from '../api/types';

/** The person field whose values make the board's columns. */
export type BoardGrouping = 'leadStatus' | 'owner';

/** All leads: persons whose company has a category in the group Potential customer. */
export const ALL_LEADS_FILTER: Criterion[] = [{ field: 'categoryGroup', operator: 'isOneOf', values: ['potentialCustomer'] }];

/** The person field a drop writes, and the value it writes there. */
export interface DropTarget {
  field: 'leadStatusId' | 'ownerId';
  value: number | null;
}

export interface BoardColumn {
  /** Stable id, used as React key and as the drop zone's id. */
  id: string;
  /** Name in the user's language, or null for the column of persons without a value. */
  title: string | null;
  description: string | null;
  count: number;
  /** Criteria lines that select exactly this column's persons within the board's filter. */
  criteria: Criterion[];
  /** Null when cards cannot be dropped here (no status, a deleted status, an inactive user). */
  target: DropTarget | null;
}

/** The filters of the board's toolbar; an empty string means the filter is off. */
export interface BoardToolbarFilters {
  /** A user id, "currentUser", or "none" for persons without our contact. */
  owner: string;
  /** A category id. */
  category: string;
  /** Text the company's country contains. */
  country: string;
  /** One of REGISTERED_PERIODS. */
  registered: string;
}

export const NO_TOOLBAR_FILTERS: BoardToolbarFilters = { owner: '', category: '', country: '', registered: '' };

/** Periods the registered-date filter offers, each with its criteria line. */
export const REGISTERED_PERIODS: Record<string, Criterion> = {
  today: { field: 'registeredAt', operator: 'today', values: [] },
  thisWeek: { field: 'registeredAt', operator: 'thisWeek', values: [] },
  thisMonth: { field: 'registeredAt', operator: 'thisMonth', values: [] },
  last30Days: { field: 'registeredAt', operator: 'lastNDays', values: [30] },
  thisQuarter: { field: 'registeredAt', operator: 'thisQuarter', values: [] },
  last90Days: { field: 'registeredAt', operator: 'lastNDays', values: [90] },
  thisYear: { field: 'registeredAt', operator: 'thisYear', values: [] },
};

/** Counts the toolbar filters that are on, for the "clear filters" button. */
export function activeFilterCount(filters: BoardToolbarFilters): number {
  return Object.values(filters).filter((value) => value.trim() !== '').length;
}

/**
 * Builds the board's filter from the name and the toolbar filters. The board of all leads adds
 * "company is a potential customer". A saved selection's board adds nothing, because the API path
 * of the selection limits the persons.
 */
export function boardFilter(allLeads: boolean, name: string, toolbar: BoardToolbarFilters = NO_TOOLBAR_FILTERS): Criterion[] {
  const lines: Criterion[] = allLeads ? [...ALL_LEADS_FILTER] : [];
  const text = name.trim();
  if (text !== '') lines.push({ field: 'name', operator: 'contains', values: [text] });

  if (toolbar.owner === 'none') lines.push({ field: 'owner', operator: 'isEmpty', values: [] });
  else if (toolbar.owner === 'currentUser') lines.push({ field: 'owner', operator: 'isOneOf', values: ['currentUser'] });
  else if (toolbar.owner !== '') lines.push({ field: 'owner', operator: 'isOneOf', values: [Number(toolbar.owner)] });

  if (toolbar.category !== '') lines.push({ field: 'category', operator: 'isOneOf', values: [Number(toolbar.category)] });

  const country = toolbar.country.trim();
  if (country !== '') lines.push({ field: 'country', operator: 'contains', values: [country] });

  const period = REGISTERED_PERIODS[toolbar.registered];
  if (period !== undefined) lines.push(period);
  return lines;
}

function countsByValue(counts: GroupCounts): Map<string | number | boolean | null, number> {
  const result = new Map<string | number | boolean | null, number>();
  for (const group of counts.groups) {
    const value = group.keys[0]?.value ?? null;
    result.set(value, (result.get(value) ?? 0) + group.count);
  }
  return result;
}

/**
 * Builds one column per non-deleted lead status in list order, then one column for persons with
 * no status or a deleted status. The last column's count is everything the status columns leave
 * out, so the column counts always add up to the total.
 */
export function leadStatusColumns(statuses: LeadStatus[], counts: GroupCounts): BoardColumn[] {
  const byValue = countsByValue(counts);
  const active = statuses.filter((status) => !status.deleted).sort((a, b) => a.sortOrder - b.sortOrder);

  const columns: BoardColumn[] = active.map((status) => ({
    id: `leadStatus:${status.id}`,
    title: status.name,
    description: status.description,
    count: byValue.get(status.id) ?? 0,
    criteria: [{ field: 'leadStatus', operator: 'isOneOf', values: [status.id] }],
    target: { field: 'leadStatusId', value: status.id },
  }));

  const inStatusColumns = columns.reduce((sum, column) => sum + column.count, 0);
  columns.push({
    id: 'leadStatus:none',
    title: null,
    description: null,
    count: counts.total - inStatusColumns,
    // "Is not one of" keeps the persons without a value, so this line also selects them.
    criteria: [{ field: 'leadStatus', operator: 'isNotOneOf', values: active.map((status) => status.id) }],
    target: null,
  });
  return columns;
}

/**
 * Builds one column per active user in name order, one per inactive user who still owns leads,
 * and one column for persons without an owner.
 */
export function ownerColumns(users: User[], counts: GroupCounts, language: string): BoardColumn[] {
  const byValue = countsByValue(counts);
  const collator = new Intl.Collator(language);
  const known = new Set(users.map((user) => user.id));

  const owners = users
    .filter((user) => user.active || byValue.has(user.id))
    .map((user) => ({ id: user.id, name: user.name, active: user.active }));
  // An owner the user list does not contain still gets a column, so no count goes missing.
  for (const group of counts.groups) {
    const key = group.keys[0];
    if (typeof key?.value === 'number' && !known.has(key.value)) owners.push({ id: key.value, name: key.label ?? String(key.value), active: false });
  }
  owners.sort((a, b) => collator.compare(a.name, b.name));

  const columns: BoardColumn[] = owners.map((owner) => ({
    id: `owner:${owner.id}`,
    title: owner.name,
    description: null,
    count: byValue.get(owner.id) ?? 0,
    criteria: [{ field: 'owner', operator: 'isOneOf', values: [owner.id] }],
    target: owner.active ? { field: 'ownerId', value: owner.id } : null,
  }));
  columns.push({
    id: 'owner:none',
    title: null,
    description: null,
    count: byValue.get(null) ?? 0,
    criteria: [{ field: 'owner', operator: 'isEmpty', values: [] }],
    target: { field: 'ownerId', value: null },
  });
  return columns;
}
