import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';

import * as initialSchema from './migrations/001-initial-schema.js';
import * as defaultLists from './migrations/002-default-lists.js';
import * as personCounts from './migrations/003-person-counts.js';
import * as nameSortColumns from './migrations/004-name-sort-columns.js';
import * as selections from './migrations/005-selections.js';
import * as bulkUpdates from './migrations/006-bulk-updates.js';
import * as salesAndAutomation from './migrations/007-sales-and-automation.js';
import * as dashboards from './migrations/008-dashboards.js';
import * as dashboardCounts from './migrations/009-dashboard-counts.js';
import * as funnelFollowsConvertedLeads from './migrations/010-funnel-follows-converted-leads.js';
import type { Database } from './schema.js';

// Migrations are imported statically so that the compiled server and the tests run the same code
// without reading a folder at run time. Names sort in the order they must run.
const MIGRATIONS: Record<string, Migration> = {
  '001-initial-schema': initialSchema as Migration,
  '002-default-lists': defaultLists as unknown as Migration,
  '003-person-counts': personCounts as Migration,
  '004-name-sort-columns': nameSortColumns as Migration,
  '005-selections': selections as Migration,
  '006-bulk-updates': bulkUpdates as Migration,
  '007-sales-and-automation': salesAndAutomation as Migration,
  '008-dashboards': dashboards as Migration,
  '009-dashboard-counts': dashboardCounts as Migration,
  '010-funnel-follows-converted-leads': funnelFollowsConvertedLeads as Migration,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Applies the migrations up to and including `name`, as an older release left the database; for tests of later migrations. */
export async function migrateUpTo(db: Kysely<Database>, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateTo(name);
  if (error) throw new Error(`database migration up to ${name} failed`, { cause: error });
}

/** Brings the database schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(`database migration ${failed?.migrationName ?? '(unknown)'} failed`, { cause: error });
  }
}
