import { sql } from 'kysely';

import type { Db } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemoData } from '../demo/seed-demo-data.js';
import { compactPersonCounts } from '../persons/person-counts.js';

/**
 * The benchmark's data set: demo companies, persons and history from the demo data generator,
 * with about 4 persons per company (from one to hundreds) and most persons in a few statuses.
 * Earlier lead cycles top the history up to 3 lead status changes per person.
 */

/** Seed and clock of the generator, so that every run benchmarks the same data. */
export const DATA_SET_SEED = 5_001;
export const DATA_SET_NOW = new Date('2026-06-01T00:00:00.000Z');

/** Lead status changes per person in the data set. */
const CHANGES_PER_PERSON = 3;

export interface DataSetSummary {
  persons: number;
  companies: number;
  leadStatusChanges: number;
}

/** Migrates an empty database and fills it with the data set for `persons` persons; prints progress on stderr. */
export async function buildDataSet(db: Db, persons: number): Promise<DataSetSummary> {
  await migrateToLatest(db);
  let reported = 0;
  await seedDemoData(db, {
    persons,
    seed: DATA_SET_SEED,
    now: DATA_SET_NOW,
    onProgress: ({ personsDone }) => {
      if (personsDone - reported < persons / 10 && personsDone < persons) return;
      reported = personsDone;
      process.stderr.write(`  ${personsDone.toLocaleString('en')} of ${persons.toLocaleString('en')} persons\n`);
    },
  });
  await addEarlierLeadCycles(db, persons * CHANGES_PER_PERSON);
  await prepareForQueries(db);
  return summarizeDataSet(db);
}

/**
 * Adds, for a share of the persons with two or more status changes, a lead cycle before their
 * current one: Open, Contacting, Re-nurture, and back to Open when their company re-entered a
 * lead category. The records fall between the person's first status (always the default, Open)
 * and the next change, so every person's chain of statuses and the time of its last change stay
 * as they were. The share is chosen to reach `targetChanges` in all, or as near as the persons allow.
 */
async function addEarlierLeadCycles(db: Db, targetChanges: number): Promise<void> {
  const statuses = await db.selectFrom('lead_statuses').select(['id', 'name_en', 'is_default']).execute();
  const open = statuses.find((status) => status.is_default)?.id;
  const contacting = statuses.find((status) => status.name_en === 'Contacting')?.id;
  const renurture = statuses.find((status) => status.name_en === 'Re-nurture')?.id;
  if (open === undefined || contacting === undefined || renurture === undefined) {
    throw new Error('the data set needs the default lead statuses Open, Contacting and Re-nurture');
  }

  const counts = await sql<{ changes: number; persons: number }>`
    select (select count(*) from lead_status_changes)::integer as changes,
           (select count(*) from (select person_id from lead_status_changes group by person_id having count(*) > 1) as chains)::integer as persons
  `.execute(db);
  const { changes, persons } = counts.rows[0] ?? { changes: 0, persons: 0 };
  const cycleSteps = 3;
  const perMille = Math.min(1000, Math.max(0, Math.round(((targetChanges - changes) / (cycleSteps * Math.max(1, persons))) * 1000)));
  if (perMille === 0) return;

  await sql`
    insert into lead_status_changes (person_id, from_status_id, to_status_id, changed_at, changed_by, source)
    select first.person_id, step.from_id, step.to_id,
           first.changed_at + (first.next_at - first.changed_at) * step.fraction,
           first.changed_by, step.source
    from (
      select h.person_id, h.changed_at, h.changed_by,
             lead(h.changed_at) over person_history as next_at,
             row_number() over person_history as position
      from lead_status_changes as h
      window person_history as (partition by h.person_id order by h.changed_at, h.id)
    ) as first
    cross join (values
      (${open}::integer, ${contacting}::integer, 0.2, 'edit'),
      (${contacting}::integer, ${renurture}::integer, 0.4, 'board'),
      (${renurture}::integer, ${open}::integer, 0.6, 'categoryChange')
    ) as step (from_id, to_id, fraction, source)
    where first.position = 1 and first.next_at is not null and first.person_id % 1000 < ${perMille}
    order by first.person_id, step.fraction
  `.execute(db);
}

/**
 * Updates the planner statistics and the visibility map, as autovacuum does on a PostgreSQL
 * server some time after a bulk load. The visibility map lets counts use index-only scans.
 */
async function prepareForQueries(db: Db): Promise<void> {
  await compactPersonCounts(db);
  await sql`vacuum (analyze)`.execute(db);
}

export async function summarizeDataSet(db: Db): Promise<DataSetSummary> {
  const result = await sql<DataSetSummary>`
    select (select count(*) from persons)::integer as persons,
           (select count(*) from companies)::integer as companies,
           (select count(*) from lead_status_changes)::integer as "leadStatusChanges"
  `.execute(db);
  const summary = result.rows[0];
  if (summary === undefined) throw new Error('the data set summary returned no row');
  return summary;
}
