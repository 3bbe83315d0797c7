import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';

import { migrateToLatest, migrateUpTo } from '../../src/db/migrate.js';
import { createEmptyTestDatabase, testEngines } from '../support/databases.js';

describe.each(testEngines)('dashboards migration on %s', (engine) => {
  it('gives an existing database the Leads dashboard of its first administrator', async () => {
    const opened = await createEmptyTestDatabase(engine);
    try {
      await migrateUpTo(opened.db, '007-sales-and-automation');
      await sql`insert into users (name, email, role, language) values ('Gebruiker', 'gebruiker@example.nl', 'user', 'nl'),
        ('Beheerder', 'beheer@example.nl', 'administrator', 'nl')`.execute(opened.db);

      await migrateToLatest(opened.db);

      const dashboards = await opened.db.selectFrom('dashboards as d').innerJoin('users as u', 'u.id', 'd.owner_id').select(['d.name', 'd.shared', 'd.is_default', 'u.name as owner', 'd.tiles']).execute();
      expect(dashboards).toHaveLength(1);
      expect(dashboards[0]).toMatchObject({ name: 'Leads', shared: true, is_default: true, owner: 'Beheerder' });
      expect(dashboards[0]!.tiles).toHaveLength(7);
    } finally {
      await opened.dispose();
    }
  });

  it('keeps converted leads in the funnel', async () => {
    const opened = await createEmptyTestDatabase(engine);
    try {
      await migrateUpTo(opened.db, '009-dashboard-counts');
      await sql`insert into dashboards (name, owner_id, shared, tiles)
        select 'Kopie', null, false, tiles from dashboards where is_default`.execute(opened.db);
      // The copy's funnel was changed by hand, so the migration leaves it as it is.
      await sql`update dashboards set tiles = jsonb_set(tiles, '{1,criteria}', '[]') where name = 'Kopie'`.execute(opened.db);

      await migrateToLatest(opened.db);

      const rows = await sql<{ name: string; tiles: Array<{ id: string; criteria: unknown }> }>`select name, tiles from dashboards order by id`.execute(opened.db);
      const funnel = (name: string) => rows.rows.find((row) => row.name === name)!.tiles.find((tile) => tile.id === 'qualification-funnel')!;
      expect(funnel('Leads').criteria).toEqual([[{ field: 'leadStatus', operator: 'isNotEmpty', values: [] }]]);
      expect(funnel('Kopie').criteria).toEqual([]);
      // The other default tiles keep counting the persons of potential customers.
      const byStatus = rows.rows[0]!.tiles.find((tile) => tile.id === 'leads-by-status')!;
      expect(byStatus.criteria).toEqual([[{ field: 'categoryGroup', operator: 'isOneOf', values: ['potentialCustomer'] }]]);
    } finally {
      await opened.dispose();
    }
  });
});
