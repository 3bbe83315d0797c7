import { sql } from 'kysely';

import { systemActor } from '../auth/actor.js';
import { generatePassword } from '../auth/password.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { createUser } from './user.service.js';

export type BootstrapResult =
  | { created: false }
  | { created: true; email: string; generatedPassword: string | null };

/**
 * Creates the first administrator when no administrator can sign in yet: from TRECHTER_ADMIN_EMAIL
 * and TRECHTER_ADMIN_PASSWORD when set, otherwise with a generated one-time password that the
 * caller prints once. Users without a password, such as demo data owners, do not count.
 */
export async function ensureFirstAdministrator(db: Db, config: Config): Promise<BootstrapResult> {
  return db.transaction().execute(async (trx) => {
    // Serialises two processes starting at once on the same PostgreSQL database.
    await sql`lock table users in share row exclusive mode`.execute(trx);
    const existing = await trx
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'administrator')
      .where('active', '=', true)
      .where('password_hash', 'is not', null)
      .executeTakeFirst();
    if (existing) return { created: false };

    const email = config.adminEmail ?? 'admin@trechter.local';
    const generatedPassword = config.adminPassword ? null : generatePassword();
    await createUser(trx, systemActor('edit', config.language), {
      name: config.language === 'en' ? 'Administrator' : 'Beheerder',
      email,
      password: config.adminPassword ?? (generatedPassword as string),
      role: 'administrator',
      language: config.language,
    });
    return { created: true, email, generatedPassword };
  });
}
