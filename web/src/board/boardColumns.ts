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

/** Returns the board's filter: all leads, narrowed to names that contain the typed text. */
export function boardFilter(name: string): Criterion[] {
  const text = name.trim();
  if (text === '') return ALL_LEADS_FILTER;
  return [...ALL_LEADS_FILTER, { field: 'name', operator: 'contains', values: [text] }];
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
