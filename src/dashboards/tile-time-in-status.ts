import { sql } from 'kysely';

import type { CriteriaSets } from '../criteria/criteria.js';
import { instantRangeExpression, timestamp } from '../criteria/criteria-sql.js';
import { buildFilter } from '../criteria/list-query.js';
import { type InstantRange, relativePeriodRange } from '../criteria/periods.js';
import { PERSON_FIELDS } from '../criteria/person-fields.js';
import type { Executor } from '../db/database.js';
import { localize } from '../lists/localize.js';
import { selectPersonRows } from '../persons/person.repository.js';
import type { Period } from './tile.js';
import { type TileContext, measureNumber, periodValues, withLines } from './tile-criteria.js';
import type { TileGroup } from './tile-groups.js';

/** The average time spent in one lead status, over the stays that began in the period. */
export interface StatusStayGroup extends TileGroup {
  /** Stays counted: a person who entered the status twice in the period counts twice. */
  stays: number;
}

/**
 * Computes the time leads spent per lead status, in list order. A stay starts with a history record
 * that moved one of the tile's persons into the status in the period, and lasts until the person's
 * next change, or until now for the status they are still in. Each group's criteria select the
 * persons who entered that status in the period.
 */
export async function computeTimeInStatus(db: Executor, context: TileContext, criteria: CriteriaSets, period: Period | null): Promise<StatusStayGroup[]> {
  const filter = buildFilter(PERSON_FIELDS, context.actor, { filter: criteria, timeZone: context.timeZone, now: context.now });
  const persons = selectPersonRows(db).clearSelect().select('p.id').where(filter);
  const range: Partial<InstantRange> = period === null ? {} : relativePeriodRange(period.range, { timeZone: context.timeZone, now: context.now, days: period.days ?? 1 });
  const now = timestamp(context.now);

  // Each change's next change comes later, so the changes from the start of the period on are
  // enough to find it. Numbering them per person in one sort is faster than a lookup per change.
  const fromStart = range.start === undefined ? sql`true` : sql`h.changed_at >= ${timestamp(range.start)}`;
  const rows = await sql<{ status_id: number; days: string | number | null; stays: number }>`
    select stay.to_status_id as status_id,
           avg(greatest(0, extract(epoch from coalesce(stay.next_changed_at, ${now})) - extract(epoch from stay.changed_at))) / 86400 as days,
           cast(count(*) as integer) as stays
    from (
      select h.to_status_id, h.changed_at,
             lead(h.changed_at) over (partition by h.person_id order by h.changed_at, h.id) as next_changed_at
      from lead_status_changes as h
      where ${fromStart} and h.person_id in (${persons})
    ) as stay
    where stay.to_status_id is not null and ${instantRangeExpression(sql`stay.changed_at`, range)}
    group by stay.to_status_id`.execute(db);
  const byStatus = new Map(rows.rows.map((row) => [row.status_id, row]));

  const statuses = await db.selectFrom('lead_statuses').select(['id', 'name_nl', 'name_en', 'deleted']).orderBy('sort_order').orderBy('id').execute();
  const operator = period === null ? 'isNotEmpty' : period.range;
  const values = period === null ? [] : periodValues(period);
  return statuses.flatMap((status) => {
    const row = byStatus.get(status.id);
    if (row === undefined) return [];
    return [
      {
        key: { value: status.id, label: localize(context.actor.language, status.name_nl, status.name_en), deleted: status.deleted },
        value: measureNumber(row.days),
        stays: Number(row.stays),
        criteria: withLines(criteria, [{ field: 'reachedLeadStatus', operator, values: [status.id, ...values] }]),
      },
    ];
  });
}
