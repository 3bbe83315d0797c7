import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { listCompanies, parseCompanyListParameters } from '../../src/companies/company-list.js';
import type { CriteriaSets } from '../../src/criteria/criteria.js';
import { listPersons } from '../../src/persons/person-list.js';
import { type TestDatabase, createTestDatabase, testEngines } from '../support/databases.js';
import { actorFor, categoryId, clearData, insertCompany, insertPerson, insertUser, seededRandom, validationErrorOf } from './fixtures.js';

const actor = actorFor(null);

describe.each(testEngines)('company list on %s', (engine) => {
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

  async function names(query: { filter?: CriteriaSets; sort?: string; userId?: number } = {}): Promise<string[]> {
    const page = await listCompanies(database.db, actorFor(query.userId ?? null), { filter: query.filter, sort: query.sort, limit: 500 });
    expect(page.total).toBe(page.rows.length);
    return page.rows.map((row) => row.name);
  }

  it('sorts by folded name by default', async () => {
    const db = database.db;
    for (const name of ['zeta', 'Émile BV', 'acme', 'Acme', 'Bakkerij']) await insertCompany(db, { name });

    expect(await names()).toEqual(['acme', 'Acme', 'Bakkerij', 'Émile BV', 'zeta']);
    expect(await names({ sort: '-name' })).toEqual(['zeta', 'Émile BV', 'Bakkerij', 'Acme', 'acme']);
  });

  it('sorts a renamed company under its new name', async () => {
    const db = database.db;
    const renamed = await insertCompany(db, { name: 'Zuivel BV' });
    await insertCompany(db, { name: 'Melkerij' });
    await db.updateTable('companies').set({ name: 'Ábel Zuivel' }).where('id', '=', renamed).execute();

    expect(await names()).toEqual(['Ábel Zuivel', 'Melkerij']);
  });

  it('filters on company fields', async () => {
    const db = database.db;
    const anna = await insertUser(db, 'Anna');
    await insertCompany(db, { name: 'Lead', postcode: '1012 AB', city: 'Amsterdam', owner_id: anna, category_id: await categoryId(db, 'Lead') });
    await insertCompany(db, { name: 'Customer', postcode: '3511 CD', category_id: await categoryId(db, 'Customer') });
    await insertCompany(db, { name: 'Bare', website: 'https://bare.example' });

    expect(await names({ filter: [[{ field: 'postcode', operator: 'startsWith', values: ['1012'] }]] })).toEqual(['Lead']);
    expect(await names({ filter: [[{ field: 'city', operator: 'isEmpty' }]] })).toEqual(['Bare', 'Customer']);
    expect(await names({ filter: [[{ field: 'owner', operator: 'isOneOf', values: ['currentUser'] }]], userId: anna })).toEqual(['Lead']);
    expect(await names({ filter: [[{ field: 'categoryGroup', operator: 'isNotOneOf', values: ['customer'] }]] })).toEqual(['Bare', 'Lead']);
    expect(await names({ filter: [[{ field: 'leadStatusEnabled', operator: 'is', values: [true] }]] })).toEqual(['Lead']);
    expect(await names({ filter: [[{ field: 'website', operator: 'contains', values: ['BARE'] }]] })).toEqual(['Bare']);
  });

  it('filters and sorts on the number of persons', async () => {
    const db = database.db;
    const two = await insertCompany(db, { name: 'Two' });
    const one = await insertCompany(db, { name: 'One' });
    await insertCompany(db, { name: 'None' });
    await insertPerson(db, { last_name: 'A', company_id: two });
    await insertPerson(db, { last_name: 'B', company_id: two });
    await insertPerson(db, { last_name: 'C', company_id: one });
    await insertPerson(db, { last_name: 'Gone', company_id: one, deleted_at: new Date() });

    expect(await names({ filter: [[{ field: 'personCount', operator: 'equals', values: [0] }]] })).toEqual(['None']);
    expect(await names({ filter: [[{ field: 'personCount', operator: 'between', values: [1, 2] }]] })).toEqual(['One', 'Two']);
    expect(await names({ sort: '-personCount' })).toEqual(['Two', 'One', 'None']);
  });

  it('leaves out deleted companies unless asked to include them', async () => {
    const db = database.db;
    await insertCompany(db, { name: 'Active' });
    await insertCompany(db, { name: 'Deleted', deleted_at: new Date() });

    expect(await names()).toEqual(['Active']);
    expect((await listCompanies(db, actor, { includeDeleted: true })).total).toBe(2);
  });

  it('never skips or repeats a company while companies change', async () => {
    const db = database.db;
    const random = seededRandom(21);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const addCompany = () =>
      insertCompany(db, { name: pick(['Acme', 'acme', 'Émile', 'Emile', 'Zeta']), city: pick(['Delft', null, 'delft', 'Assen']) });
    const initial: number[] = [];
    for (let index = 0; index < 40; index += 1) initial.push(await addCompany());

    for (const sort of ['name', '-name', 'city,-registeredAt', '-category,name']) {
      const removed = new Set<number>();
      const ids: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await listCompanies(db, actor, { sort, limit: 4, cursor });
        ids.push(...page.rows.map((row) => row.id));
        cursor = page.nextCursor ?? undefined;

        await addCompany();
        const unseen = initial.filter((id) => !ids.includes(id) && !removed.has(id));
        const victim = unseen[Math.floor(random() * unseen.length)];
        if (victim !== undefined && random() < 0.5) {
          await db.updateTable('companies').set({ deleted_at: new Date() }).where('id', '=', victim).execute();
          removed.add(victim);
        }
      } while (cursor !== undefined);

      expect(new Set(ids).size, `repeated rows under sort ${sort}`).toBe(ids.length);
      expect(initial.filter((id) => !removed.has(id) && !ids.includes(id)), `skipped rows under sort ${sort}`).toEqual([]);
      await db.updateTable('companies').set({ deleted_at: null }).execute();
    }
  });

  it('rejects a person cursor', async () => {
    const db = database.db;
    await insertPerson(db, { last_name: 'A' });
    await insertPerson(db, { last_name: 'B' });
    await insertCompany(db, { name: 'A' });
    const personPage = await listPersons(db, actor, { limit: 1 });

    await validationErrorOf(() => listCompanies(db, actor, { cursor: personPage.nextCursor ?? '' }));
    await validationErrorOf(() => parseCompanyListParameters({ cursor: personPage.nextCursor ?? '' }));
  });

  it('rejects a person field', async () => {
    await validationErrorOf(() => listCompanies(database.db, actor, { filter: [[{ field: 'leadStatus', operator: 'isEmpty' }]] }));
    await validationErrorOf(() => listCompanies(database.db, actor, { sort: 'lastName' }));
  });
});
