import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { Db } from '../../src/db/database.js';
import type { PersonListRow } from '../../src/persons/person.repository.js';
import { listPersons } from '../../src/persons/person-list.js';
import { type TestDatabase, createTestDatabase, testEngines } from '../support/databases.js';
import {
  actorFor,
  categoryId,
  clearData,
  insertCompany,
  insertPerson,
  insertUser,
  leadStatusId,
  seededRandom,
  validationErrorOf,
} from './fixtures.js';

const actor = actorFor(null);

async function sortedNames(db: Db, sort: string): Promise<string[]> {
  const page = await listPersons(db, actor, { sort, limit: 500 });
  return page.rows.map((row) => [row.first_name, row.middle_name, row.last_name].filter(Boolean).join(' '));
}

/** Reads every page of a sort, calling `between` after each page, and returns the ids in order. */
async function readAllPages(
  db: Db,
  sort: string,
  limit: number,
  between: (page: PersonListRow[]) => Promise<void> = async () => {},
): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | undefined;
  for (let pageNumber = 0; pageNumber < 1000; pageNumber += 1) {
    const page = await listPersons(db, actor, { sort, limit, cursor });
    ids.push(...page.rows.map((row) => row.id));
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
    await between(page.rows);
  }
  throw new Error(`paging through sort ${sort} did not end`);
}

const LAST_NAMES = ['Vries', 'vries', 'VRIES', 'Vriës', 'Bakker', 'Jansen', 'Ölçer', 'Olcer', 'Zwart', 'Aa'];
const FIRST_NAMES = ['Jan', 'jan', 'Émile', 'Emile', null, 'Anna', null];
const CITIES = ['Amsterdam', 'amsterdam', 'Utrecht', null, 'Zwolle'];
const TIMESTAMPS = [
  '2026-03-01T10:00:00Z',
  '2026-03-01T10:00:00.000001Z',
  '2026-03-01T10:00:00.000002Z',
  '2026-02-01T08:30:00Z',
  '2027-01-01T00:00:00Z',
];

/** Inserts persons with many equal, folded-equal and missing sort values. */
async function insertVariedPersons(db: Db, count: number, random: () => number): Promise<number[]> {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;

  const statuses = [null, await leadStatusId(db, 'Open'), await leadStatusId(db, 'Qualified'), await leadStatusId(db, 'Contacting')];
  const deletedStatus = await db
    .insertInto('lead_statuses')
    .values({ name_nl: `Oud ${random()}`, name_en: `Old ${random()}`, sort_order: 25, deleted: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  statuses.push(deletedStatus.id);

  const owners = [null, await insertUser(db, 'Anna'), await insertUser(db, 'bram')];
  const companies: Array<number | null> = [null];
  for (const [index, city] of CITIES.entries()) {
    const category = index % 2 === 0 ? await categoryId(db, 'Lead') : await categoryId(db, 'Customer');
    companies.push(await insertCompany(db, { name: pick(['Acme', 'acme', 'Émile BV', 'Zeta']), city, category_id: index === 3 ? null : category }));
  }

  const persons = Array.from({ length: count }, () => ({
    last_name: pick(LAST_NAMES),
    first_name: pick(FIRST_NAMES),
    middle_name: pick([null, null, 'de', 'van der']),
    email: pick([null, 'a@example.test', 'B@example.test']),
    company_id: pick(companies),
    owner_id: pick(owners),
    lead_status_id: pick(statuses),
    lead_status_changed_at: pick([null, ...TIMESTAMPS]),
    registered_at: pick(TIMESTAMPS),
    former_employee: random() < 0.3,
  }));
  const rows = await db.insertInto('persons').values(persons).returning('id').execute();
  return rows.map((row) => row.id);
}

const SORTS = [
  'lastName',
  '-lastName',
  'firstName',
  '-name',
  'leadStatus,-registeredAt',
  'companyName,-leadStatus',
  '-daysInStatus',
  'daysInStatus,lastName',
  'city,-owner,registeredAt',
  'categoryGroup,-formerEmployee',
  '-leadStatusChangedAt',
  'email',
  '-category,company',
];

describe.each(testEngines)('person sort on %s', (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.dispose();
  });
  beforeEach(async () => {
    await clearData(database.db);
  });

  it('sorts de Vries under V and ignores the middle name', async () => {
    const db = database.db;
    await insertPerson(db, { first_name: 'Jan', middle_name: 'de', last_name: 'Vries' });
    await insertPerson(db, { first_name: 'Piet', last_name: 'Dekker' });
    await insertPerson(db, { first_name: 'Kees', last_name: 'Visser' });
    await insertPerson(db, { first_name: 'Els', middle_name: 'van der', last_name: 'Berg' });
    await insertPerson(db, { first_name: 'Ada', last_name: 'Zwart' });

    expect(await sortedNames(db, 'lastName')).toEqual(['Els van der Berg', 'Piet Dekker', 'Kees Visser', 'Jan de Vries', 'Ada Zwart']);
    expect(await sortedNames(db, 'name')).toEqual(await sortedNames(db, 'lastName'));
    expect(await sortedNames(db, '-lastName')).toEqual(['Ada Zwart', 'Jan de Vries', 'Kees Visser', 'Piet Dekker', 'Els van der Berg']);
  });

  it('sorts Émile next to Emile and folds case', async () => {
    const db = database.db;
    await insertPerson(db, { first_name: 'Erik', last_name: 'Aa' });
    await insertPerson(db, { first_name: 'Émile', last_name: 'Ab' });
    await insertPerson(db, { first_name: 'anna', last_name: 'Ac' });
    await insertPerson(db, { first_name: 'Emile', last_name: 'Aa' });
    await insertPerson(db, { first_name: 'Zoë', last_name: 'Aa' });
    await insertPerson(db, { first_name: 'Anna', last_name: 'Ab' });

    expect(await sortedNames(db, 'firstName')).toEqual(['Anna Ab', 'anna Ac', 'Emile Aa', 'Émile Ab', 'Erik Aa', 'Zoë Aa']);
  });

  it('sorts last names with folded case and accents together', async () => {
    const db = database.db;
    await insertPerson(db, { first_name: 'B', last_name: 'Olcer' });
    await insertPerson(db, { first_name: 'A', last_name: 'Ölçer' });
    await insertPerson(db, { first_name: 'C', last_name: 'OLCER' });
    await insertPerson(db, { first_name: 'D', last_name: 'Oz' });
    await insertPerson(db, { first_name: 'E', last_name: 'Ob' });

    expect(await sortedNames(db, 'lastName')).toEqual(['E Ob', 'A Ölçer', 'B Olcer', 'C OLCER', 'D Oz']);
  });

  it('puts empty values last in both directions', async () => {
    const db = database.db;
    const amsterdam = await insertCompany(db, { name: 'A', city: 'Amsterdam' });
    const utrecht = await insertCompany(db, { name: 'U', city: 'Utrecht' });
    await insertPerson(db, { last_name: 'Nowhere' });
    await insertPerson(db, { last_name: 'Amsterdammer', company_id: amsterdam });
    await insertPerson(db, { last_name: 'Utrechter', company_id: utrecht });

    expect(await sortedNames(db, 'city')).toEqual(['Amsterdammer', 'Utrechter', 'Nowhere']);
    expect(await sortedNames(db, '-city')).toEqual(['Utrechter', 'Amsterdammer', 'Nowhere']);
  });

  it('sorts lead statuses by the list order and keeps deleted ones in place', async () => {
    const db = database.db;
    const first = await db
      .insertInto('lead_statuses')
      .values({ name_nl: 'Eerst', name_en: 'First', sort_order: 5 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const retired = await db
      .insertInto('lead_statuses')
      .values({ name_nl: 'Oud', name_en: 'Retired', sort_order: 15, deleted: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertPerson(db, { last_name: 'Qualified', lead_status_id: await leadStatusId(db, 'Qualified') });
    await insertPerson(db, { last_name: 'None' });
    await insertPerson(db, { last_name: 'Open', lead_status_id: await leadStatusId(db, 'Open') });
    await insertPerson(db, { last_name: 'Retired', lead_status_id: retired.id });
    await insertPerson(db, { last_name: 'First', lead_status_id: first.id });

    expect(await sortedNames(db, 'leadStatus')).toEqual(['First', 'Open', 'Retired', 'Qualified', 'None']);
    expect(await sortedNames(db, '-leadStatus')).toEqual(['Qualified', 'Retired', 'Open', 'First', 'None']);
  });

  it('breaks ties by id', async () => {
    const db = database.db;
    const ids = [];
    for (let index = 0; index < 5; index += 1) ids.push(await insertPerson(db, { last_name: 'Same', first_name: 'Name' }));

    const ascending = await listPersons(db, actor, { sort: 'lastName' });
    const descending = await listPersons(db, actor, { sort: '-lastName' });

    expect(ascending.rows.map((row) => row.id)).toEqual(ids);
    expect(descending.rows.map((row) => row.id)).toEqual([...ids].reverse());
  });
});

describe.each(testEngines)('person paging on %s', (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.dispose();
  });
  beforeEach(async () => {
    await clearData(database.db);
  });

  it.each(SORTS)('pages through sort %s in the order of one full page', async (sort) => {
    const db = database.db;
    await insertVariedPersons(db, 90, seededRandom(7));

    const full = await listPersons(db, actor, { sort, limit: 500 });
    const paged = await readAllPages(db, sort, 7);

    expect(full.total).toBe(90);
    expect(full.nextCursor).toBeNull();
    expect(paged).toEqual(full.rows.map((row) => row.id));
  });

  it.each(SORTS)('never skips or repeats a row under sort %s while rows change', async (sort) => {
    const db = database.db;
    const random = seededRandom(sort.length * 31 + 11);
    const initial = await insertVariedPersons(db, 60, random);
    const removed = new Set<number>();
    const removedBeforeRead = new Set<number>();
    const seen = new Set<number>();

    const ids = await readAllPages(db, sort, 6, async (page) => {
      for (const row of page) seen.add(row.id);
      await insertVariedPersons(db, 2, random);

      const unseen = initial.filter((id) => !seen.has(id) && !removed.has(id));
      const seenBefore = [...seen].filter((id) => !removed.has(id));
      const softDeleted = unseen[Math.floor(random() * unseen.length)];
      const hardDeleted = seenBefore[Math.floor(random() * seenBefore.length)];
      if (softDeleted !== undefined) {
        await db.updateTable('persons').set({ deleted_at: new Date() }).where('id', '=', softDeleted).execute();
        removed.add(softDeleted);
        removedBeforeRead.add(softDeleted);
      }
      if (hardDeleted !== undefined) {
        await db.deleteFrom('persons').where('id', '=', hardDeleted).execute();
        removed.add(hardDeleted);
      }
    });

    expect(new Set(ids).size).toBe(ids.length);
    const missed = initial.filter((id) => !removed.has(id) && !ids.includes(id));
    expect(missed).toEqual([]);
    expect(ids.filter((id) => removedBeforeRead.has(id))).toEqual([]);
  });

  it('pages exactly through timestamps one microsecond apart', async () => {
    const db = database.db;
    for (const registeredAt of ['2026-03-01T10:00:00.000002Z', '2026-03-01T10:00:00.000001Z', '2026-03-01T10:00:00Z']) {
      await insertPerson(db, { last_name: registeredAt, registered_at: registeredAt });
    }

    const ids = await readAllPages(db, '-registeredAt', 1);

    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });

  it('returns the total of all pages on every page', async () => {
    const db = database.db;
    await insertVariedPersons(db, 12, seededRandom(3));

    const first = await listPersons(db, actor, { limit: 5 });
    const second = await listPersons(db, actor, { limit: 5, cursor: first.nextCursor ?? undefined });

    expect(first.rows).toHaveLength(5);
    expect(first.total).toBe(12);
    expect(second.total).toBe(12);
  });

  it('rejects a cursor from another sort', async () => {
    const db = database.db;
    await insertVariedPersons(db, 5, seededRandom(5));
    const page = await listPersons(db, actor, { sort: 'lastName', limit: 2 });

    const error = await validationErrorOf(() => listPersons(db, actor, { sort: '-lastName', limit: 2, cursor: page.nextCursor ?? '' }));
    expect(error.fields?.[0]?.field).toBe('/cursor');
  });

  it('uses page size 50 unless asked otherwise', async () => {
    const db = database.db;
    await insertVariedPersons(db, 51, seededRandom(9));

    const page = await listPersons(db, actor);

    expect(page.rows).toHaveLength(50);
    expect(page.nextCursor).not.toBeNull();
  });
});
