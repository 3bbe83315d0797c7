import type { BulkUpdateStatus, BulkUpdateTarget, CompanyBulkChanges, PersonBulkChanges, SelectionEntity } from '../api/types';

/** Select value meaning "leave this field as it is". */
export const KEEP = '';
/** Select value meaning "clear this field" (no owner, no category). */
export const NONE = 'none';

/** Picks of the first step as select values, each KEEP, NONE or an id. */
export interface BulkChoice {
  leadStatus: string;
  owner: string;
  category: string;
}

export const EMPTY_CHOICE: BulkChoice = { leadStatus: KEEP, owner: KEEP, category: KEEP };

/** Most ids the API takes in one target (the schema's maxItems of target.ids). */
export const MAX_TICKED_IDS = 10_000;

/** Records a run changes per transaction, as the server's bulk update sets them. A stop lands between two batches. */
export const BATCH_SIZES: Record<SelectionEntity, number> = { person: 500, company: 100 };

function toId(value: string): number | null {
  return value === NONE ? null : Number(value);
}

/** Turns the picks into the request's changes, or null when the user picked nothing to change. */
export function toChanges(entity: 'person', choice: BulkChoice): PersonBulkChanges | null;
export function toChanges(entity: 'company', choice: BulkChoice): CompanyBulkChanges | null;
export function toChanges(entity: SelectionEntity, choice: BulkChoice): PersonBulkChanges | CompanyBulkChanges | null;
export function toChanges(entity: SelectionEntity, choice: BulkChoice): PersonBulkChanges | CompanyBulkChanges | null {
  if (entity === 'company') return choice.category === KEEP ? null : { categoryId: toId(choice.category) };

  const changes: PersonBulkChanges = {};
  if (choice.leadStatus !== KEEP) changes.leadStatusId = Number(choice.leadStatus);
  if (choice.owner !== KEEP) changes.ownerId = toId(choice.owner);
  return Object.keys(changes).length === 0 ? null : changes;
}

/** Tells whether a target covers every record: a filter without a single criteria line. */
export function coversEverything(target: BulkUpdateTarget): boolean {
  if (!('filter' in target)) return false;
  return target.filter.every((entry) => Array.isArray(entry) && entry.length === 0);
}

/** Tells whether a run is still working, so its progress needs polling. */
export function isActive(status: BulkUpdateStatus): boolean {
  return status === 'running' || status === 'stopping';
}
