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
});
