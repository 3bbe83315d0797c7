import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { systemActor } from '../../src/auth/actor.js';
import { verifyPassword } from '../../src/auth/password.js';
import { readConfig } from '../../src/config.js';
import { ensureFirstAdministrator } from '../../src/users/bootstrap-admin.js';
import { createUser } from '../../src/users/user.service.js';
import { type TestDatabase, createTestDatabase, testEngines } from '../support/databases.js';

describe.each(testEngines)('first administrator on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database.dispose());

  it('is created beside demo users without a password', async () => {
    await database.db.transaction().execute((trx) => createUser(trx, systemActor('edit'), { name: 'Demo Verkoper', email: 'demo@example.nl' }));
    const config = readConfig({ TRECHTER_ADMIN_EMAIL: 'baas@example.nl', TRECHTER_ADMIN_PASSWORD: 'een geheim wachtwoord' });

    const result = await ensureFirstAdministrator(database.db, config);

    expect(result).toEqual({ created: true, email: 'baas@example.nl', generatedPassword: null });
    const admin = await database.db.selectFrom('users').selectAll().where('email', '=', 'baas@example.nl').executeTakeFirstOrThrow();
    expect(admin.role).toBe('administrator');
    expect(await verifyPassword('een geheim wachtwoord', admin.password_hash ?? '')).toBe(true);
  });

  it('is not created twice', async () => {
    const result = await ensureFirstAdministrator(database.db, readConfig({}));
    expect(result).toEqual({ created: false });
  });
});
