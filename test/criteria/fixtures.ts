import type { Insertable } from 'kysely';
import { expect } from 'vitest';

import type { Actor } from '../../src/auth/actor.js';
import type { Db } from '../../src/db/database.js';
import { DEFAULT_CATEGORIES, DEFAULT_LEAD_STATUSES } from '../../src/db/migrations/002-default-lists.js';
import type { CompaniesTable, PersonsTable } from '../../src/db/schema.js';
import { AppError } from '../../src/errors/app-error.js';

/** Test data for the list queries, inserted with plain SQL so that no service rules run. */

export function actorFor(userId: number | null, language: 'nl' | 'en' = 'nl'): Actor {
  return { userId, language, role: 'user', source: 'api' };
}

/** Removes the rows earlier tests added, keeping the default lists. */
export async function clearData(db: Db): Promise<void> {
  await db.deleteFrom('persons').execute();
  await db.deleteFrom('companies').execute();
  await db.deleteFrom('users').execute();
  const defaultStatuses = DEFAULT_LEAD_STATUSES.map((status) => status.en);
  await db
    .deleteFrom('lead_statuses')
    .where((eb) => eb.or([eb('name_en', 'is', null), eb('name_en', 'not in', defaultStatuses)]))
    .execute();
  const defaultCategories = DEFAULT_CATEGORIES.map((category) => category.en);
  await db
    .deleteFrom('categories')
    .where((eb) => eb.or([eb('name_en', 'is', null), eb('name_en', 'not in', defaultCategories)]))
    .execute();
}

/** Returns the id of a lead status or category by its English name. */
export async function leadStatusId(db: Db, nameEn: string): Promise<number> {
  const row = await db.selectFrom('lead_statuses').select('id').where('name_en', '=', nameEn).executeTakeFirstOrThrow();
  return row.id;
}

export async function categoryId(db: Db, nameEn: string): Promise<number> {
  const row = await db.selectFrom('categories').select('id').where('name_en', '=', nameEn).executeTakeFirstOrThrow();
  return row.id;
}

export async function insertUser(db: Db, name: string): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ name, email: `${name.toLowerCase().replace(/\W/g, '')}-${Math.random().toString(36).slice(2)}@example.test`, role: 'user', language: 'nl' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertCompany(db: Db, values: Insertable<CompaniesTable>): Promise<number> {
  const row = await db.insertInto('companies').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertPerson(db: Db, values: Insertable<PersonsTable>): Promise<number> {
  const row = await db.insertInto('persons').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Runs the call and returns the VALIDATION_FAILED error it must throw; fails on any other outcome. */
export async function validationErrorOf(call: () => unknown): Promise<AppError> {
  let thrown: unknown;
  try {
    await call();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a VALIDATION_FAILED error').toBeInstanceOf(AppError);
  expect((thrown as AppError).code).toBe('VALIDATION_FAILED');
  return thrown as AppError;
}

/** A small seeded random generator, so that generated data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}
