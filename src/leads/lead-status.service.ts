import { sql } from 'kysely';

import type { Actor } from '../auth/actor.js';
import type { Executor, Trx } from '../db/database.js';
import type { LeadStatusChangeSource } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';

/** Returns the id of the status new leads start with; a database always has exactly one. */
export async function getDefaultLeadStatusId(db: Executor): Promise<number> {
  const row = await db.selectFrom('lead_statuses').select('id').where('is_default', '=', true).executeTakeFirst();
  if (!row) throw new AppError('INTERNAL', 'no default lead status is set');
  return row.id;
}

/**
 * Checks that a lead status can be chosen for a new value: it exists and is not deleted. A deleted
 * status stays on the records that hold it but cannot be picked again.
 */
export async function assertSelectableLeadStatus(db: Executor, leadStatusId: number, field = '/leadStatusId'): Promise<void> {
  const status = await db.selectFrom('lead_statuses').select(['id', 'deleted']).where('id', '=', leadStatusId).executeTakeFirst();
  if (!status) {
    throw new AppError('REFERENCE_NOT_FOUND', `lead status ${leadStatusId} does not exist`, [{ field, message: 'unknown lead status', code: 'unknownReference' }]);
  }
  if (status.deleted) {
    throw new AppError('ITEM_DELETED', `lead status ${leadStatusId} is deleted; restore it or choose another status`, [
      { field, message: 'deleted lead status', code: 'deletedItem' },
    ]);
  }
}

/** Writes one lead status change record; callers run it in the transaction that changes the status. */
export async function recordLeadStatusChange(
  trx: Trx,
  actor: Actor,
  change: { personId: number; fromStatusId: number | null; toStatusId: number | null; at: Date },
): Promise<void> {
  await trx
    .insertInto('lead_status_changes')
    .values({
      person_id: change.personId,
      from_status_id: change.fromStatusId,
      to_status_id: change.toStatusId,
      changed_at: change.at,
      changed_by: actor.userId,
      source: actor.source,
    })
    .execute();
}

/** One lead status change of a bulk write: the person, the old and new status and the path it came through. */
export interface LeadStatusChange {
  personId: number;
  fromStatusId: number | null;
  toStatusId: number | null;
  at: Date;
  source: LeadStatusChangeSource;
}

/** Rows per INSERT statement of recordLeadStatusChanges: 6 parameters each, far below PostgreSQL's 65,535. */
const CHANGES_PER_STATEMENT = 2_000;

/**
 * Writes one lead status change record per change, with a few multi-row inserts. Like
 * recordLeadStatusChange, callers run it in the transaction that changes the statuses.
 */
export async function recordLeadStatusChanges(trx: Trx, actor: Actor, changes: readonly LeadStatusChange[]): Promise<void> {
  for (let start = 0; start < changes.length; start += CHANGES_PER_STATEMENT) {
    const rows = changes.slice(start, start + CHANGES_PER_STATEMENT).map((change) => ({
      person_id: change.personId,
      from_status_id: change.fromStatusId,
      to_status_id: change.toStatusId,
      changed_at: change.at,
      changed_by: actor.userId,
      source: change.source,
    }));
    await trx.insertInto('lead_status_changes').values(rows).execute();
  }
}

/**
 * Starts a new lead cycle at the default status for every person of the given companies: their
 * company has just become lead-enabled. The previous value stays in the history. Persons must
 * already be protected from concurrent edits by a lock on their company.
 */
export async function startLeadCycleForCompanies(trx: Trx, actor: Actor, companyIds: number[], at: Date): Promise<number> {
  if (companyIds.length === 0) return 0;
  const defaultStatusId = await getDefaultLeadStatusId(trx);

  await sql`
    insert into lead_status_changes (person_id, from_status_id, to_status_id, changed_at, changed_by, source)
    select id, lead_status_id, ${defaultStatusId}, ${at}, ${actor.userId}, ${actor.source}
    from persons
    where company_id in (${sql.join(companyIds)}) and deleted_at is null
    order by id
  `.execute(trx);

  const result = await trx
    .updateTable('persons')
    .set((eb) => ({
      lead_status_id: defaultStatusId,
      lead_status_changed_at: at,
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('company_id', 'in', companyIds)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
