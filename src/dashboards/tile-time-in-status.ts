import { sql } from 'kysely';

import type { CriteriaSets } from '../criteria/criteria.js';
import { instantRangeExpression, timestamp } from '../criteria/criteria-sql.js';
import { buildFilter } from '../criteria/list-query.js';
import { relativePeriodRange } from '../criteria/periods.js';
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
 * Computes the time leads spent per lead status: for every history record that moved one of the
 * tile's persons into a status in the period, the days until the person's next change (or until
 * now, for the status they are still in), averaged per status in list order. Each group's criteria
 * select the persons who entered that status in the period, whose stays the average covers.
 */
export async function computeTimeInStatus(db: Executor, context: TileContext, criteria: CriteriaSets, period: Period | null): Promise<StatusStayGroup[]> {
  const filter = buildFilter(PERSON_FIELDS, context.actor, { filter: criteria, timeZone: context.timeZone, now: context.now });
  const persons = selectPersonRows(db).clearSelect().select('p.id').where(filter);
  const range = period === null ? {} : relativePeriodRange(period.range, { timeZone: context.timeZone, now: context.now, days: period.days ?? 1 });
  const now = timestamp(context.now);

  const rows = await sql<{ status_id: number; days: string | number | null; stays: number }>`
    select h.to_status_id as status_id,
           avg(greatest(0, extract(epoch from coalesce(next_change.changed_at, ${now})) - extract(epoch from h.changed_at))) / 86400 as days,
           cast(count(*) as integer) as stays
    from lead_status_changes as h
    left join lateral (
      select n.changed_at from lead_status_changes as n
      where n.person_id = h.person_id and (n.changed_at, n.id) > (h.changed_at, h.id)
      order by n.changed_at, n.id
      limit 1
    ) as next_change on true
    where h.to_status_id is not null
      and ${instantRangeExpression(sql`h.changed_at`, range)}
      and h.person_id in (${persons})
    group by h.to_status_id`.execute(db);
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
