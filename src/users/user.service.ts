import { sql } from 'kysely';

import type { Actor } from '../auth/actor.js';
import { hashPassword } from '../auth/password.js';
import { writeAuditEntry } from '../audit/audit-log.js';
import type { Executor, Trx } from '../db/database.js';
import type { Language, UserRole } from '../db/schema.js';
import { AppError, notFound } from '../errors/app-error.js';
import { assertCurrentVersion } from '../errors/version.js';
import { type User, toUser } from './user.js';

export interface UserInput {
  name: string;
  email: string;
  password?: string;
  role?: UserRole;
  language?: Language;
  availableForDistribution?: boolean;
  active?: boolean;
}

export const MIN_PASSWORD_LENGTH = 10;

function assertPassword(password: string | undefined): void {
  if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('VALIDATION_FAILED', `password must have at least ${MIN_PASSWORD_LENGTH} characters`, [
      { field: '/password', message: `at least ${MIN_PASSWORD_LENGTH} characters` },
    ]);
  }
}

async function assertEmailFree(db: Executor, email: string, exceptId: number | null): Promise<void> {
  const clash = await db
    .selectFrom('users')
    .select('id')
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .$if(exceptId !== null, (query) => query.where('id', '<>', exceptId as number))
    .executeTakeFirst();
  if (clash) throw new AppError('EMAIL_TAKEN', `the email address ${email} is already used by user ${clash.id}`, [{ field: '/email', message: 'already in use', code: 'taken' }]);
}

export async function listUsers(db: Executor): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(toUser);
}

export async function getUser(db: Executor, id: number): Promise<User> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('user', id);
  return toUser(row);
}

export async function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function createUser(trx: Trx, actor: Actor, input: UserInput): Promise<User> {
  assertPassword(input.password);
  const email = input.email.trim();
  await assertEmailFree(trx, email, null);

  const row = await trx
    .insertInto('users')
    .values({
      name: input.name.trim(),
      email,
      password_hash: input.password === undefined ? null : await hashPassword(input.password),
      role: input.role ?? 'user',
      language: input.language ?? 'nl',
      ...(input.availableForDistribution !== undefined ? { available_for_distribution: input.availableForDistribution } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAuditEntry(trx, actor, { entity: 'user', entityId: row.id, action: 'create', changes: { ...input, password: undefined } });
  return getUser(trx, row.id);
}

export async function updateUser(trx: Trx, actor: Actor, id: number, patch: Partial<UserInput>, expectedVersion: number): Promise<User> {
  const row = await trx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('user', id);
  assertCurrentVersion('user', id, row.version, expectedVersion);
  assertPassword(patch.password);
  if (patch.email !== undefined) await assertEmailFree(trx, patch.email.trim(), id);
  if (actor.userId === id && (patch.role === 'user' || patch.active === false)) {
    throw new AppError('VALIDATION_FAILED', 'you cannot take away your own administrator role or deactivate yourself; ask another administrator');
  }

  await trx
    .updateTable('users')
    .set((eb) => ({
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.email !== undefined ? { email: patch.email.trim() } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.language !== undefined ? { language: patch.language } : {}),
      ...(patch.availableForDistribution !== undefined ? { available_for_distribution: patch.availableForDistribution } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
  if (patch.password !== undefined) {
    await trx.updateTable('users').set({ password_hash: await hashPassword(patch.password) }).where('id', '=', id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
  }
  if (patch.active === false) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
  await writeAuditEntry(trx, actor, { entity: 'user', entityId: id, action: 'update', changes: { ...patch, password: patch.password ? '(changed)' : undefined } });
  return getUser(trx, id);
}

/** Sets a user's own interface language; needs no version because only the user changes it. */
export async function setUserLanguage(db: Executor, id: number, language: Language): Promise<User> {
  await db.updateTable('users').set({ language, updated_at: new Date() }).where('id', '=', id).execute();
  return getUser(db, id);
}
