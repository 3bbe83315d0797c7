import { type Actor, systemActor } from '../../src/auth/actor.js';
import { createCompany } from '../../src/companies/company.service.js';
import type { Db } from '../../src/db/database.js';
import type { LeadStatusChangeSource } from '../../src/db/schema.js';
import { createPerson } from '../../src/persons/person.service.js';

export function actorFor(source: LeadStatusChangeSource = 'edit'): Actor {
  return systemActor(source);
}

/** Looks up a default list item by its Dutch name, so tests read like the interface. */
export async function categoryId(db: Db, nameNl: string): Promise<number> {
  const row = await db.selectFrom('categories').select('id').where('name_nl', '=', nameNl).executeTakeFirstOrThrow();
  return row.id;
}

export async function leadStatusId(db: Db, nameNl: string): Promise<number> {
  const row = await db.selectFrom('lead_statuses').select('id').where('name_nl', '=', nameNl).executeTakeFirstOrThrow();
  return row.id;
}

export async function makeCompany(db: Db, name: string, categoryNameNl: string | null) {
  const category = categoryNameNl === null ? null : await categoryId(db, categoryNameNl);
  return db.transaction().execute((trx) => createCompany(trx, actorFor(), { name, categoryId: category }));
}

export async function makePerson(db: Db, lastName: string, companyId: number | null, extra: { leadStatusId?: number | null } = {}) {
  return db.transaction().execute((trx) => createPerson(trx, actorFor(), { lastName, companyId, ...extra }));
}

export async function historyOf(db: Db, personId: number) {
  return db
    .selectFrom('lead_status_changes')
    .select(['from_status_id', 'to_status_id', 'source'])
    .where('person_id', '=', personId)
    .orderBy('id')
    .execute();
}
