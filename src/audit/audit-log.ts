import type { Actor } from '../auth/actor.js';
import type { Trx } from '../db/database.js';

/** Records who changed what, in the transaction of the change itself. */
export async function writeAuditEntry(
  trx: Trx,
  actor: Actor,
  entry: { entity: string; entityId: number; action: string; changes: Record<string, unknown> },
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      user_id: actor.userId,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      changes: JSON.stringify(entry.changes),
    })
    .execute();
}
