import { Type } from '@sinclair/typebox';

import type { Actor } from '../auth/actor.js';
import { wholeDaysBetween } from '../criteria/periods.js';
import type { Executor } from '../db/database.js';
import { notFound } from '../errors/app-error.js';
import { localize } from '../lists/localize.js';
import { OrNull } from '../server/schemas.js';

export const StatusTimelineEntrySchema = Type.Object({
  leadStatus: OrNull(Type.Object({ id: Type.Integer(), name: Type.String(), deleted: Type.Boolean() })),
  from: Type.String({ description: 'when the person entered the status' }),
  to: OrNull(Type.String({ description: 'when the person left it; null for the current status' })),
  days: Type.Integer({ description: 'whole days in the status, up to now for the current one' }),
});

export interface StatusTimelineEntry {
  leadStatus: { id: number; name: string; deleted: boolean } | null;
  from: string;
  to: string | null;
  days: number;
}

/**
 * Returns the person's periods in each lead status, newest first. Each history record starts a
 * period that the next record ends; the newest one lasts until now.
 */
export async function getStatusTimeline(db: Executor, actor: Actor, personId: number, now: Date): Promise<StatusTimelineEntry[]> {
  const exists = await db.selectFrom('persons').select('id').where('id', '=', personId).executeTakeFirst();
  if (!exists) throw notFound('person', personId);

  const changes = await db
    .selectFrom('lead_status_changes as h')
    .leftJoin('lead_statuses as s', 's.id', 'h.to_status_id')
    .select(['h.to_status_id', 'h.changed_at', 's.name_nl', 's.name_en', 's.deleted'])
    .where('h.person_id', '=', personId)
    .orderBy('h.changed_at')
    .orderBy('h.id')
    .execute();

  const entries = changes.map((change, index) => {
    const next = changes[index + 1];
    const end = next?.changed_at ?? null;
    return {
      leadStatus:
        change.to_status_id === null
          ? null
          : { id: change.to_status_id, name: localize(actor.language, change.name_nl, change.name_en), deleted: change.deleted ?? false },
      from: change.changed_at.toISOString(),
      to: end?.toISOString() ?? null,
      days: Math.max(0, wholeDaysBetween(change.changed_at, end ?? now)),
    };
  });
  return entries.reverse();
}
